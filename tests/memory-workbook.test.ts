import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { analyzeWorkbook, kaijuBahao, type SheetGrid, workbookGrids } from "../src/core";
import { MemoryWorkbook } from "../src/core/workbook/memory-workbook";
import { referenceLines, sampleGrids } from "./support/sample";

describe("the preview's in-memory workbook", () => {
  test("is labelled 预览模式 and reads back copies of its grids", async () => {
    const workbook = new MemoryWorkbook(sampleGrids());
    expect(workbook.label).toBe("预览模式");
    const first = await workbook.readWorkbook();
    (first[0]!.values[1] as unknown[])[1] = "改过";
    first.pop();
    expect(await workbook.readWorkbook()).toEqual(sampleGrids());
  });

  test("创建模板 with the sample on an empty workbook gives the sample's bulletin", async () => {
    const workbook = new MemoryWorkbook();
    const report = await workbook.createTemplate({ sample: true });
    const expectedSheets = workbookGrids(kaijuBahao, { sample: true, formulas: "plain" }).map((grid) => grid.name);
    expect(report.createdSheets).toEqual(expectedSheets);
    const grids = await workbook.readWorkbook();
    expect(grids.map((grid) => grid.name)).toEqual(expectedSheets);
    expect(analyzeWorkbook(grids).sections.map((section) => section.text)).toEqual(
      referenceLines("indicators-expected.txt"),
    );
  });

  test("创建模板 twice adds nothing the second time", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.createTemplate({ sample: false });
    const before = await workbook.readWorkbook();
    const report = await workbook.createTemplate({ sample: true });
    expect(report).toEqual({
      createdSheets: [],
      addedRows: [],
      addedColumns: [],
      addedSettings: [],
      skippedFeatures: [],
    });
    expect(await workbook.readWorkbook()).toEqual(before);
  });

  test("records the selection, and refuses a sheet it does not have", async () => {
    const workbook = new MemoryWorkbook(sampleGrids());
    expect(workbook.selection).toBeNull();
    await workbook.selectCell("产业发展", "C4");
    expect(workbook.selection).toEqual({ sheet: "产业发展", cell: "C4" });
    await workbook.selectCell("专报设置", null);
    expect(workbook.selection).toEqual({ sheet: "专报设置", cell: null });
    await expect(workbook.selectCell("没有这张表", "A1")).rejects.toThrow("找不到工作表“没有这张表”");
  });

  test("never changes a cell that exists, whatever rows, columns and sheets are missing", async () => {
    const full = sampleGrids();
    const edit = fc.record({
      dropSheets: fc.subarray(full.map((grid) => grid.name)),
      dropRows: fc.array(fc.tuple(fc.nat(full.length - 1), fc.nat(12)), { maxLength: 6 }),
      dropColumns: fc.array(fc.tuple(fc.nat(full.length - 1), fc.nat(12)), { maxLength: 3 }),
      strayCell: fc.option(fc.tuple(fc.nat(full.length - 1), fc.nat(20), fc.nat(16))),
    });
    await fc.assert(
      fc.asyncProperty(edit, async ({ dropSheets, dropRows, dropColumns, strayCell }) => {
        const grids: SheetGrid[] = sampleGrids().map((grid) => ({ ...grid, values: grid.values.map((r) => [...r]) }));
        for (const [g, r] of dropRows) (grids[g]!.values as unknown[][]).splice(r + 1, 1);
        for (const [g, c] of dropColumns) for (const row of grids[g]!.values as unknown[][]) row.splice(c, 1);
        if (strayCell) {
          const [g, r, c] = strayCell;
          const rows = grids[g]!.values as unknown[][];
          while (rows.length <= r) rows.push([]);
          rows[r]![c] = rows[r]![c] || "旁注";
        }
        const existing = grids.filter((grid) => !dropSheets.includes(grid.name));
        const workbook = new MemoryWorkbook(existing);
        await workbook.createTemplate({ sample: true });
        const after = await workbook.readWorkbook();
        for (const before of existing) {
          const now = after.find((grid) => grid.name === before.name)!;
          before.values.forEach((row, r) =>
            row.forEach((value, c) => {
              if (value !== undefined && value !== "" && value !== null) expect(now.values[r]?.[c]).toEqual(value);
            }),
          );
        }
        expect(after.map((grid) => grid.name).sort()).toEqual(full.map((grid) => grid.name).sort());
      }),
      { numRuns: 60 },
    );
  });
});
