import { afterEach, describe, expect, test } from "@jest/globals";
import {
  analyzeWorkbook,
  columnLetter,
  indicatorColumns,
  kaijuBahao,
  workbookGrids,
  type SheetGrid,
} from "../src/core";
import { ExcelWorkbookHost } from "../src/excel/excel-host";
import { ExcelHostError } from "../src/excel/office-errors";
import { FakeExcel, type FakeOptions } from "./support/fake-excel";
import { cachedSampleGrids, referenceLines, withoutColumn } from "./support/sample";
import { catalogWithCategories, workbookOf } from "./support/sync-counts";
import { expectTemplateCells } from "./support/template-cells";

const categoryNames = kaijuBahao.categories.map((category) => category.name);
const headerOf = (key: string) => indicatorColumns.find((column) => column.key === key)!.header;
const templateHeaders = indicatorColumns.filter((column) => column.inTemplate).map((column) => column.header);
const letterOf = (header: string) => columnLetter(templateHeaders.indexOf(header));

function installed(grids: readonly SheetGrid[], options: FakeOptions = {}): FakeExcel {
  const fake = new FakeExcel(grids, options);
  fake.install();
  return fake;
}

afterEach(() => FakeExcel.uninstall());

describe("ExcelWorkbookHost.createTemplate", () => {
  test("on a new workbook (Excel 2016, ExcelApi 1.1) adds every sheet with values, plain formulas and formats", async () => {
    const fake = installed([{ name: "Sheet1", values: [] }]);
    const report = await new ExcelWorkbookHost().createTemplate({ sample: true });
    const names = workbookGrids(kaijuBahao, { sample: true, formulas: "plain" }).map((grid) => grid.name);

    expect(report.createdSheets).toEqual(names);
    expect(fake.sheetNames()).toEqual(["Sheet1", ...names]);
    expectTemplateCells((sheet, address) => fake.cell(sheet, address), "", "plain", true);
    // The sheet names, then the additions: none of the template's sheets is there to read.
    expect(fake.syncCount).toBe(2);
    expect(fake.activeSheet).toBe(names[0]);

    const rows = kaijuBahao.categories[0]!.indicators.length;
    expect(fake.tables("产业发展")).toEqual([
      { address: `A1:${columnLetter(templateHeaders.length - 1)}${rows + 1}`, hasHeaders: true },
    ]);
    for (const header of [headerOf("completion"), headerOf("growth")]) {
      expect(fake.cell("产业发展", `${letterOf(header)}2`).numberFormat).toBe("0.0%");
      expect(fake.cell("产业发展", `${letterOf(header)}150`).numberFormat).toBe("0.0%");
    }
    expect(fake.cell("产业发展", `${letterOf(headerOf("actual"))}2`).numberFormat).toBe("General");
    expect(fake.cell("产业发展", `${letterOf(headerOf("template"))}2`).wrapText).toBe(true);
    expect(fake.cell("专报设置", "A1")).toMatchObject({ bold: true, fill: "#DDEBF7" });

    // ExcelApi 1.1: no widths, no lists, and the person is told.
    for (const name of names) expect(fake.validations(name)).toEqual([]);
    expect(fake.columnWidth("产业发展", 0)).toBeUndefined();
    expect(report.skippedFeatures).toEqual([
      expect.stringContaining("列宽"),
      expect.stringContaining("数据验证"),
      expect.stringContaining("自定义函数"),
    ]);
  });

  test("with ExcelApi 1.8 and custom functions adds drop-down lists, widths and ZB formulas", async () => {
    const fake = installed([{ name: "Sheet1", values: [] }], { excelApi: "1.8", customFunctions: true });
    const report = await new ExcelWorkbookHost().createTemplate({ sample: false });

    expectTemplateCells((sheet, address) => fake.cell(sheet, address), "", "zb", false);
    expect(fake.cell("城乡融合", "E2").formula).toContain("ZB.COMPLETION(C2,D2)");
    // ExcelApi 1.4+: the read is one sync, the additions a second.
    expect(fake.syncCount).toBe(2);
    expect(report.skippedFeatures).toEqual([]);
    for (const name of categoryNames) {
      const lists = fake.validations(name);
      expect(lists).toEqual(
        expect.arrayContaining([
          {
            address: expect.stringMatching(new RegExp(`^${letterOf(headerOf("sentenceEnd"))}2:`)),
            rule: { list: { inCellDropDown: true, source: "，,；,。,、" } },
          },
          {
            address: expect.stringMatching(new RegExp(`^${letterOf(headerOf("include"))}2:`)),
            rule: { list: { inCellDropDown: true, source: "是,否" } },
          },
        ]),
      );
    }
    expect(fake.validations("民生实事明细")).toEqual([
      expect.objectContaining({ rule: { list: { inCellDropDown: true, source: "省级,市级" } } }),
    ]);
    // 30 characters of 指标名称 → (30 × 7 + 5) pixels → 161.25 points.
    expect(fake.columnWidth("产业发展", 0)).toBe(161.25);
  });

  test("on a workbook that already holds the sheets and their data changes no cell", async () => {
    const fake = installed(cachedSampleGrids(), { excelApi: "1.8", customFunctions: true });
    const before = fake.snapshot();
    const report = await new ExcelWorkbookHost().createTemplate({ sample: true });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.writeCount).toBe(0);
    expect(report).toEqual({
      createdSheets: [],
      addedRows: [],
      addedColumns: [],
      addedSettings: [],
      skippedFeatures: [],
    });
  });

  test("on a workbook missing one sheet, one column and one row adds exactly those", async () => {
    const grids = withoutColumn("产业发展", "备注")
      .filter((grid) => grid.name !== "乡村振兴")
      .map((grid) =>
        grid.name === "城乡融合" ? { ...grid, values: grid.values.filter((row) => row[0] !== "城镇新增就业") } : grid,
      );
    const fake = installed(grids);
    const before = fake.snapshot();
    const report = await new ExcelWorkbookHost().createTemplate({ sample: true });

    const after = fake.snapshot();
    for (const [address, cell] of before) expect(after.get(address)).toEqual(cell);
    expect(report.createdSheets).toEqual(["乡村振兴"]);
    expect(report.addedColumns).toEqual([{ sheet: "产业发展", headers: ["备注"] }]);
    expect(report.addedRows).toEqual([{ sheet: "城乡融合", names: ["城镇新增就业"] }]);
    expect(fake.syncCount).toBe(3);

    expect(fake.cell("产业发展", "L1").value).toBe("备注");
    const appended = grids.find((grid) => grid.name === "城乡融合")!.values.length + 1;
    expect(fake.cell("城乡融合", `A${appended}`).value).toBe("城镇新增就业");
    expect(fake.cell("城乡融合", `C${appended}`).value).toBe(462);
    expect(fake.cell("城乡融合", `E${appended}`).formula).toContain(`C${appended}/D${appended}`);
    expect(fake.cell("城乡融合", `E${appended}`).numberFormat).toBe("0.0%");
    expect(fake.tables("城乡融合")).toEqual([]);
    expect(fake.tables("乡村振兴")).toHaveLength(1);
  });

  test("tells a protected workbook, or a cell being edited, in plain Chinese", async () => {
    const fake = installed([{ name: "Sheet1", values: [] }]);
    fake.protectStructure();
    const host = new ExcelWorkbookHost();
    await expect(host.createTemplate({ sample: false })).rejects.toThrow(
      "工作簿受保护或为只读，无法创建模板。请在“审阅”选项卡中撤销工作簿和工作表保护后重试",
    );
    fake.failNextSyncWith("InvalidOperationInCellEditMode");
    await expect(host.readWorkbook()).rejects.toEqual(
      new ExcelHostError(
        "Excel 正在编辑单元格，无法读取工作簿。请按 Enter 或 Esc 结束编辑后重试",
        "InvalidOperationInCellEditMode",
      ),
    );
  });
});

describe("ExcelWorkbookHost.readWorkbook", () => {
  test.each([
    { excelApi: "1.1", syncs: 2 },
    { excelApi: "1.4", syncs: 1 },
  ])(
    "reads 70 category sheets on ExcelApi $excelApi in $syncs sync(s), and no sheet by another name",
    async (level) => {
      const catalog = catalogWithCategories(70);
      const grids = workbookOf(catalog);
      const fake = installed([{ name: "别的表", values: [["不读"]] }, ...grids], { excelApi: level.excelApi });
      const read = await new ExcelWorkbookHost(catalog).readWorkbook();
      expect(fake.syncCount).toBe(level.syncs);
      expect(read.map((grid) => grid.name)).toEqual(grids.map((grid) => grid.name));
      expect(analyzeWorkbook(read, { catalog }).sections).toHaveLength(70);
    },
  );

  test.each(["1.1", "1.4"])(
    "on ExcelApi %s reads a sheet named with surrounding spaces as the core matches it, in two syncs",
    async (excelApi) => {
      const grids = cachedSampleGrids().map((grid) =>
        grid.name === "城乡融合" ? { ...grid, name: " 城乡融合 " } : grid,
      );
      const fake = installed(grids, { excelApi });
      const read = await new ExcelWorkbookHost().readWorkbook();
      expect(fake.syncCount).toBe(2);
      expect(read.map((grid) => grid.name)).toEqual(grids.map((grid) => grid.name));
      const analysis = analyzeWorkbook(read);
      expect(analysis.sections.map((section) => section.text)).toEqual(referenceLines("indicators-expected.txt"));
    },
  );

  test("gives analyzeWorkbook what reproduces the reference 主要指标 text", async () => {
    installed(cachedSampleGrids());
    const analysis = analyzeWorkbook(await new ExcelWorkbookHost().readWorkbook());
    expect(analysis.sections.map((section) => section.text)).toEqual(referenceLines("indicators-expected.txt"));
  });

  test("reads back a sample template it created as the same bulletin", async () => {
    installed([{ name: "Sheet1", values: [] }]);
    const host = new ExcelWorkbookHost();
    await host.createTemplate({ sample: true });
    const analysis = analyzeWorkbook(await host.readWorkbook());
    expect(analysis.sections.map((section) => section.text)).toEqual(referenceLines("indicators-expected.txt"));
  });

  test.each(["1.1", "1.4"])("on ExcelApi %s places a used range that does not start at A1", async (excelApi) => {
    installed([{ name: "产业发展", values: [["指标名称"], ["产值"]], originRow: 2, originColumn: 1 }], { excelApi });
    const [grid] = await new ExcelWorkbookHost().readWorkbook();
    expect(grid).toEqual({ name: "产业发展", values: [["指标名称"], ["产值"]], originRow: 2, originColumn: 1 });
  });

  test.each(["1.1", "1.4"])("on ExcelApi %s changes nothing (check and generate only read)", async (excelApi) => {
    const fake = installed(cachedSampleGrids(), { excelApi });
    const before = fake.snapshot();
    const host = new ExcelWorkbookHost();
    await host.readWorkbook();
    await host.readWorkbook();
    expect(fake.writeCount).toBe(0);
    expect(fake.snapshot()).toEqual(before);
    expect(host.label).toBe("Excel");
  });
});

/** A sheet with its header in A1 and one more cell at (lastRow, lastColumn), so its used range ends there. */
function sheetUsedTo(name: string, lastRow: number, lastColumn: number): SheetGrid {
  const values: unknown[][] = Array.from({ length: lastRow + 1 }, () => []);
  values[0] = ["指标名称"];
  values[lastRow]![lastColumn] = "多余";
  return { name, values };
}

describe("ExcelWorkbookHost.readWorkbook beyond the size limits", () => {
  test.each([
    { excelApi: "1.1", syncs: 2 },
    { excelApi: "1.4", syncs: 1 },
  ])(
    "on ExcelApi $excelApi refuses a sheet one row beyond the limit with core's sentence, in $syncs sync(s)",
    async (level) => {
      const grids = cachedSampleGrids().filter((grid) => grid.name !== "城乡融合");
      const refused = installed([...grids, sheetUsedTo("城乡融合", 200_000, 1)], { excelApi: level.excelApi });
      await expect(new ExcelWorkbookHost().readWorkbook()).rejects.toMatchObject({
        name: "ExcelHostError",
        message:
          "工作表“城乡融合”超过 200,000 行（已用区域 200,001 行 × 2 列），超出专报助手能读取的上限，未读取。" +
          "请删去多余的行（如整列填充到表底的内容）或把数据拆分到几个工作簿，保存后再试。",
      });
      expect(refused.syncCount).toBe(level.syncs);
      const before = refused.snapshot();
      await expect(new ExcelWorkbookHost().createTemplate({ sample: false })).rejects.toThrow("超过 200,000 行");
      expect(refused.writeCount).toBe(0);
      expect(refused.snapshot()).toEqual(before);
    },
  );

  test("refuses sheets together beyond the cell limit, naming the total and the largest", async () => {
    installed([sheetUsedTo("产业发展", 99_999, 25), sheetUsedTo("城乡融合", 99_999, 15)], { excelApi: "1.4" });
    await expect(new ExcelWorkbookHost().readWorkbook()).rejects.toThrow(
      "工作簿的单元格超过 3,000,000 个（所读工作表的已用区域共 4,200,000 个单元格，最大的是“产业发展”，100,000 行 × 26 列）",
    );
  });
});

describe("ExcelWorkbookHost.selectCell", () => {
  test("activates the sheet and selects the cell", async () => {
    const fake = installed(cachedSampleGrids());
    const host = new ExcelWorkbookHost();
    await host.selectCell("城乡融合", "C3");
    expect(fake.activeSheet).toBe("城乡融合");
    expect(fake.selection).toEqual({ sheet: "城乡融合", address: "C3" });
    await host.selectCell("专报设置", null);
    expect(fake.activeSheet).toBe("专报设置");
    expect(fake.selection).toEqual({ sheet: "城乡融合", address: "C3" });
  });

  test("names the sheet and cell it could not find", async () => {
    installed(cachedSampleGrids());
    await expect(new ExcelWorkbookHost().selectCell("已删除", "B2")).rejects.toThrow(
      "无法定位到“已删除”B2：找不到相应的工作表或单元格，可能已被重命名或删除",
    );
  });
});
