/**
 * 开始下一期 on 7 sheets × 2,000 rows: its one write request stays within Office's request size (5 MB in
 * Excel on the web) and does not grow with the history — the period's rows are appended or replaced,
 * the rest of 历史数据 never rewritten.
 */
import { expect, test } from "@jest/globals";
import { planNextPeriod, readSettings, settingsSheetName, type SheetGrid } from "../src/core";
import { largeWorkbook, writeRequestSize } from "./support/next-period-load";
import { setCell } from "./support/sample";

const officeRequestLimit = 5 * 1024 * 1024;

function sizeOf(grids: readonly SheetGrid[]) {
  const outcome = planNextPeriod(grids);
  if (!outcome.ok) throw new Error(outcome.reason);
  return { plan: outcome.plan, ...writeRequestSize(outcome.plan) };
}

test("appending after 36 periods sends what appending after 13 does, within the request limit", () => {
  // 13 periods hold the year before's, from which both fill an empty 上年同期值 alike.
  const one = sizeOf(largeWorkbook(2000, 13));
  const many = sizeOf(largeWorkbook(2000, 36));
  expect(many.plan.history.replaced).toBe(0);
  expect(many.plan.history.records).toBe(one.plan.history.records);
  expect(many.commands).toBe(one.commands);
  // Only the row numbers of the appended block differ.
  expect(Math.abs(many.bytes - one.bytes)).toBeLessThan(100);
  expect(many.bytes).toBeLessThan(officeRequestLimit);
});

test("replacing the latest of 36 periods writes only that period's rows", () => {
  const grids = largeWorkbook(2000, 36);
  const settings = readSettings(grids.find((grid) => grid.name === settingsSheetName)).settings;
  // Back to 2026年3月, the last period in the history.
  setCell(grids as SheetGrid[], settingsSheetName, settings.cells.get("统计月份")!, 3);
  setCell(grids as SheetGrid[], settingsSheetName, settings.cells.get("累计截止月份")!, 3);
  const replaced = sizeOf(grids);
  const { history } = replaced.plan;
  expect(history.replaced).toBe(7 * 2000);
  // The period is the last 14,000 rows of 历史数据 (header, then 35 earlier periods): nothing above is written.
  const firstOfPeriod = 1 + 35 * 7 * 2000;
  const historyWrites = replaced.plan.writes.filter((write) => write.sheet === history.sheet);
  expect(Math.min(...historyWrites.map((write) => write.row))).toBe(firstOfPeriod);
  expect(replaced.bytes).toBeLessThan(officeRequestLimit);
});
