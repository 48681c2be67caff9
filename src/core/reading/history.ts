/**
 * 历史数据 → one record per indicator (or 民生实事 item) per period, with the issues a person has to
 * look at: unreadable cells, the same indicator twice in a period, a period after the current one,
 * and a unit that changed between periods. The lookups the bulletin, ZB.HISTORY and the pane's trends
 * need (上年同期, 上期, a period's item counts) are here too, so they agree.
 */
import type { ProgressStatus } from "../calc/calc";
import type { RowNumbers } from "../calc/figures";
import type { Catalog } from "../spec/catalog/types";
import { historyColumns, historyItemCategory, historySheetName, type HistoryColumnKey } from "../spec/history-layout";
import type { Issue } from "../spec/issues";
import { type ItemLevel, itemLevels, progressStatuses } from "../spec/layout";
import type { CellValue } from "./cells";
import { GridReader, type SheetGrid } from "./grid";
import { countItems, type ItemCounts } from "./items";
import { readNumber } from "./numbers";

/** A period of the bulletin: 统计年份 and 统计月份. */
export interface HistoryPeriod {
  year: number;
  month: number;
}

/** A period's row: its figures as an indicator row has them (unit, 本期值 … 同比), and where they belong. */
export interface HistoryRecord extends RowNumbers {
  year: number;
  month: number;
  /** 累计截止月份 of that period; the month when the cell is empty. */
  cumulativeMonth: number;
  issue: number | null;
  /** The category sheet's name, or 民生实事明细 for an item. */
  category: string;
  name: string;
  /** Items only: 省级 or 市级, and the status against that period's 序时进度. */
  level: ItemLevel | null;
  status: ProgressStatus | null;
  /** Zero-based sheet row. */
  row: number;
  /** A1 address of each column present in the sheet. */
  cells: Readonly<Partial<Record<HistoryColumnKey, string>>>;
}

export interface HistoryReadOptions {
  /** Categories a record may name (besides 民生实事明细); unchecked when not given. */
  catalog?: Catalog;
  /** 专报设置's period: history rows after it are suspect. */
  current?: HistoryPeriod | null;
}

export interface HistoryRead {
  records: HistoryRecord[];
  issues: Issue[];
  /** False when the sheet is missing or lacks a required header. */
  readable: boolean;
}

/** Orders periods: later periods have larger keys. */
export function periodKey(period: HistoryPeriod): number {
  return period.year * 12 + (period.month - 1);
}

/** 2026年4月 */
export function periodLabel(period: HistoryPeriod): string {
  return `${period.year}年${period.month}月`;
}

function indicatorKey(category: string, name: string): string {
  return `${category.trim()}\u0000${name.trim()}`;
}

function readWhole(cell: CellValue): number | null | "invalid" {
  if (cell.kind === "empty") return null;
  if (cell.kind === "number") return Number.isInteger(cell.value) ? cell.value : "invalid";
  if (cell.kind === "text") {
    const digits = cell.value.trim().replace(/^第|[期年月]$/g, "");
    if (digits === "") return null;
    return /^\d+$/.test(digits) ? Number(digits) : "invalid";
  }
  return "invalid";
}

export function readHistorySheet(grid: SheetGrid | undefined, options: HistoryReadOptions = {}): HistoryRead {
  if (!grid) return { records: [], issues: [], readable: false };
  return readHistoryTable(new GridReader(grid), options);
}

/** A 历史数据 table as a custom function receives a range (ZB.HISTORY): its rows with their header. */
export function readHistoryValues(values: readonly (readonly unknown[])[]): HistoryRead {
  return readHistoryTable(new GridReader({ name: historySheetName, values }), {});
}

function readHistoryTable(reader: GridReader, options: HistoryReadOptions): HistoryRead {
  const issues: Issue[] = [];
  const sheet = historySheetName;
  const first = historyColumns[0]!;
  const headerRow = reader.findHeaderRow(first.header);
  const headers = headerRow === null ? new Map<string, number>() : reader.headerColumns(headerRow);
  const missing = historyColumns.filter((column) => column.required && !headers.has(column.header));
  if (headerRow === null || missing.length > 0) {
    issues.push({
      severity: "error",
      sheet,
      cell: null,
      code: "missing-column",
      message: `工作表“${sheet}”中找不到表头“${missing.map((column) => column.header).join("、")}”`,
      hint: `表头应依次为 ${historyColumns.map((column) => column.header).join("、")}`,
    });
    return { records: [], issues, readable: false };
  }
  const index = new Map<HistoryColumnKey, number>();
  historyColumns.forEach((column) => {
    const at = headers.get(column.header);
    if (at !== undefined) index.set(column.key, at);
  });
  const categories = options.catalog
    ? new Set(options.catalog.categories.map((category) => category.name).concat(historyItemCategory))
    : null;
  const records: HistoryRecord[] = [];
  const seen = new Map<string, HistoryRecord>();
  const current = options.current ?? null;

  for (let r = headerRow + 1; r < reader.rowCount; r += 1) {
    if (reader.isBlankRow(r)) continue;
    const cells: Partial<Record<HistoryColumnKey, string>> = {};
    index.forEach((column, key) => (cells[key] = reader.address(r, column)));
    const raw = (key: HistoryColumnKey): CellValue => {
      const column = index.get(key);
      return column === undefined ? { kind: "empty" } : reader.cell(r, column);
    };
    const text = (key: HistoryColumnKey) => {
      const column = index.get(key);
      return column === undefined ? "" : reader.text(r, column).trim();
    };
    const problem = (severity: Issue["severity"], key: HistoryColumnKey, code: string, message: string, hint: string) =>
      issues.push({ severity, sheet, cell: cells[key] ?? null, code, message, hint });

    // A period part that cannot be read leaves the row out; a 期号 that cannot is only left blank.
    const whole = (key: HistoryColumnKey, low: number, high: number, label: string): number | null | "invalid" => {
      const value = readWhole(raw(key));
      if (value === "invalid" || (value !== null && (value < low || value > high))) {
        const period = key !== "issue";
        problem(
          period ? "error" : "warning",
          key,
          period ? "history-period-invalid" : "history-issue-invalid",
          `${label}应为${low}至${high}的整数，实际为“${text(key)}”`,
          period ? "本行不参与历史比较" : "按空白处理",
        );
        return "invalid";
      }
      return value;
    };
    const year = whole("year", 2000, 2100, "统计年份");
    const month = whole("month", 1, 12, "统计月份");
    const cumulative = whole("cumulativeMonth", 1, 12, "累计截止月份");
    const issue = whole("issue", 1, 100000, "期号");
    const category = text("category");
    const name = text("name");
    if (year === null || month === null || category === "" || name === "") {
      const key: HistoryColumnKey =
        year === null ? "year" : month === null ? "month" : category === "" ? "category" : "name";
      const label = historyColumns.find((column) => column.key === key)!.header;
      problem("error", key, "history-row-incomplete", `历史数据缺少${label}`, "补填后本行才参与历史比较");
      continue;
    }
    if (year === "invalid" || month === "invalid" || cumulative === "invalid") continue;
    if (categories && !categories.has(category)) {
      problem(
        "warning",
        "category",
        "history-category-unknown",
        `类别“${category}”不是本专报的工作表`,
        `类别应为指标所在工作表的名称，或“${historyItemCategory}”`,
      );
    }
    const unit = text("unit");
    const figure = (key: HistoryColumnKey, ratio: boolean): number | null => {
      const reading = readNumber(raw(key), { unit, ratio });
      if (reading.ok) return reading.value;
      if (reading.problem.code === "uncalculated") return null;
      const label = historyColumns.find((column) => column.key === key)!.header;
      problem(
        "warning",
        key,
        "history-not-a-number",
        `${label}应为数字，实际为“${reading.problem.text}”`,
        "本格按空白处理",
      );
      return null;
    };
    const isItem = category === historyItemCategory;
    let level: ItemLevel | null = null;
    let status: ProgressStatus | null = null;
    if (isItem) {
      level = itemLevels.find((candidate) => text("level").includes(candidate.slice(0, 1))) ?? null;
      if (level === null)
        problem(
          "warning",
          "level",
          "history-item-level",
          `事项“${name}”的事项级别“${text("level")}”应为${itemLevels.join("或")}`,
          "不计入该期的民生实事统计",
        );
      status = progressStatuses.find((candidate) => candidate === text("status")) ?? null;
      if (status === null && text("status") !== "")
        problem(
          "warning",
          "status",
          "history-item-status",
          `事项“${name}”的事项状态“${text("status")}”应为${progressStatuses.join("或")}`,
          "按空白处理",
        );
    }
    const record: HistoryRecord = {
      year,
      month,
      cumulativeMonth: cumulative ?? month,
      issue: issue === "invalid" ? null : issue,
      category,
      name,
      unit,
      actual: figure("actual", false),
      target: figure("target", false),
      completion: figure("completion", true),
      prior: figure("prior", false),
      growth: figure("growth", true),
      level,
      status,
      row: r + reader.originRow,
      cells,
    };
    const key = `${periodKey(record)}\u0000${indicatorKey(category, name)}`;
    const earlier = seen.get(key);
    if (earlier) {
      problem(
        "warning",
        "name",
        "history-duplicate",
        `${periodLabel(record)}的“${name}”（${category}）在历史数据中重复，第${earlier.row + 1}行已有`,
        "删除重复的行；比较时用先出现的一行",
      );
      continue;
    }
    seen.set(key, record);
    if (current && periodKey(record) > periodKey(current)) {
      problem(
        "warning",
        "month",
        "history-future-period",
        `历史数据的${periodLabel(record)}晚于本期${periodLabel(current)}`,
        "核对统计年份、统计月份，或专报设置的本期",
      );
    }
    records.push(record);
  }
  return { records, issues: issues.concat(unitChanges(records)), readable: true };
}

/** A unit that differs from the same indicator's unit in the period before: figures would not compare. */
function unitChanges(records: readonly HistoryRecord[]): Issue[] {
  const issues: Issue[] = [];
  new HistoryIndex(records).eachSeries((series) => {
    for (let i = 1; i < series.length; i += 1) {
      const before = series[i - 1]!;
      const record = series[i]!;
      if (before.unit === "" || record.unit === "" || before.unit === record.unit) continue;
      issues.push({
        severity: "warning",
        sheet: historySheetName,
        cell: record.cells.unit ?? null,
        code: "history-unit-changed",
        message: `“${record.name}”的单位在${periodLabel(record)}为“${record.unit}”，${periodLabel(before)}为“${before.unit}”`,
        hint: "单位不同的数值不能比较；统一单位并换算数值",
      });
    }
  });
  return issues;
}

/** The records of each indicator in period order, for lookups. Duplicates were dropped by the reader. */
export class HistoryIndex {
  private readonly byIndicator = new Map<string, HistoryRecord[]>();

  constructor(readonly records: readonly HistoryRecord[]) {
    // Plain loops and forEach: the pane's ES5 build adds helpers to each module using for-of or spread.
    records.forEach((record) => {
      const key = indicatorKey(record.category, record.name);
      const series = this.byIndicator.get(key);
      if (series) series.push(record);
      else this.byIndicator.set(key, [record]);
    });
    this.byIndicator.forEach((series) => series.sort((a, b) => periodKey(a) - periodKey(b)));
  }

  /** Each indicator's records, oldest first. */
  eachSeries(visit: (series: readonly HistoryRecord[]) => void): void {
    this.byIndicator.forEach(visit);
  }

  /** The indicator's records, oldest first. */
  series(category: string, name: string): readonly HistoryRecord[] {
    return this.byIndicator.get(indicatorKey(category, name)) ?? [];
  }

  /** The record of `year` covering months up to `cumulativeMonth`: 上年同期 when given the year before. */
  sameCumulative(category: string, name: string, year: number, cumulativeMonth: number): HistoryRecord | null {
    return this.series(category, name).find((r) => r.year === year && r.cumulativeMonth === cumulativeMonth) ?? null;
  }

  /** 上期: the latest record before `period`. */
  previous(category: string, name: string, period: HistoryPeriod): HistoryRecord | null {
    const before = this.series(category, name).filter((r) => periodKey(r) < periodKey(period));
    return before.length > 0 ? before[before.length - 1]! : null;
  }

  /** The 民生实事 counts of a period, counted from its item rows as 民生实事明细 counts them. */
  itemCounts(period: HistoryPeriod): ItemCounts | null {
    const items = this.records.filter(
      (r) => r.category === historyItemCategory && r.year === period.year && r.month === period.month,
    );
    if (items.length === 0) return null;
    return countItems(items.filter((item): item is HistoryRecord & { level: ItemLevel } => item.level !== null));
  }
}
