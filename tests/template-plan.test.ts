import { describe, expect, test } from "@jest/globals";
import {
  GridReader,
  analyzeWorkbook,
  columnLetter,
  kaijuBahao,
  planTemplate,
  settingsSheetName,
  workbookGrids,
  type SheetGrid,
} from "../src/core";
import { readIndicatorSheet } from "../src/core/reading/indicators";
import { MemoryWorkbook } from "../src/core/workbook/memory-workbook";
import { sampleGrids, withoutColumn } from "./support/sample";

const template = (sample = true) => workbookGrids(kaijuBahao, { sample, formulas: "plain" });
const plan = (existing: readonly SheetGrid[], sample = true) =>
  planTemplate(existing, template(sample), { formulas: "plain" });

/** The grids after the plan is applied (by the preview's workbook, which refuses to overwrite). */
async function applied(existing: readonly SheetGrid[], sample = true): Promise<SheetGrid[]> {
  const workbook = new MemoryWorkbook(existing);
  await workbook.createTemplate({ sample });
  return workbook.readWorkbook();
}

function sheet(grids: readonly SheetGrid[], name: string): SheetGrid {
  const grid = grids.find((g) => g.name === name);
  if (!grid) throw new Error(`no sheet ${name}`);
  return grid;
}

/** `grid` with its columns in the order of `headers` (by header text). */
function reordered(grid: SheetGrid, headers: readonly string[]): SheetGrid {
  const indices = headers.map((header) => grid.values[0]!.indexOf(header));
  return { ...grid, values: grid.values.map((row) => indices.map((i) => row[i])) };
}

function withoutRow(grids: SheetGrid[], name: string, indicator: string): SheetGrid[] {
  return grids.map((grid) =>
    grid.name === name ? { ...grid, values: grid.values.filter((row) => row[0] !== indicator) } : grid,
  );
}

describe("planTemplate", () => {
  test("creates every sheet of an empty workbook whole", () => {
    const result = plan([]);
    expect(result.newSheets).toEqual(template());
    expect(result.extensions).toEqual([]);
    expect(result.report).toEqual({
      createdSheets: template().map((grid) => grid.name),
      addedRows: [],
      addedColumns: [],
      addedSettings: [],
      skippedFeatures: [],
    });
  });

  test("adds nothing to a workbook that already holds the template", () => {
    const result = plan(sampleGrids());
    expect(result.newSheets).toEqual([]);
    expect(result.extensions).toEqual([]);
    expect(result.report.createdSheets).toEqual([]);
  });

  test("appends a missing column after the last used column, header only", () => {
    const grids = withoutColumn("产业发展", "完成率");
    const result = plan(grids);
    const width = sheet(grids, "产业发展").values[0]!.length;
    expect(result.report.addedColumns).toEqual([{ sheet: "产业发展", headers: ["完成率"] }]);
    expect(result.extensions).toHaveLength(1);
    expect(result.extensions[0]!.blocks).toEqual([{ row: 0, column: width, values: [["完成率"]] }]);
  });

  test("a new column does not take over stray cells to the right of the table", () => {
    const grids = withoutColumn("产业发展", "备注");
    const rows = sheet(grids, "产业发展").values as unknown[][];
    rows[3]![13] = "手写的旁注";
    const result = plan(grids);
    expect(result.extensions[0]!.addedColumns).toEqual([{ header: "备注", column: 14 }]);
  });

  test("appends a missing preset row after the last used row, matched by 指标名称", () => {
    const grids = withoutRow(sampleGrids(), "城乡融合", "城镇新增就业");
    const result = plan(grids);
    expect(result.report.addedRows).toEqual([{ sheet: "城乡融合", names: ["城镇新增就业"] }]);
    const extension = result.extensions[0]!;
    const lastRow = sheet(grids, "城乡融合").values.length - 1;
    expect(extension.addedRows).toEqual({ first: lastRow + 1, count: 1 });
    const [row] = extension.blocks[0]!.values;
    expect(row!.slice(0, 4)).toEqual(["城镇新增就业", "人", 462, 500]);
    // The formula refers to the row it lands in, not the template's row 2.
    const sheetRow = lastRow + 2;
    expect(row![4]).toMatchObject({ formula: expect.stringContaining(`C${sheetRow}/D${sheetRow}`), result: 0.924 });
  });

  test("puts appended values under their headers and formulas on the right cells when columns are reordered", async () => {
    const headers = template()[1]!.values[0]!.map(String);
    const shuffled = [...headers].reverse();
    const grids = withoutRow(sampleGrids(), "城乡融合", "城镇新增就业").map((grid) =>
      grid.name === "城乡融合" ? reordered(grid, shuffled) : grid,
    );
    const after = await applied(grids);
    const read = readIndicatorSheet("城乡融合", sheet(after, "城乡融合"));
    const added = read.rows.find((row) => row.name === "城镇新增就业")!;
    expect(added).toMatchObject({ unit: "人", actual: 462, target: 500, sentenceEnd: "；", include: true });
    expect(added.template).toBe("城镇新增就业{本期值}{单位}[，完成月度目标{完成率}]");

    const grid = sheet(after, "城乡融合");
    const letterOf = (header: string) => columnLetter(shuffled.indexOf(header));
    const sheetRow = added.row + 1;
    const completion = grid.values[added.row]![shuffled.indexOf("完成率")] as { formula: string };
    expect(completion.formula).toContain(`${letterOf("本期值")}${sheetRow}/${letterOf("目标值")}${sheetRow}`);
    const growth = grid.values[added.row]![shuffled.indexOf("同比")] as { formula: string };
    expect(growth.formula).toContain(`${letterOf("单位")}${sheetRow}="%"`);
    expect(growth.formula).toContain(`ISNUMBER(${letterOf("上年同期值")}${sheetRow})`);
  });

  test("places additions in sheet coordinates when the table does not start at A1", () => {
    const grids = withoutRow(withoutColumn("双碳管控", "备注"), "双碳管控", "重点用能单位能耗检查").map((grid) =>
      grid.name === "双碳管控" ? { ...grid, originRow: 3, originColumn: 2 } : grid,
    );
    const result = plan(grids);
    const extension = result.extensions.find((e) => e.sheet === "双碳管控")!;
    const rows = sheet(grids, "双碳管控").values.length;
    expect(extension.headerRow).toBe(3);
    expect(extension.blocks[0]).toEqual({ row: 3, column: 2 + 11, values: [["备注"]] });
    expect(extension.blocks[1]).toMatchObject({ row: 3 + rows, column: 2 });
    const placed = extension.blocks[1]!.values[0]!;
    expect(placed[0]).toBe("重点用能单位能耗检查");
    // 本期值 is the third column: C + 2 = E, in sheet row 3 + rows + 1.
    expect(placed[4]).toMatchObject({ formula: expect.stringContaining(`E${4 + rows}/F${4 + rows}`) });
  });

  test("adds the settings items an existing 专报设置 lacks", () => {
    const grids = sampleGrids().map((grid) =>
      grid.name === settingsSheetName
        ? { ...grid, values: grid.values.filter((row) => row[0] !== "期号" && row[0] !== "序时进度口径") }
        : grid,
    );
    const result = plan(grids);
    expect(result.report.addedSettings).toEqual(["期号", "序时进度口径"]);
    expect(result.report.addedRows).toEqual([]);
    expect(result.extensions[0]!.blocks[0]!.values.map((row) => row.slice(0, 2))).toEqual([
      ["期号", 2],
      ["序时进度口径", "按月"],
    ]);
  });

  test("fills a blank sheet of the right name from its top-left corner", () => {
    const grids = sampleGrids().map((grid) => (grid.name === "区域协同" ? { name: "区域协同", values: [[""]] } : grid));
    const result = plan(grids);
    const names = template()[4]!
      .values.slice(1)
      .map((row) => row[0]);
    expect(result.report.addedColumns).toEqual([{ sheet: "区域协同", headers: template()[4]!.values[0] }]);
    expect(result.report.addedRows).toEqual([{ sheet: "区域协同", names }]);
    expect(result.extensions[0]!.blocks.map((block) => [block.row, block.column])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  test("leaves a sheet alone, and says so, when it has content but no 指标名称 header", () => {
    const grids = sampleGrids().map((grid) =>
      grid.name === "文体惠民" ? { name: "文体惠民", values: [["随手记的数字", 12]] } : grid,
    );
    const result = plan(grids);
    expect(result.extensions).toEqual([]);
    expect(result.report.skippedFeatures).toEqual(["工作表“文体惠民”中找不到表头“指标名称”，未向该表补充内容"]);
  });

  test("adds no sample rows to sheets whose rows are the office's own (文字材料, 民生实事明细)", () => {
    const grids = template(false).map((grid) =>
      grid.name === "文字材料"
        ? { ...grid, values: [...grid.values, ["工作部署", "", "本单位自己的段落", "是"]] }
        : grid,
    );
    const result = plan(grids, true);
    expect(result.extensions).toEqual([]);
    expect(result.report.addedRows).toEqual([]);
  });

  test("applying the plan keeps every existing cell and leaves nothing more to add", async () => {
    const grids = withoutRow(withoutColumn("产业发展", "同比"), "民生实事", "省级重点民生实事").filter(
      (grid) => grid.name !== "乡村振兴",
    );
    const after = await applied(grids);
    for (const before of grids) {
      const now = new GridReader(sheet(after, before.name));
      before.values.forEach((row, r) => row.forEach((value, c) => expect(now.grid.values[r]?.[c]).toEqual(value)));
    }
    expect(plan(after).extensions).toEqual([]);
    expect(plan(after).newSheets).toEqual([]);
    const analysis = analyzeWorkbook(after);
    expect(analysis.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  });
});
