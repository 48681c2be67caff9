import { describe, expect, test } from "@jest/globals";
import {
  analyzeWorkbook,
  HistoryIndex,
  historyHeaders,
  historyItemCategory,
  historySheetName,
  kaijuBahao,
  readHistorySheet,
  type Issue,
  type SheetGrid,
} from "../../src/core";
import { withCells } from "../support/sample";

/** A 历史数据 row from the columns that matter here; the rest blank. */
function historyRow(fields: {
  year: number | string;
  month: number | string;
  cumulative?: number | string;
  category: string;
  name: string;
  unit?: string;
  actual?: unknown;
  level?: string;
  status?: string;
}): unknown[] {
  const row: unknown[] = historyHeaders.map(() => "");
  row[0] = fields.year;
  row[1] = fields.month;
  row[2] = fields.cumulative ?? "";
  row[4] = fields.category;
  row[5] = fields.name;
  row[6] = fields.unit ?? "";
  row[7] = fields.actual ?? "";
  row[12] = fields.level ?? "";
  row[13] = fields.status ?? "";
  return row;
}

function historyGrid(rows: unknown[][]): SheetGrid {
  return { name: historySheetName, values: [[...historyHeaders], ...rows] };
}

const codes = (issues: readonly Issue[]) => issues.map((issue) => `${issue.severity} ${issue.cell} ${issue.code}`);

describe("readHistorySheet", () => {
  test("reads each row with its period, figures, item fields and cells", () => {
    const read = readHistorySheet(
      historyGrid([
        historyRow({ year: 2026, month: 3, category: "产业发展", name: "新增招商引资项目", unit: "个", actual: "4" }),
        historyRow({
          year: "2026年",
          month: "3月",
          cumulative: 3,
          category: historyItemCategory,
          name: "城区学校提质",
          actual: 30,
          level: "岳阳市级",
          status: "滞后",
        }),
      ]),
    );
    expect(read.readable).toBe(true);
    expect(read.issues).toEqual([]);
    expect(read.records.map((r) => [r.year, r.month, r.cumulativeMonth, r.name, r.actual, r.level, r.status])).toEqual([
      [2026, 3, 3, "新增招商引资项目", 4, null, null],
      [2026, 3, 3, "城区学校提质", 30, "市级", "滞后"],
    ]);
    expect(read.records[1]!.row).toBe(2);
    expect(read.records[1]!.cells.actual).toBe("H3");
  });

  test("a missing required header makes the sheet unreadable with one error", () => {
    const read = readHistorySheet({ name: historySheetName, values: [["统计年份", "统计月份", "指标名称"]] });
    expect(read.readable).toBe(false);
    expect(codes(read.issues)).toEqual(["error null missing-column"]);
    expect(read.issues[0]!.message).toContain("类别、本期值");
  });

  test("a duplicate period row, a future period and a changed unit are warnings naming the cell", () => {
    const read = readHistorySheet(
      historyGrid([
        historyRow({ year: 2025, month: 12, category: "产业发展", name: "A", unit: "亿元", actual: 1 }),
        historyRow({ year: 2026, month: 1, category: "产业发展", name: "A", unit: "万元", actual: 2 }),
        historyRow({ year: 2026, month: 1, category: "产业发展", name: "A", unit: "万元", actual: 3 }),
        historyRow({ year: 2026, month: 5, category: "产业发展", name: "A", unit: "万元", actual: 4 }),
      ]),
      { current: { year: 2026, month: 4 } },
    );
    expect(codes(read.issues)).toEqual([
      "warning F4 history-duplicate",
      "warning B5 history-future-period",
      "warning G3 history-unit-changed",
    ]);
    expect(read.issues[0]!.message).toBe("2026年1月的“A”（产业发展）在历史数据中重复，第3行已有");
    expect(read.issues[2]!.message).toBe("“A”的单位在2026年1月为“万元”，2025年12月为“亿元”");
    // The first of two duplicates is the one kept.
    expect(read.records.map((r) => r.actual)).toEqual([1, 2, 4]);
  });

  test("an unreadable period is an error and its row is left out; a bad figure is blank with a warning", () => {
    const read = readHistorySheet(
      historyGrid([
        historyRow({ year: 2026, month: 13, category: "产业发展", name: "A", actual: 1 }),
        historyRow({ year: 2026, month: 2, category: "产业发展", name: "", actual: 1 }),
        historyRow({ year: 2026, month: 2, category: "产业发展", name: "B", actual: "很多" }),
        historyRow({ year: 2026, month: 2, category: "不存在", name: "C", actual: 1 }),
        [2026, 2, "", "第二期", "产业发展", "D", "", 1],
      ]),
      { catalog: kaijuBahao },
    );
    expect(codes(read.issues)).toEqual([
      "error B2 history-period-invalid",
      "error F3 history-row-incomplete",
      "warning H4 history-not-a-number",
      "warning E5 history-category-unknown",
      "warning D6 history-issue-invalid",
    ]);
    expect(read.records.map((r) => [r.name, r.actual, r.issue])).toEqual([
      ["B", null, null],
      ["C", 1, null],
      ["D", 1, null],
    ]);
  });

  test("a period's 民生实事 counts are counted again from its item rows", () => {
    const items = (month: number, statuses: string[]) =>
      statuses.map((status, i) =>
        historyRow({ year: 2026, month, category: historyItemCategory, name: `事项${i}`, level: "省级", status }),
      );
    const read = readHistorySheet(
      historyGrid([...items(2, ["滞后", "滞后"]), ...items(3, ["达到或超时序进度", "滞后", "达到或超时序进度"])]),
    );
    const index = new HistoryIndex(read.records);
    expect(index.itemCounts({ year: 2026, month: 3 })).toEqual({
      省级: { total: 3, onSchedule: 2, behind: 1 },
      市级: { total: 0, onSchedule: 0, behind: 0 },
    });
    expect(index.itemCounts({ year: 2026, month: 4 })).toBeNull();
  });
});

/** The sample (统计年份 2026, 4月, 累计截止3月) with 产业发展's 新增招商引资项目 (row 4) worded by `template`. */
function sampleWith(template: string, history: unknown[][], edits: [string, string, unknown][] = []): SheetGrid[] {
  const grids = withCells([["产业发展", "G4", ""], ["产业发展", "H4", template], ...edits]);
  return [...grids.filter((grid) => grid.name !== historySheetName), historyGrid(history)];
}

const investment = { category: "产业发展", name: "新增招商引资项目", unit: "个" };
const section = (grids: SheetGrid[]) => analyzeWorkbook(grids).sections.find((s) => s.category === "产业发展")!.text;

describe("figures from 历史数据", () => {
  test("an empty 上年同期值 comes from the same 累计截止月份 a year earlier, with a 提示 naming it", () => {
    const template = "新增招商引资项目{本期值}{单位}，{同比}";
    const filled = sampleWith(template, [
      historyRow({ year: 2025, month: 4, cumulative: 3, ...investment, actual: 5 }),
    ]);
    const typed = sampleWith(template, [], [["产业发展", "F4", 5]]);
    expect(section(filled)).toContain("新增招商引资项目4个，同比下降20%");
    expect(section(filled)).toBe(section(typed));
    const info = analyzeWorkbook(filled).issues.filter((issue) => issue.code === "history-prior-filled");
    expect(info).toEqual([
      {
        severity: "info",
        sheet: "产业发展",
        cell: "F4",
        code: "history-prior-filled",
        message: "“新增招商引资项目”的上年同期值为空，取“历史数据”2025年4月，历史数据!H2的本期值5",
        hint: "如需改用其他数值，直接填写上年同期值",
      },
    ]);
  });

  test("a row left out of the bulletin (纳入专报 否) takes the figure without a 提示", () => {
    const history = [historyRow({ year: 2025, month: 4, cumulative: 3, ...investment, actual: 5 })];
    const shown = sampleWith("新增招商引资项目{本期值}{单位}，{同比}", history);
    const left = sampleWith("新增招商引资项目{本期值}{单位}，{同比}", history, [["产业发展", "J4", "否"]]);
    expect(codes(analyzeWorkbook(shown).issues)).toContain("info F4 history-prior-filled");
    expect(codes(analyzeWorkbook(left).issues)).not.toContain("info F4 history-prior-filled");
    expect(section(left)).not.toContain("新增招商引资项目");
  });

  test("a period with another 累计截止月份 is not 上年同期", () => {
    const grids = sampleWith("新增招商引资项目{本期值}{单位}[，{同比}]", [
      historyRow({ year: 2025, month: 4, cumulative: 4, ...investment, actual: 5 }),
    ]);
    expect(section(grids)).toContain("新增招商引资项目4个，总投资");
  });

  test("a typed 上年同期值 that differs from history is kept, with a warning giving both", () => {
    const grids = sampleWith(
      "新增招商引资项目{本期值}{单位}，{同比}",
      [historyRow({ year: 2025, month: 3, ...investment, actual: 5 })],
      [["产业发展", "F4", 2]],
    );
    expect(section(grids)).toContain("同比增长100%");
    const warning = analyzeWorkbook(grids).issues.find((issue) => issue.code === "history-prior-mismatch");
    expect(warning?.cell).toBe("F4");
    expect(warning?.message).toBe("“新增招商引资项目”的上年同期值2与“历史数据”2025年3月，历史数据!H2的本期值5不符");
  });

  test("history in another unit is not used", () => {
    const grids = sampleWith("新增招商引资项目{本期值}{单位}[，{同比}]", [
      historyRow({ year: 2025, month: 3, ...investment, unit: "项", actual: 5 }),
    ]);
    expect(section(grids)).toContain("新增招商引资项目4个，总投资");
    expect(codes(analyzeWorkbook(grids).issues)).toContain("warning F4 history-prior-unit");
  });

  test("{上期值} and {环比} come from the latest earlier period", () => {
    const grids = sampleWith("新增招商引资项目{本期值}{单位}，上期{上期值}{单位}，{环比}", [
      historyRow({ year: 2026, month: 2, ...investment, actual: 1 }),
      historyRow({ year: 2026, month: 3, ...investment, actual: 2 }),
      historyRow({ year: 2026, month: 4, ...investment, actual: 9 }),
    ]);
    expect(section(grids)).toContain("新增招商引资项目4个，上期2个，环比增长100%");
  });

  test("{环比} on a rate row is in 个百分点, and 持平 when equal", () => {
    const rate = { category: "产业发展", name: "新增招商引资项目", unit: "%" };
    const rise = sampleWith(
      "{指标名称}{环比}",
      [historyRow({ year: 2026, month: 3, ...rate, actual: 3.5 })],
      [["产业发展", "B4", "%"]],
    );
    expect(section(rise)).toContain("新增招商引资项目环比提高0.5个百分点");
    const flat = sampleWith("{指标名称}{环比}", [historyRow({ year: 2026, month: 3, ...investment, actual: 4 })]);
    expect(section(flat)).toContain("新增招商引资项目环比持平");
  });

  test("without an earlier period the row is left out with a 提示 on its 表述模板", () => {
    const grids = sampleWith("新增招商引资项目{环比}", []);
    expect(section(grids)).not.toContain("环比");
    const info = analyzeWorkbook(grids).issues.find((issue) => issue.code === "value-missing");
    expect(info?.cell).toBe("H4");
    expect(info?.message).toContain("“历史数据”中没有该指标上一期的本期值");
  });
});
