/**
 * 民生实事明细: one row per 省级 / 市级 重点民生实事 item. Each item's status against 序时进度 is
 * computed here, and the counts the 民生实事 paragraph prints (30项，25项达到或超时序进度，5项滞后)
 * can come from the list instead of being typed.
 */
import { completionRate, progressStatus, type ProgressStatus } from "../calc/calc";
import { GridReader, type SheetGrid } from "./grid";
import type { IndicatorRow } from "./indicators";
import type { Issue } from "../spec/issues";
import { type ItemColumnKey, itemColumns, type ItemLevel, itemLevels, itemsSheetName } from "../spec/layout";
import { readNumber } from "./numbers";

export interface ServiceItem {
  row: number;
  name: string;
  level: ItemLevel;
  target: number | null;
  done: number | null;
  status: ProgressStatus | null;
}

export type ItemMeasure = "total" | "onSchedule" | "behind";
export type ItemCounts = Record<ItemLevel, Record<ItemMeasure, number>>;

/** Which indicator row prints which count; the preset names them (see the catalog). */
export interface ItemCountLink {
  level: ItemLevel;
  measure: ItemMeasure;
}

export function readItems(
  grid: SheetGrid | undefined,
  schedule: number | null,
): { items: ServiceItem[]; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!grid) return { items: [], issues };
  const reader = new GridReader(grid);
  const headerRow = reader.findHeaderRow(itemColumns.name);
  if (headerRow === null) {
    issues.push({
      severity: "error",
      sheet: itemsSheetName,
      cell: null,
      code: "missing-column",
      message: `工作表“${itemsSheetName}”中找不到表头“${itemColumns.name}”`,
      hint: `表头应包含 ${Object.values(itemColumns).join("、")}`,
    });
    return { items: [], issues };
  }
  const headers = reader.headerColumns(headerRow);
  const column = (key: ItemColumnKey) => headers.get(itemColumns[key]);
  const items: ServiceItem[] = [];
  for (let r = headerRow + 1; r < reader.rowCount; r += 1) {
    if (reader.isBlankRow(r)) continue;
    const at = (key: ItemColumnKey) => reader.address(r, column(key) ?? 0);
    const text = (key: ItemColumnKey) => {
      const index = column(key);
      return index === undefined ? "" : reader.text(r, index);
    };
    const number = (key: ItemColumnKey) => {
      const index = column(key);
      if (index === undefined) return null;
      const reading = readNumber(reader.cell(r, index), { unit: "", ratio: false });
      if (reading.ok) return reading.value;
      issues.push({
        severity: "error",
        sheet: itemsSheetName,
        cell: at(key),
        code: "not-a-number",
        message: `${itemColumns[key]}应为数字，实际为“${reading.problem.text}”`,
        hint: "只填数字",
      });
      return null;
    };
    const name = text("name");
    // "岳阳市级" and "市级" are both 市级: the level is told by its first character.
    const level = itemLevels.find((candidate) => text("level").includes(candidate.slice(0, 1)));
    if (!level) {
      issues.push({
        severity: "error",
        sheet: itemsSheetName,
        cell: at("level"),
        code: "item-level-invalid",
        message: `“${name || `第${r + reader.originRow + 1}行`}”的级别“${text("level")}”应为${itemLevels.join("或")}`,
        hint: "从下拉列表中选择",
      });
      continue;
    }
    const target = number("target");
    const done = number("done");
    let status: ProgressStatus | null = null;
    const completion = target !== null && done !== null ? completionRate(done, target) : null;
    if (completion?.ok && schedule !== null) status = progressStatus(completion.value, schedule);
    else {
      issues.push({
        severity: "warning",
        sheet: itemsSheetName,
        cell: at(target === null || target === 0 ? "target" : "done"),
        code: "item-progress-unknown",
        message: `“${name}”缺少年度目标或累计完成，无法判断是否达到序时进度`,
        hint: "补填年度目标（不为0）和累计完成",
      });
    }
    const typedStatus = text("status");
    if (status && typedStatus && typedStatus !== status) {
      issues.push({
        severity: "warning",
        sheet: itemsSheetName,
        cell: at("status"),
        code: "item-status-mismatch",
        message: `“${name}”填写的状态“${typedStatus}”与计算结果“${status}”不符`,
        hint: "状态按 累计完成÷年度目标 与序时进度比较得出，可清空后由公式计算",
      });
    }
    items.push({ row: r + reader.originRow, name, level, target, done, status });
  }
  return { items, issues };
}

/** Counts by level and status; 历史数据's item rows are counted by the same function. */
export function countItems(items: readonly Pick<ServiceItem, "level" | "status">[]): ItemCounts {
  // No Object.fromEntries: ZB.HISTORY brings this into the custom functions, whose runtime is ES2016.
  const counts = {} as ItemCounts;
  for (const level of itemLevels) counts[level] = { total: 0, onSchedule: 0, behind: 0 };
  for (const item of items) {
    counts[item.level].total += 1;
    if (item.status === "达到或超时序进度") counts[item.level].onSchedule += 1;
    if (item.status === "滞后") counts[item.level].behind += 1;
  }
  return counts;
}

const measureLabel: Record<ItemMeasure, string> = { total: "总数", onSchedule: "达到或超时序进度数", behind: "滞后数" };

/**
 * Fills empty count rows from the item list and warns where typed counts disagree with it, or where
 * 达到 + 滞后 ≠ 总数. Rows are given one at a time and changed in place (the list is the source of
 * truth for empty cells); `finish` checks the sums once every row is in.
 */
export class ItemCountCheck {
  readonly issues: Issue[] = [];
  private readonly byLevel = new Map<ItemLevel, Partial<Record<ItemMeasure, IndicatorRow>>>();

  constructor(
    private readonly links: ReadonlyMap<string, ItemCountLink>,
    private readonly counts: ItemCounts | null,
  ) {}

  add(row: IndicatorRow): void {
    const link = this.links.get(row.name);
    if (!link) return;
    this.byLevel.set(link.level, { ...this.byLevel.get(link.level), [link.measure]: row });
    if (!this.counts || this.counts[link.level].total === 0) return;
    const counted = this.counts[link.level][link.measure];
    if (row.actual === null) {
      row.actual = counted;
    } else if (row.actual !== counted) {
      this.issues.push({
        severity: "warning",
        sheet: row.sheet,
        cell: row.cells.actual ?? null,
        code: "item-count-mismatch",
        message: `填写的${link.level}${measureLabel[link.measure]}${row.actual}与“${itemsSheetName}”统计的${counted}不符`,
        hint: `清空本期值即按“${itemsSheetName}”统计，或核对明细`,
      });
    }
  }

  finish(): void {
    for (const [level, linked] of this.byLevel) {
      const { total, onSchedule, behind } = linked;
      if (!total || !onSchedule || !behind) continue;
      if (total.actual === null || onSchedule.actual === null || behind.actual === null) continue;
      if (onSchedule.actual + behind.actual !== total.actual) {
        this.issues.push({
          severity: "warning",
          sheet: total.sheet,
          cell: total.cells.actual ?? null,
          code: "item-count-sum",
          message: `${level}重点民生实事：达到或超时序进度${onSchedule.actual}项 + 滞后${behind.actual}项 ≠ 总数${total.actual}项`,
          hint: "请核对三项数字",
        });
      }
    }
  }
}
