/**
 * Figures a row takes from 历史数据: an empty 上年同期值 filled from the same indicator a year earlier
 * (same 累计截止月份), with a 提示 naming where it came from, or a warning where a typed one differs;
 * and {上期值}, the latest earlier period's 本期值.
 */
import { formatNumber } from "../calc/format";
import { type HistoryIndex, type HistoryPeriod, type HistoryRecord, periodLabel } from "../reading/history";
import type { IndicatorRow } from "../reading/indicators";
import { historySheetName } from "../spec/history-layout";
import type { Issue } from "../spec/issues";

/** The period a bulletin is for, as 专报设置 gives it: null parts switch the lookups off. */
export interface CurrentPeriod {
  year: number | null;
  month: number | null;
  /** 累计截止月份; the month when not set. */
  cumulativeMonth: number | null;
}

/** Typed figures are compared as a person would: 0.1 + 0.2 equals 0.3. */
function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function shown(value: number): string {
  return formatNumber(value, 6);
}

function source(record: HistoryRecord): string {
  const at = record.cells.actual ? `，${historySheetName}!${record.cells.actual}` : "";
  return `“${historySheetName}”${periodLabel(record)}${at}`;
}

/** Units that would not compare: both given and different. */
function unitsDiffer(row: IndicatorRow, record: HistoryRecord): boolean {
  return row.unit !== "" && record.unit !== "" && row.unit !== record.unit;
}

export class HistoryFigures {
  readonly issues: Issue[] = [];
  private readonly current: HistoryPeriod | null;
  private readonly cumulativeMonth: number | null;

  constructor(
    private readonly index: HistoryIndex,
    period: CurrentPeriod,
  ) {
    this.current = period.year !== null && period.month !== null ? { year: period.year, month: period.month } : null;
    this.cumulativeMonth = period.cumulativeMonth ?? period.month;
  }

  /** Fills an empty 上年同期值 of `row` in place, as ItemCountCheck fills counts, and notes what it did. */
  fillPrior(row: IndicatorRow): void {
    if (this.current === null || this.cumulativeMonth === null) return;
    const record = this.index.sameCumulative(row.sheet, row.name, this.current.year - 1, this.cumulativeMonth);
    if (record === null || record.actual === null) return;
    const cell = row.cells.prior ?? row.cells.name ?? null;
    if (unitsDiffer(row, record)) {
      this.issues.push({
        severity: "warning",
        sheet: row.sheet,
        cell,
        code: "history-prior-unit",
        message: `“${row.name}”的单位“${row.unit}”与${source(record)}的单位“${record.unit}”不同，未取用历史数据`,
        hint: "统一单位后再比较",
      });
      return;
    }
    if (row.prior === null) {
      row.prior = record.actual;
      // A row left out of the bulletin (纳入专报 否) takes the figure quietly: a 提示 there is noise.
      if (!row.include) return;
      this.issues.push({
        severity: "info",
        sheet: row.sheet,
        cell,
        code: "history-prior-filled",
        message: `“${row.name}”的上年同期值为空，取${source(record)}的本期值${shown(record.actual)}`,
        hint: "如需改用其他数值，直接填写上年同期值",
      });
    } else if (!sameFigure(row.prior, record.actual)) {
      this.issues.push({
        severity: "warning",
        sheet: row.sheet,
        cell,
        code: "history-prior-mismatch",
        message: `“${row.name}”的上年同期值${shown(row.prior)}与${source(record)}的本期值${shown(record.actual)}不符`,
        hint: "核对上年同期值；上年数据如有修订，以修订后的为准",
      });
    }
  }

  /** {上期值} of `row`: the latest earlier period's 本期值, null without one or when units differ. */
  previous(row: IndicatorRow): number | null {
    if (this.current === null) return null;
    const record = this.index.previous(row.sheet, row.name, this.current);
    if (record === null || unitsDiffer(row, record)) return null;
    return record.actual;
  }
}
