/**
 * Trends for the pane: per indicator, its figures (本期值) over the periods the workbook knows — the
 * 历史数据 rows and the current period's sheets — as a short series in time order.
 */
import type { Catalog } from "../spec/catalog/types";
import { historyItemCategory, historySheetName } from "../spec/history-layout";
import { categorySheetNames } from "../spec/sheets";
import type { SheetGrid } from "../reading/grid";
import { type HistoryRecord, periodLabel, readHistorySheet } from "../reading/history";
import { openIndicatorSheet } from "../reading/indicators";
import type { BulletinSettings } from "../reading/settings";
import { quantityPhrase } from "../wording/phrases";

/** What a trend needs of one figure: a 历史数据 record, or a current sheet's row in its period. */
export type TrendRecord = Pick<HistoryRecord, "year" | "month" | "category" | "name" | "unit" | "actual">;

export interface TrendPoint {
  year: number;
  month: number;
  /** 2026年3月 */
  label: string;
  value: number;
  /** The value with its unit as the pane shows it: 65.04亿元. */
  text: string;
}

export interface TrendSeries {
  category: string;
  name: string;
  unit: string;
  /** Oldest first, one per period. */
  points: TrendPoint[];
}

export interface TrendOptions {
  /** An indicator is drawn from this many periods on (3). */
  minPeriods?: number;
  /** The newest this many periods are kept (12). */
  maxPeriods?: number;
}

/** Digits a trend's value texts keep (trailing zeros dropped): 小数位数 is not part of the history. */
const valueDecimals = 2;

interface Figure {
  record: TrendRecord;
  isCurrent: boolean;
}

const periodKey = (year: number, month: number) => year * 100 + month;

/**
 * The series of every indicator that has figures for at least `minPeriods` periods, its newest
 * `maxPeriods` in time order, indicators in the order they first appear (the current sheets first).
 * A period is counted once: the current sheets win over the history, and of two history rows for
 * the same period the later one (the history's checks warn about the duplicate). Points in another
 * unit than the newest one are left out, since one line cannot show two units (the checks warn).
 * Rows without 本期值 are no period of that indicator.
 */
export function trendSeries(
  history: readonly TrendRecord[],
  current: readonly TrendRecord[] = [],
  options: TrendOptions = {},
): TrendSeries[] {
  const minPeriods = options.minPeriods ?? 3;
  const maxPeriods = options.maxPeriods ?? 12;
  const byIndicator = new Map<string, { category: string; name: string; periods: Map<number, Figure> }>();
  const add = (record: TrendRecord, isCurrent: boolean) => {
    if (record.actual === null || !Number.isFinite(record.actual)) return;
    const category = record.category.trim();
    // 民生实事 items are archived with their status; their line would not be an indicator's.
    if (category === historyItemCategory) return;
    const name = record.name.trim();
    const key = `${category}\u0000${name}`;
    let indicator = byIndicator.get(key);
    if (!indicator) {
      indicator = { category, name, periods: new Map() };
      byIndicator.set(key, indicator);
    }
    const period = periodKey(record.year, record.month);
    if (!indicator.periods.get(period)?.isCurrent) indicator.periods.set(period, { record, isCurrent });
  };
  for (const record of current) add(record, true);
  for (const record of history) add(record, false);

  const series: TrendSeries[] = [];
  for (const { category, name, periods } of byIndicator.values()) {
    const ordered = Array.from(periods.entries())
      .sort((a, b) => a[0] - b[0])
      .map(([, figure]) => figure.record);
    const unit = ordered[ordered.length - 1]!.unit.trim();
    const sameUnit = ordered.filter((record) => record.unit.trim() === unit);
    if (sameUnit.length < minPeriods) continue;
    const points = sameUnit.slice(-maxPeriods).map((record) => ({
      year: record.year,
      month: record.month,
      label: periodLabel(record),
      value: record.actual!,
      text: quantityPhrase(record.actual!, unit, valueDecimals),
    }));
    series.push({ category, name, unit, points });
  }
  return series;
}

/**
 * The current period's figures from the category sheets, as trend records: none while 专报设置 lacks
 * 统计年份 or 统计月份. Rows are read as the bulletin reads them; the checks report their problems.
 */
export function currentTrendRecords(
  grids: readonly SheetGrid[],
  settings: BulletinSettings,
  catalog: Catalog,
): TrendRecord[] {
  const { year, month } = settings;
  if (year === null || month === null) return [];
  const byName = new Map(grids.map((grid) => [grid.name.trim(), grid]));
  const records: TrendRecord[] = [];
  for (const category of categorySheetNames(catalog)) {
    for (const row of openIndicatorSheet(category, byName.get(category)).rows) {
      records.push({ year, month, category, name: row.name, unit: row.unit, actual: row.actual });
    }
  }
  return records;
}

/**
 * The trends of a workbook: null without a 历史数据 sheet, else the series of its history and the
 * current period's figures. The history's problems are the checks' to report.
 */
export function workbookTrends(
  grids: readonly SheetGrid[],
  settings: BulletinSettings,
  catalog: Catalog,
): TrendSeries[] | null {
  const history = grids.find((grid) => grid.name.trim() === historySheetName);
  if (!history) return null;
  const { records } = readHistorySheet(history, { catalog });
  return trendSeries(records, currentTrendRecords(grids, settings, catalog));
}
