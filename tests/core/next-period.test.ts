/** 开始下一期: the period arithmetic, the refusal, the plan, and rounds of next → fill → generate. */
import { describe, expect, test } from "@jest/globals";
import {
  analyzeWorkbook,
  followingPeriod,
  GridReader,
  historySheetName,
  indicatorTable,
  isFormulaValue,
  itemsSheetName,
  kaijuBahao,
  MemoryWorkbook,
  narrativeSheetName,
  planNextPeriod,
  readHistorySheet,
  readIndicatorSheet,
  readSettings,
  settingsSheetName,
  type HistoryRecord,
  type NextPeriodPlan,
  type SheetGrid,
} from "../../src/core";
import * as nextPeriodModule from "../../src/core/workbook/next-period";
import { sampleGrids, setCell, withCells } from "../support/sample";

/** The preview's workbook with 开始下一期's planning handed over (the pane fetches it as a chunk). */
const memoryWorkbook = (grids: readonly SheetGrid[]) =>
  new MemoryWorkbook(grids, kaijuBahao, () => Promise.resolve(nextPeriodModule));

function plan(grids: readonly SheetGrid[]): NextPeriodPlan {
  const outcome = planNextPeriod(grids);
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason} ${outcome.issues.map((i) => i.message).join(" ")}`);
  return outcome.plan;
}

function grid(grids: readonly SheetGrid[], name: string): SheetGrid {
  const found = grids.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function history(grids: readonly SheetGrid[]): HistoryRecord[] {
  return readHistorySheet(grids.find((candidate) => candidate.name === historySheetName)).records;
}

/** Every cell of a sheet's column under its header, raw, by the header's text. */
function column(sheet: SheetGrid, header: string): unknown[] {
  const reader = new GridReader(sheet);
  const headerRow = reader.findHeaderRow(header)!;
  const index = reader.headerColumns(headerRow).get(header)!;
  return sheet.values.slice(headerRow + 1).map((row) => row[index] ?? null);
}

const categories = kaijuBahao.categories.map((category) => category.name);

describe("followingPeriod", () => {
  test("moves a month on and the issue number up", () => {
    expect(followingPeriod({ year: 2026, month: 4, cumulativeMonth: 3, issue: 2 })).toEqual({
      year: 2026,
      month: 5,
      cumulativeMonth: 4,
      issue: 3,
    });
  });

  test("December is followed by January of a new 统计年份, whose cumulation starts again", () => {
    expect(followingPeriod({ year: 2026, month: 12, cumulativeMonth: 12, issue: 13 })).toEqual({
      year: 2027,
      month: 1,
      cumulativeMonth: 1,
      issue: 14,
    });
    expect(followingPeriod({ year: 2026, month: 12, cumulativeMonth: 11, issue: 13 }).cumulativeMonth).toBe(1);
  });

  test("an empty 累计截止月份 stays empty (it follows 统计月份); a cumulation never passes December", () => {
    expect(followingPeriod({ year: 2026, month: 5, cumulativeMonth: null, issue: 1 }).cumulativeMonth).toBeNull();
    expect(followingPeriod({ year: 2026, month: 11, cumulativeMonth: 12, issue: 1 }).cumulativeMonth).toBe(12);
  });
});

describe("planNextPeriod", () => {
  test("refuses while the workbook has errors, with each error's cell, and plans nothing", () => {
    const grids = withCells([
      ["产业发展", "C2", "很多"],
      [settingsSheetName, "B3", ""],
    ]);
    const outcome = planNextPeriod(grids);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toMatch(/^工作簿中有 \d+ 个错误，改正后才能开始下一期/);
    expect(outcome.issues.every((issue) => issue.severity === "error")).toBe(true);
    expect(outcome.issues.map((issue) => `${issue.sheet}!${issue.cell}`)).toContain("产业发展!C2");
  });

  test("on the sample: 历史数据 appended to, settings moved on, the period's cells cleared, formulas kept", () => {
    const grids = sampleGrids();
    const next = plan(grids);
    expect(next.history).toEqual({
      sheet: historySheetName,
      create: false,
      records: expect.any(Number),
      replaced: 0,
      appendAt: 1,
    });
    expect(next.newSheet).toBeNull();
    expect(next.summary[0]).toMatch(/^把2026年4月（第2期）的 \d+ 行数据写入“历史数据”。$/);
    expect(next.current).toEqual({ year: 2026, month: 4, cumulativeMonth: 3, issue: 2 });
    expect(next.next).toEqual({ year: 2026, month: 5, cumulativeMonth: 4, issue: 3 });
    expect(next.summary[1]).toBe("专报设置：期号 2 → 3；统计月份 4 → 5；累计截止月份 3 → 4；清空印发日期。");
    expect(next.summary.some((line) => line.startsWith(`${narrativeSheetName}：清空`))).toBe(true);
    // Only typed cells are written: never a formula cell of the sample.
    for (const write of next.writes) {
      const sheet = grid(grids, write.sheet);
      write.values.forEach((row, i) =>
        row.forEach((_, j) => {
          const raw = sheet.values[write.row + i]?.[write.column + j];
          expect(isFormulaValue(raw)).toBe(false);
        }),
      );
    }
  });

  test("a workbook without 历史数据 gets it as a new sheet holding the period's rows", () => {
    const next = plan(sampleGrids().filter((candidate) => candidate.name !== historySheetName));
    expect(next.history).toMatchObject({ sheet: historySheetName, create: true, replaced: 0 });
    expect(next.newSheet?.values[0]).toEqual(expect.arrayContaining(["统计年份", "统计月份", "本期值", "同比"]));
    expect(next.newSheet!.values.length - 1).toBe(next.history.records);
    expect(next.writes.some((write) => write.sheet === historySheetName)).toBe(false);
    expect(next.summary[0]).toMatch(/^新建工作表“历史数据”，把2026年4月（第2期）的 \d+ 行数据写入“历史数据”。$/);
    // The item rows keep each 民生实事 item's status, so the period's counts can be taken again.
    const records = readHistorySheet(next.newSheet!).records;
    expect(records.filter((record) => record.category === itemsSheetName).every((r) => r.status !== null)).toBe(true);
  });

  test("an empty 上年同期值 is archived as the bulletin used it: from 历史数据 a year back", () => {
    const grids = sampleGrids();
    const row = categories
      .flatMap((name) => readIndicatorSheet(name, grid(grids, name)).rows)
      .find((candidate) => candidate.actual !== null && candidate.prior === null && candidate.growth === null)!;
    const history = grid(grids, historySheetName);
    const header = history.values[0]!.map(String);
    const lastYear = header.map(
      (h) =>
        ({
          统计年份: 2025,
          统计月份: 4,
          累计截止月份: 3,
          类别: row.sheet,
          指标名称: row.name,
          单位: row.unit,
          本期值: 40,
        })[h] ?? null,
    );
    const withHistory = grids.map((g) => (g.name === historySheetName ? { ...g, values: [...g.values, lastYear] } : g));
    const next = plan(withHistory);
    const written = next.writes.filter((write) => write.sheet === historySheetName).flatMap((write) => write.values);
    const archived = written.find((values) => values[header.indexOf("指标名称")] === row.name && values[0] === 2026)!;
    expect(archived[header.indexOf("上年同期值")]).toBe(40);
    expect(archived[header.indexOf("同比")]).toBeCloseTo(row.actual! / 40 - 1, 12);
  });

  test("a period already in 历史数据 is replaced in place, and the plan says so", async () => {
    const workbook = memoryWorkbook(sampleGrids());
    const first = plan(await workbook.readWorkbook());
    await workbook.startNextPeriod(first);
    // Back to the period just archived, as if 开始下一期 were run twice on 第2期.
    const grids = await workbook.readWorkbook();
    const settings = readSettings(grid(grids, settingsSheetName)).settings;
    setCell(grids, settingsSheetName, settings.cells.get("期号")!, 2);
    setCell(grids, settingsSheetName, settings.cells.get("统计月份")!, 4);
    setCell(grids, settingsSheetName, settings.cells.get("累计截止月份")!, 3);
    setCell(grids, settingsSheetName, settings.cells.get("印发日期")!, "2026年4月28日");
    const again = plan(grids);
    expect(again.history.create).toBe(false);
    expect(again.history.replaced).toBe(first.history.records);
    expect(again.summary[0]).toContain(`已有该期的 ${first.history.records} 行，将被替换`);
    const rows = grid(grids, historySheetName).values.length;
    // Every write to 历史数据 lands on the period's rows: nothing appended, nothing else rewritten.
    for (const write of again.writes.filter((w) => w.sheet === historySheetName)) {
      expect(write.row).toBeGreaterThanOrEqual(1);
      expect(write.row + write.values.length).toBeLessThanOrEqual(rows);
    }
  });
});

/** New figures for a round: 印发日期, each indicator's 本期值 from `seed`, and 上年同期值 where it was typed. */
function fillFigures(grids: SheetGrid[], seed: number): Map<string, number> {
  const entered = new Map<string, number>();
  const settings = readSettings(grid(grids, settingsSheetName)).settings;
  setCell(grids, settingsSheetName, settings.cells.get("印发日期")!, `2026年${4 + seed}月28日`);
  for (const name of categories) {
    const sheet = grid(grids, name);
    const reader = new GridReader(sheet);
    const table = indicatorTable(reader)!;
    const actual = table.columns.get("actual")!;
    const prior = table.columns.get("prior")!;
    for (const row of readIndicatorSheet(name, sheet).rows) {
      const r = row.row - reader.originRow;
      const raw = sheet.values[r]?.[actual];
      if (isFormulaValue(raw) || row.unit === "%") continue;
      const value = seed * 100 + r;
      setCell(grids, name, row.cells.actual!, value);
      if (!isFormulaValue(sheet.values[r]?.[prior])) setCell(grids, name, row.cells.prior!, value - 1);
      entered.set(`${name}|${row.name}`, value);
    }
  }
  return entered;
}

describe("rounds of 开始下一期 → fill → generate", () => {
  test("three in a row: history holds every period exactly once, with the values entered", async () => {
    const workbook = memoryWorkbook(sampleGrids());
    const periods: { month: number; entered: Map<string, number> }[] = [];
    const before = await workbook.readWorkbook();
    const targets = categories.map((name) => column(grid(before, name), "目标值"));
    const items = grid(before, itemsSheetName).values;

    let grids = before;
    for (let round = 1; round <= 3; round += 1) {
      const entered = fillFigures(grids, round);
      grids = await (async () => {
        const host = memoryWorkbook(grids);
        const analysis = analyzeWorkbook(await host.readWorkbook());
        expect(analysis.issues.filter((issue) => issue.severity === "error")).toEqual([]);
        expect(analysis.sections.length).toBeGreaterThan(0);
        const next = plan(await host.readWorkbook());
        periods.push({ month: next.current.month, entered });
        const result = await host.startNextPeriod(next);
        expect(result.applied).toBe(true);
        return host.readWorkbook();
      })();
      const settings = readSettings(grid(grids, settingsSheetName)).settings;
      expect(settings.issueNumber).toBe(2 + round);
      expect(settings.month).toBe(4 + round);
      expect(settings.issueDate).toBeNull();
      for (const name of categories) {
        // 本期值 typed cells are empty; 目标值 as before.
        const actual = column(grid(grids, name), "本期值");
        expect(actual.every((value) => value === null || value === "" || isFormulaValue(value))).toBe(true);
      }
      expect(categories.map((name) => column(grid(grids, name), "目标值"))).toEqual(targets);
      expect(grid(grids, itemsSheetName).values).toEqual(items);
    }

    const records = history(grids);
    const seen = new Set<string>();
    for (const record of records) {
      const key = `${record.year}-${record.month}|${record.category}|${record.name}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    for (const { month, entered } of periods) {
      for (const [key, value] of entered) {
        const [category, name] = key.split("|");
        const found = records.filter((r) => r.month === month && r.category === category && r.name === name);
        expect(found.map((r) => r.actual)).toEqual([value]);
      }
    }
    expect(new Set(records.map((record) => record.month))).toEqual(new Set([4, 5, 6]));
  }, 60_000);
});
