/**
 * The WPS adapter (src/wps) against the strict ET stand-in: reads per sheet in a fixed number of host
 * calls, 创建模板 from core's plan in 2-D writes without overwriting a filled cell, check and generate
 * writing nothing.
 */
import { describe, expect, test } from "@jest/globals";
import {
  analyzeWorkbook,
  cellAddress,
  columnLetter,
  indicatorColumns,
  kaijuBahao,
  workbookGrids,
  type FormulaStyle,
  type SheetGrid,
} from "../src/core";
import { headerFill, sheetFormat } from "../src/core";
import type { EtApplication } from "../src/wps/et-types";
import { etColor } from "../src/wps/template-writer";
import { WpsWorkbookHost } from "../src/wps/wps-host";
import { FakeEt, type EtSeedCell, type EtSheetSeed } from "./support/fake-et";
import { cachedSampleGrids, referenceLines } from "./support/sample";
import { expectTemplateCells } from "./support/template-cells";

const templateHeaders = indicatorColumns.filter((column) => column.inTemplate).map((column) => column.header);
const headerOf = (key: string) => indicatorColumns.find((column) => column.key === key)!.header;
const letterOf = (header: string) => columnLetter(templateHeaders.indexOf(header));

/** Grids as ET holds them: formulas with their results, as WPS shows a recalculated workbook. */
function seeds(grids: readonly SheetGrid[]): EtSheetSeed[] {
  return grids.map((grid) => ({
    name: grid.name,
    values: grid.values.map((row) =>
      row.map((value): EtSeedCell => {
        if (value !== null && typeof value === "object" && "formula" in value) {
          const { formula, result } = value as { formula: string; result?: unknown };
          return { formula: `=${formula}`, value: result ?? "" };
        }
        return value as EtSeedCell;
      }),
    ),
  }));
}

function hostOf(fake: FakeEt, customFunctions = false): WpsWorkbookHost {
  return new WpsWorkbookHost(fake.application as EtApplication, { customFunctions });
}

describe("WpsWorkbookHost.readWorkbook", () => {
  test("gives analyzeWorkbook what reproduces the reference 主要指标 text, writing nothing", async () => {
    const fake = new FakeEt(seeds(cachedSampleGrids()));
    const analysis = analyzeWorkbook(await hostOf(fake).readWorkbook());
    expect(analysis.sections.map((section) => section.text)).toEqual(referenceLines("indicators-expected.txt"));
    expect(fake.hostWrites).toBe(0);
  });

  test("takes the same number of host calls however many rows the sheets have", async () => {
    const callsFor = async (extraRows: number) => {
      const grids = cachedSampleGrids().map((grid) =>
        grid.name === kaijuBahao.categories[0]!.name
          ? {
              ...grid,
              values: [...grid.values, ...Array.from({ length: extraRows }, (_, i) => [`指标${i}`, "万元", 1])],
            }
          : grid,
      );
      const fake = new FakeEt([{ name: "说明", values: [["x"]] }, ...seeds(grids)]);
      await hostOf(fake).readWorkbook();
      return fake.hostCalls;
    };
    const few = await callsFor(1);
    expect(await callsFor(2000)).toBe(few);
    // ActiveWorkbook, Worksheets, Count; per sheet Item and Name; per wanted sheet UsedRange, Rows, Count,
    // Columns, Count, Row, Column, Value2 and Formula.
    const wanted = cachedSampleGrids().length;
    expect(few).toBe(3 + 2 * (wanted + 1) + 9 * wanted);
  });

  test.each([
    ["产业发展", "A200001", "工作表“产业发展”超过 200,000 行（已用区域 200,001 行 × 1 列）"],
    ["文字材料", "XFD200", "工作表“文字材料”超过 3,000,000 个单元格（已用区域 200 行 × 16,384 列）"],
  ])("refuses %s used to %s with core's sentence before reading any value", async (sheet, last, sentence) => {
    const fake = new FakeEt([
      { name: "说明", values: [["x"]] },
      { name: "专报设置", values: [["项目", "内容"]] },
      { name: sheet, values: [["指标名称"]] },
    ]);
    fake.type(sheet, last, [["多余"]]);
    await expect(hostOf(fake).readWorkbook()).rejects.toMatchObject({
      name: "WpsHostError",
      message: expect.stringContaining(sentence),
    });
    // Only the sizes were asked: per wanted sheet UsedRange, Rows, Count, Columns, Count; no Value2.
    expect(fake.hostCalls).toBe(3 + 2 * 3 + 5 * 2);
    await expect(hostOf(fake).createTemplate({ sample: false })).rejects.toMatchObject({ name: "WpsHostError" });
    expect(fake.hostWrites).toBe(0);
  });

  test("refuses sheets together beyond the cell limit, naming the total and the largest", async () => {
    const fake = new FakeEt([
      { name: "产业发展", values: [["指标名称"]] },
      { name: "城乡融合", values: [["指标名称"]] },
    ]);
    fake.type("产业发展", "Z100000", [["多余"]]);
    fake.type("城乡融合", "P100000", [["多余"]]);
    await expect(hostOf(fake).readWorkbook()).rejects.toThrow(
      "工作簿的单元格超过 3,000,000 个（所读工作表的已用区域共 4,200,000 个单元格，最大的是“产业发展”，100,000 行 × 26 列）",
    );
  });

  test("places a used range that does not start at A1 and reads one cell as a value", async () => {
    const fake = new FakeEt([
      { name: "产业发展", values: [["指标名称"], ["产值"]], at: "B3" },
      { name: "文字材料", values: [["标题"]], at: "C2" },
    ]);
    const grids = await hostOf(fake).readWorkbook();
    expect(grids).toEqual([
      { name: "产业发展", values: [["指标名称"], ["产值"]], originRow: 2, originColumn: 1 },
      { name: "文字材料", values: [["标题"]], originRow: 1, originColumn: 2 },
    ]);
  });

  test("names a formula's error result by its code, and keeps a typed number as a number", async () => {
    const fake = new FakeEt([
      {
        name: "产业发展",
        values: [
          ["完成率", "本期值"],
          [{ formula: "=C2/D2", value: -2146826281 }, -2146826281],
        ],
      },
    ]);
    const [grid] = await hostOf(fake).readWorkbook();
    expect(grid!.values[1]).toEqual(["#DIV/0!", -2146826281]);
  });

  test("without an open workbook says so in a sentence", async () => {
    const fake = new FakeEt([], { noWorkbook: true });
    await expect(hostOf(fake).readWorkbook()).rejects.toMatchObject({
      name: "WpsHostError",
      message: expect.stringContaining("没有打开的工作簿"),
    });
  });
});

describe("WpsWorkbookHost.createTemplate", () => {
  test.each([false, true])(
    "on a new workbook (custom functions %s) adds every sheet in order with values, formulas and formats",
    async (customFunctions) => {
      const fake = new FakeEt();
      const report = await hostOf(fake, customFunctions).createTemplate({ sample: true });
      const formulas: FormulaStyle = customFunctions ? "zb" : "plain";
      const names = workbookGrids(kaijuBahao, { sample: true, formulas }).map((grid) => grid.name);

      expect(report.createdSheets).toEqual(names);
      expect(fake.sheetNames()).toEqual([...names, "Sheet1"]);
      expect(fake.activeSheet).toBe(names[0]);
      expectTemplateCells((sheet, address) => fake.cell(sheet, address), null, formulas, true);

      for (const header of [headerOf("completion"), headerOf("growth")]) {
        expect(fake.cell("产业发展", `${letterOf(header)}2`).numberFormat).toBe("0.0%");
        expect(fake.cell("产业发展", `${letterOf(header)}150`).numberFormat).toBe("0.0%");
      }
      expect(fake.cell("产业发展", `${letterOf(headerOf("actual"))}2`).numberFormat).toBe("General");
      expect(fake.cell("产业发展", `${letterOf(headerOf("template"))}2`).wrapText).toBe(true);
      // #DDEBF7 as ET's BGR number.
      expect(fake.cell("产业发展", "A1")).toMatchObject({ bold: true, fill: 0xf7ebdd });
      expect(fake.cell("专报设置", "A1")).toMatchObject({ bold: true, fill: 0xf7ebdd });
      expect(fake.columnWidth("产业发展", 0)).toBeGreaterThan(8);
      const include = indicatorColumns.find((column) => column.choices)!;
      expect(fake.validations("产业发展")).toContainEqual(
        expect.objectContaining({ type: 3, formula1: include.choices!.join(",") }),
      );
      expect(report.skippedFeatures).toHaveLength(customFunctions ? 0 : 1);
    },
  );

  test("applies core's format plan to every new sheet: formats, wrapping, lists, widths, header", async () => {
    const fake = new FakeEt();
    await hostOf(fake).createTemplate({ sample: false });
    for (const grid of workbookGrids(kaijuBahao, { sample: false, formulas: "plain" })) {
      const format = sheetFormat(grid);
      const header = fake.cell(grid.name, cellAddress(0, format.headerColumns - 1));
      expect({ sheet: grid.name, bold: header.bold, fill: header.fill }).toEqual({
        sheet: grid.name,
        bold: true,
        fill: etColor(headerFill),
      });
      const lists = fake.validations(grid.name);
      for (const column of format.columns) {
        const last = format.rows.first + format.rows.count - 1;
        for (const row of [format.rows.first, last]) {
          const cell = fake.cell(grid.name, cellAddress(row, column.column));
          expect({
            at: `${grid.name}!${cellAddress(row, column.column)}`,
            format: cell.numberFormat,
            wrap: cell.wrapText,
          }).toEqual({
            at: `${grid.name}!${cellAddress(row, column.column)}`,
            format: column.numberFormat ?? "General",
            wrap: column.wrap,
          });
        }
        const range = `${cellAddress(format.rows.first, column.column)}:${cellAddress(last, column.column)}`;
        const list = lists.find((validation) => validation.address === range);
        expect({ range, list: list?.formula1 }).toEqual({ range, list: column.choices?.join(",") });
        expect(fake.columnWidth(grid.name, column.column)).toBe(column.width);
      }
    }
  });

  test("reads back a sample template it created as the same bulletin", async () => {
    const host = hostOf(new FakeEt());
    await host.createTemplate({ sample: true });
    const analysis = analyzeWorkbook(await host.readWorkbook());
    expect(analysis.sections.map((section) => section.text)).toEqual(referenceLines("indicators-expected.txt"));
  });

  test("never overwrites a filled cell: on a filled workbook it adds only what is missing", async () => {
    const grids = cachedSampleGrids();
    const fake = new FakeEt(seeds(grids));
    const before = grids.map((grid) => fake.usedAddress(grid.name));
    const report = await hostOf(fake).createTemplate({ sample: false });
    expect(report.createdSheets).toEqual([]);
    expect(report.addedRows).toEqual([]);
    expect(grids.map((grid) => fake.usedAddress(grid.name))).toEqual(before);
    expect(fake.hostWrites).toBe(0);
  });

  test("appends a missing indicator row below staff's rows, leaving theirs as they were", async () => {
    const grids = cachedSampleGrids();
    const category = grids.find((grid) => grid.name === kaijuBahao.categories[0]!.name)!;
    const kept = category.values.slice(0, 2);
    const fake = new FakeEt(seeds([{ ...category, values: kept }]));
    const report = await hostOf(fake).createTemplate({ sample: false });
    expect(report.addedRows[0]!.names).toHaveLength(category.values.length - 2);
    expect(fake.cell(category.name, "A2").value).toBe(kept[1]![0]);
    expect(fake.cell(category.name, "A3").value).toBe(category.values[2]![0]);
  });
});

describe("WpsWorkbookHost.applyEdits and selectCell", () => {
  test("writes each value into its cell, text as text", async () => {
    const fake = new FakeEt([{ name: "产业发展", values: [["指标名称"]] }]);
    await hostOf(fake).applyEdits([
      { sheet: "产业发展", cell: "B2", value: "2026-03" },
      { sheet: "产业发展", cell: "C2", value: 462 },
      { sheet: "产业发展", cell: "D2", value: "=1+1" },
    ]);
    expect(fake.cell("产业发展", "B2")).toMatchObject({ value: "2026-03", formula: null });
    expect(fake.cell("产业发展", "C2")).toMatchObject({ value: 462, formula: null });
    expect(fake.cell("产业发展", "D2")).toMatchObject({ value: "=1+1", formula: null });
  });

  test("selecting a cell uses nothing outside the subset where WPS lacks it", async () => {
    const fake = new FakeEt([{ name: "产业发展", values: [["指标名称"]] }]);
    await expect(hostOf(fake).selectCell("产业发展", "B2")).resolves.toBeUndefined();
    expect(fake.hostWrites).toBe(0);
  });
});

describe("the ET stand-in", () => {
  test("throws on any member outside the subset, and answers `in` truthfully", () => {
    const fake = new FakeEt();
    const app = fake.application as Record<string, unknown>;
    expect(() => app.ActiveSheet).toThrow(/outside the subset/);
    expect("ActiveWorkbook" in app).toBe(true);
    expect("Run" in app).toBe(false);
  });
});
