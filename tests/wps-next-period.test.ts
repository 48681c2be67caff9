/**
 * 开始下一期 in WPS (WpsWorkbookHost.startNextPeriod) against the ET stand-in: the preview's result,
 * and what a failure midway leaves (ET has no batch) and says.
 */
import { describe, expect, test } from "@jest/globals";
import { historySheetName, isFormulaValue, settingsSheetName, type SheetGrid } from "../src/core";
import { MemoryWorkbook } from "../src/core/workbook/memory-workbook";
import type { EtApplication } from "../src/wps/et-types";
import { WpsWorkbookHost } from "../src/wps/wps-host";
import { kaijuBahao } from "../src/core";
import * as nextPeriodModule from "../src/core/workbook/next-period";
import * as wpsNextPeriod from "../src/wps/next-period-writer";
import { planOf, visibleCells } from "./support/next-period";
import { FakeEt, type EtSeedCell, type EtSheetSeed } from "./support/fake-et";
import { cachedSampleGrids } from "./support/sample";

function seeds(grids: readonly SheetGrid[]): EtSheetSeed[] {
  return grids.map((grid) => ({
    name: grid.name,
    values: grid.values.map((row) =>
      row.map((value): EtSeedCell => {
        if (isFormulaValue(value)) {
          const { formula, result } = value as { formula: string; result?: unknown };
          return { formula: `=${formula}`, value: result ?? "" };
        }
        return value as EtSeedCell;
      }),
    ),
  }));
}

const hostOf = (fake: FakeEt) =>
  new WpsWorkbookHost(fake.application as EtApplication, {
    customFunctions: false,
    nextPeriod: () => Promise.resolve(wpsNextPeriod),
  });

describe("WpsWorkbookHost.startNextPeriod", () => {
  test("gives the preview's workbook, in a number of host writes that does not grow with the rows", async () => {
    const fake = new FakeEt(seeds(cachedSampleGrids()));
    const wps = hostOf(fake);
    const plan = planOf(await wps.readWorkbook({ formulas: true }));
    expect((await wps.startNextPeriod(plan)).applied).toBe(true);

    const memory = new MemoryWorkbook(cachedSampleGrids(), kaijuBahao, () => Promise.resolve(nextPeriodModule));
    await memory.startNextPeriod(planOf(await memory.readWorkbook()));
    const wpsCells = visibleCells(await wps.readWorkbook({ formulas: true }));
    // ET's formula cells read back with the cached results the stand-in was seeded with; compare the rest.
    expect(wpsCells).toEqual(visibleCells(await memory.readWorkbook()));
    expect(fake.sheetNames()).toContain(historySheetName);
  });

  test("a failure midway says which steps were done; the archive, done first, is complete", async () => {
    const fake = new FakeEt(seeds(cachedSampleGrids()));
    const wps = hostOf(fake);
    const plan = planOf(await wps.readWorkbook({ formulas: true }));
    const clearedSheet = plan.writes.find(
      (write) => write.sheet !== historySheetName && write.sheet !== settingsSheetName,
    )!.sheet;
    fake.protectSheet(clearedSheet);
    await expect(wps.startNextPeriod(plan)).rejects.toMatchObject({
      name: "WpsHostError",
      message: expect.stringMatching(
        /^WPS 表格在开始下一期时中途出错。已完成：第2期数据写入“历史数据”、专报设置改为第3期；未完成：清空本期数据。/,
      ),
    });
    const history = (await wps.readWorkbook()).find((grid) => grid.name === historySheetName)!;
    expect(history.values.length - 1).toBe(plan.history.records);
  });

  test("a failure while archiving leaves 专报设置 and the figures as they were", async () => {
    const fake = new FakeEt(seeds(cachedSampleGrids()));
    const wps = hostOf(fake);
    await wps.startNextPeriod(planOf(await wps.readWorkbook({ formulas: true })));
    fake.type(settingsSheetName, "B5", [["2026年5月28日"]]);
    const before = await wps.readWorkbook({ formulas: true });
    fake.protectSheet(historySheetName);
    await expect(wps.startNextPeriod(planOf(before))).rejects.toMatchObject({ name: "WpsHostError" });
    expect(visibleCells(await wps.readWorkbook({ formulas: true }))).toEqual(visibleCells(before));
  });

  test("where WPS has Unprotect and Protect, a protected 历史数据 is lifted for the archive and protected again", async () => {
    const fake = new FakeEt(seeds(cachedSampleGrids()), { sheetProtection: true });
    fake.protectSheet(historySheetName);
    const wps = hostOf(fake);
    expect((await wps.startNextPeriod(planOf(await wps.readWorkbook({ formulas: true })))).applied).toBe(true);
    expect(fake.isProtected(historySheetName)).toBe(true);
    expect(fake.cell(historySheetName, "A2").value).toBe(2026);
  });
});
