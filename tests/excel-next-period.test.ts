/**
 * 开始下一期 in Excel (ExcelWorkbookHost.startNextPeriod) against the strict Office.js fake: the same
 * workbook as the preview's MemoryWorkbook gives, within its sync budget on every API level, and
 * nothing changed when the batch fails or the workbook changed after the confirmation.
 */
import { afterEach, describe, expect, test } from "@jest/globals";
import { historySheetName, kaijuBahao, settingsSheetName, workbookGrids, type SheetGrid } from "../src/core";
import { MemoryWorkbook } from "../src/core/workbook/memory-workbook";
import { ExcelWorkbookHost } from "../src/excel/excel-host";
import { ExcelHostError } from "../src/excel/office-errors";
import * as nextPeriodModule from "../src/core/workbook/next-period";
import * as excelNextPeriod from "../src/excel/next-period-writer";
import { planOf, visibleCells } from "./support/next-period";
import { FakeExcel } from "./support/fake-excel";
import { readPerformanceBudgets } from "./support/performance-budgets";
import { budgetAt, measuredHosts } from "./support/sync-counts";

afterEach(() => FakeExcel.uninstall());

const sample = () => workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
/** The sample as a workbook made before 历史数据 existed: 开始下一期 adds the sheet. */
const withoutHistory = () => sample().filter((grid) => grid.name !== historySheetName);

function installed(grids: readonly SheetGrid[], excelApi = "1.1"): FakeExcel {
  const fake = new FakeExcel(grids, { excelApi });
  fake.install();
  return fake;
}

const { maxPerAction } = readPerformanceBudgets().contextSyncs;

describe("ExcelWorkbookHost.startNextPeriod", () => {
  test.each(measuredHosts)("on $label: the preview's result, within the sync budget", async ({ excelApi }) => {
    const fake = installed(withoutHistory(), excelApi);
    const excel = new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod));
    const plan = planOf(await excel.readWorkbook({ formulas: true }));
    const syncsBefore = fake.syncCount;
    const result = await excel.startNextPeriod(plan);
    expect(result.applied).toBe(true);
    expect(fake.syncCount - syncsBefore).toBeLessThanOrEqual(budgetAt(maxPerAction, excelApi).nextPeriod);
    expect(fake.runCount).toBe(2);

    const memory = new MemoryWorkbook(withoutHistory(), kaijuBahao, () => Promise.resolve(nextPeriodModule));
    await memory.startNextPeriod(planOf(await memory.readWorkbook()));
    const expected = visibleCells(await memory.readWorkbook());
    expect(visibleCells(await excel.readWorkbook({ formulas: true }))).toEqual(expected);
    expect(fake.sheetNames()).toContain(historySheetName);
    // The new sheet is formatted as 创建模板 formats one: the ratio columns as percentages.
    expect(fake.cell(historySheetName, "J2").numberFormat).toBe("0.0%");
    expect(fake.cell(settingsSheetName, "A1").bold).toBe(false);
  });

  test("appends to an existing 历史数据 in the same one write sync", async () => {
    const fake = installed(sample(), "1.4");
    const excel = new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod));
    await excel.startNextPeriod(planOf(await excel.readWorkbook({ formulas: true })));
    await excel.applyEdits([{ sheet: settingsSheetName, cell: "B5", value: "2026年5月28日" }]);
    const plan = planOf(await excel.readWorkbook({ formulas: true }));
    expect(plan.history.create).toBe(false);
    const syncs = fake.syncCount;
    const result = await excel.startNextPeriod(plan);
    expect(result.applied).toBe(true);
    expect(fake.syncCount - syncs).toBe(2);
    const appended = `A${plan.history.appendAt + 1}`;
    expect(fake.cell(historySheetName, appended).value).toBe(2026);
    expect(fake.cell(historySheetName, `B${plan.history.appendAt + 1}`).value).toBe(5);
  });

  test.each(["GeneralException", "RequestPayloadSizeLimitExceeded"])(
    "when the write batch fails (%s) nothing is applied",
    async (code) => {
      const fake = installed(withoutHistory());
      const excel = new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod));
      const plan = planOf(await excel.readWorkbook({ formulas: true }));
      const before = fake.snapshot();
      fake.failWritingSyncWith(code);
      const failure = excel.startNextPeriod(plan);
      await expect(failure).rejects.toBeInstanceOf(ExcelHostError);
      await expect(failure).rejects.toThrow(/[\u4e00-\u9fff]/);
      expect(fake.snapshot()).toEqual(before);
      expect(fake.sheetNames()).not.toContain(historySheetName);
    },
  );

  test("a protected workbook structure fails on adding 历史数据, the first command: nothing applied", async () => {
    const fake = installed(withoutHistory(), "1.4");
    const excel = new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod));
    const plan = planOf(await excel.readWorkbook({ formulas: true }));
    const before = fake.snapshot();
    fake.protectStructure();
    await expect(excel.startNextPeriod(plan)).rejects.toBeInstanceOf(ExcelHostError);
    expect(fake.snapshot()).toEqual(before);
  });

  test("a workbook changed after the confirmation is planned again and not written", async () => {
    const fake = installed(sample(), "1.4");
    const excel = new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod));
    const plan = planOf(await excel.readWorkbook({ formulas: true }));
    await excel.applyEdits([{ sheet: settingsSheetName, cell: "B3", value: 7 }]);
    const before = fake.snapshot();
    const writes = fake.writeCount;
    const result = await excel.startNextPeriod(plan);
    expect(result.applied).toBe(false);
    if (!result.applied && result.outcome.ok) expect(result.outcome.plan.current.issue).toBe(7);
    expect(fake.writeCount).toBe(writes);
    expect(fake.snapshot()).toEqual(before);
  });

  test.each(["1.7", "1.8"])(
    "on ExcelApi %s a protected 历史数据 is unprotected for the archive and protected again, in the batch",
    async (excelApi) => {
      const fake = installed(sample(), excelApi);
      fake.protectSheet(historySheetName);
      const excel = new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod));
      const plan = planOf(await excel.readWorkbook({ formulas: true }));
      expect((await excel.startNextPeriod(plan)).applied).toBe(true);
      expect(fake.cell(historySheetName, "A2").value).toBe(2026);
      expect(fake.isProtected(historySheetName)).toBe(true);
    },
  );

  test.each(["1.1", "1.4"])(
    "on ExcelApi %s, which cannot lift protection, a protected 历史数据 fails the batch: nothing applied",
    async (excelApi) => {
      const fake = installed(sample(), excelApi);
      fake.protectSheet(historySheetName);
      const excel = new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod));
      const plan = planOf(await excel.readWorkbook({ formulas: true }));
      const before = fake.snapshot();
      await expect(excel.startNextPeriod(plan)).rejects.toThrow(/保护/);
      expect(fake.snapshot()).toEqual(before);
    },
  );

  test("创建模板 protects a new 历史数据 as the layout says, after writing it, where Excel can lift it again", async () => {
    const fake = installed([], "1.7");
    await new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod)).createTemplate({ sample: false });
    expect(fake.isProtected(historySheetName)).toBe(true);
    expect(fake.cell(historySheetName, "A1").value).toBe("统计年份");
    FakeExcel.uninstall();
    const older = installed([], "1.4");
    await new ExcelWorkbookHost(kaijuBahao, () => Promise.resolve(excelNextPeriod)).createTemplate({ sample: false });
    expect(older.isProtected(historySheetName)).toBe(false);
  });
});
