/** The fake must be as strict as Office.js, or tests against it would pass code Excel rejects. */
import { afterEach, describe, expect, test } from "@jest/globals";
import { FakeExcel } from "./support/fake-excel";

const grids = [
  {
    name: "表一",
    values: [
      ["指标名称", "本期值"],
      ["产值", 12.5],
    ],
  },
];

afterEach(() => FakeExcel.uninstall());

describe("the fake Excel", () => {
  test("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const fake = new FakeExcel(grids);
    await expect(
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("表一").getUsedRange();
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the mistake under test
        return range.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("表一").getUsedRange().load("values");

        return range.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("returns values, address and names once loaded and synced", async () => {
    const fake = new FakeExcel([
      {
        name: "偏移",
        values: [
          ["a", ""],
          ["", 3],
        ],
        originRow: 2,
        originColumn: 1,
      },
      ...grids,
    ]);
    const result = await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const range = context.workbook.worksheets.getItem("偏移").getUsedRange().load("values, address");
      await context.sync();
      return { names: sheets.items.map((sheet) => sheet.name), values: range.values, address: range.address };
    });
    expect(result).toEqual({
      names: ["偏移", "表一"],
      values: [
        ["a", ""],
        ["", 3],
      ],
      address: "偏移!B3:C4",
    });
  });

  test("applies writes only at sync, in order, and counts syncs", async () => {
    const fake = new FakeExcel(grids);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("表一");
      sheet.getRange("B2").values = [[99]];
      expect(fake.cell("表一", "B2").value).toBe(12.5);
      await context.sync();
      expect(fake.cell("表一", "B2").value).toBe(99);
      sheet.getRange("C2").formulas = [["=B2*2"]];
      await context.sync();
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.cell("表一", "C2")).toMatchObject({ formula: "=B2*2", value: "" });
    expect(fake.writeCount).toBe(2);
  });

  test("flushes what a batch leaves queued when Excel.run ends, as Office.js does", async () => {
    const fake = new FakeExcel(grids);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("表一").getRange("A3").values = [["新增"]];
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.cell("表一", "A3").value).toBe("新增");
  });

  test("rejects a sync with the Office error code of the failing command", async () => {
    const fake = new FakeExcel(grids);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("没有").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("表一").getRange("A1:B1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    fake.protectStructure();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.add("新表");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.sheetNames()).toEqual(["表一"]);
  });

  test("fails members above the ExcelApi version it reports, at sync", async () => {
    const old = new FakeExcel(grids, { excelApi: "1.1" });
    await expect(
      old.run(async (context) => {
        context.workbook.worksheets.getItem("表一").getRange("A1").format.columnWidth = 40;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const recent = new FakeExcel(grids, { excelApi: "1.8" });
    await recent.run(async (context) => {
      const range = context.workbook.worksheets.getItem("表一").getRange("A2:A3");
      range.format.columnWidth = 40;
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "是,否" } };
      await context.sync();
    });
    expect(recent.columnWidth("表一", 0)).toBe(40);
    expect(recent.validations("表一")).toEqual([
      { address: "A2:A3", rule: { list: { inCellDropDown: true, source: "是,否" } } },
    ]);
  });

  test("getItemOrNullObject: ExcelApi 1.4, a null object for a missing sheet, known only after the sync", async () => {
    const old = new FakeExcel(grids, { excelApi: "1.3" });
    await expect(
      old.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject("表一");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });

    const fake = new FakeExcel(grids, { excelApi: "1.4" });
    const result = await fake.run(async (context) => {
      const found = context.workbook.worksheets.getItemOrNullObject("表一");
      const missing = context.workbook.worksheets.getItemOrNullObject("表二");
      const foundRange = found.getUsedRange().load("values");
      const missingRange = missing.getUsedRange().load("values, address");
      // eslint-disable-next-line office-addins/call-sync-before-read -- the mistake under test
      expect(() => found.isNullObject).toThrow("isNullObject");
      await context.sync();
      expect(() => missingRange.values).toThrow("Range.values of a null object");
      return { found: found.isNullObject, missing: missing.isNullObject, values: foundRange.values };
    });
    expect(result).toEqual({ found: false, missing: true, values: grids[0]!.values });
    expect(fake.syncCount).toBe(1);
    // A write through a null object is not modelled: it fails the batch rather than pass silently.
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject("表二").getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toThrow("null object");
    await expect(fake.run(async (context) => context.workbook.worksheets.getItem("表一").isNullObject)).rejects.toThrow(
      "isNullObject on getItemOrNullObject",
    );
  });

  test("throws at once on a member it does not model", async () => {
    const fake = new FakeExcel(grids);
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("表一") as unknown as { charts: unknown };
        return sheet.charts;
      }),
    ).rejects.toThrow("does not model Worksheet.charts");
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("表一").getUsedRange(true);
      }),
    ).rejects.toThrow("without valuesOnly");
  });

  test("counts formatted cells in the used range and reports A1 for a blank sheet", async () => {
    const fake = new FakeExcel([{ name: "空", values: [] }]);
    const addresses = await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("空");
      const before = sheet.getUsedRange().load("address");
      sheet.getRange("C5").numberFormat = [["0.0%"]];
      const after = sheet.getUsedRange().load("address, values");
      await context.sync();
      return [before.address, after.address, after.values];
    });
    expect(addresses).toEqual(["空!A1", "空!C5", [[""]]]);
  });

  test("adds tables over sheet-qualified addresses, the active sheet otherwise", async () => {
    const fake = new FakeExcel([...grids, { name: "表二", values: [["x"]] }]);
    await fake.run(async (context) => {
      const second = context.workbook.worksheets.getItem("表二");
      second.tables.add("'表二'!A1:B2", true);
      second.tables.add("D1:E2", true);
      await context.sync();
    });
    expect(fake.tables("表二")).toEqual([{ address: "A1:B2", hasHeaders: true }]);
    expect(fake.tables("表一")).toEqual([{ address: "D1:E2", hasHeaders: true }]);
  });

  test("records activation and selection, and answers isSetSupported once installed", async () => {
    const fake = new FakeExcel([...grids, { name: "表二", values: [] }], { excelApi: "1.4", customFunctions: true });
    fake.install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("表二").getRange("C7").select();
      await context.sync();
    });
    expect(fake.activeSheet).toBe("表二");
    expect(fake.selection).toEqual({ sheet: "表二", address: "C7" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(Office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1")).toBe(true);
  });

  test("keeps text typed with a leading apostrophe as text without the apostrophe", async () => {
    const fake = new FakeExcel(grids);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("表一").getRange("A3:B3").formulas = [["'-", "=A3"]];
    });
    expect(fake.cell("表一", "A3")).toMatchObject({ value: "-", formula: null });
    expect(fake.cell("表一", "B3").formula).toBe("=A3");
  });
});
