/**
 * The preview's 历史数据: the eleven periods before the sample's, made up from its figures, so that 预览模式
 * shows the 趋势 card. Nothing else reads it: the CLI's `--sample` template and the golden texts keep
 * the sample as it is. The figures are plausible, not real: a cumulative figure grows through the year
 * in step with its 累计截止月份 and starts again in January, last year's about 8% lower; a rate (%)
 * eases towards its 本期值. No made-up row is the 上年同期 of a current row (the same 累计截止月份 a
 * year earlier), so the history fills no 上年同期值 and the bulletin reads as without it.
 */
import {
  categorySheetNames,
  countUnits,
  type HistoryColumnKey,
  historyColumns,
  historySheetName,
  kaijuBahao,
  rateUnits,
  settingsSheetName,
} from "../core/spec";
import { readIndicatorSheet, readSettings, type IndicatorRow, type SheetGrid } from "../core/reading";

const periodsBefore = 11;
const lastYearShare = 1 / 1.08;

type HistoryCells = Partial<Record<HistoryColumnKey, string | number>>;

/** The made-up 本期值 of `row` in a period `back` periods before the current one. */
function figureBefore(
  row: IndicatorRow,
  back: number,
  cumulativeMonth: number,
  currentCumulative: number,
  lastYear: boolean,
): number | null {
  const { actual } = row;
  if (actual === null) return null;
  const unit = row.unit.trim();
  if (rateUnits.includes(unit)) return actual * (1 - back / 100);
  const value = (actual * (lastYear ? lastYearShare : 1) * cumulativeMonth) / currentCumulative;
  // Whole things stay whole (a fractional count would be an error).
  return countUnits.includes(unit) ? Math.round(value) : Math.round(value * 100) / 100;
}

/** `grids` with a 历史数据 sheet of made-up earlier periods (replacing an empty one). */
export function withPreviewHistory(grids: readonly SheetGrid[]): SheetGrid[] {
  const byName = new Map(grids.map((grid) => [grid.name.trim(), grid]));
  const { settings } = readSettings(byName.get(settingsSheetName));
  const { year, month: currentMonth, cumulativeTo } = settings;
  if (year === null || currentMonth === null || cumulativeTo === null) return [...grids];
  // How far 累计截止月份 lags 统计月份 (the sample reports 1-3月 in April).
  const lag = currentMonth - cumulativeTo;
  const rows: HistoryCells[] = [];
  for (let back = periodsBefore; back >= 1; back -= 1) {
    const serial = year * 12 + currentMonth - 1 - back;
    const period = { year: Math.floor(serial / 12), month: (serial % 12) + 1 };
    const cumulativeMonth = period.month - lag;
    // A January that reports last year's whole year is left out rather than made up.
    if (cumulativeMonth < 1) continue;
    for (const category of categorySheetNames(kaijuBahao)) {
      for (const row of readIndicatorSheet(category, byName.get(category)).rows) {
        const value = figureBefore(row, back, cumulativeMonth, cumulativeTo, period.year < year);
        if (value === null) continue;
        rows.push({ ...period, cumulativeMonth, category, name: row.name, unit: row.unit, actual: value });
      }
    }
  }
  const history: SheetGrid = {
    name: historySheetName,
    values: [
      historyColumns.map((column) => column.header),
      ...rows.map((cells) => historyColumns.map((column) => cells[column.key] ?? null)),
    ],
  };
  return [...grids.filter((grid) => grid.name.trim() !== historySheetName), history];
}
