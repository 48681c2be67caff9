/**
 * 导入报送表 → 应用合并 in Excel (the strict fake) and WPS (the ET stand-in) never writes the master's
 * formula cells (issue 12, point 5): the pane reads the workbook with its formulas for merging, in
 * Excel in the same syncs.
 */
import { afterEach, describe, expect, test } from "@jest/globals";
import { kaijuBahao, unitFormGrids, workbookGrids, type SheetGrid } from "../src/core";
import { ExcelWorkbookHost } from "../src/excel/excel-host";
import { PaneController } from "../src/taskpane/pane-controller";
import type { ReturnFile } from "../src/taskpane/return-files";
import type { EtApplication } from "../src/wps/et-types";
import { WpsWorkbookHost } from "../src/wps/wps-host";
import { FakeEt, type EtSeedCell } from "./support/fake-et";
import { FakeExcel } from "./support/fake-excel";
import { setCell } from "./support/sample";
import { paneChunks } from "./support/pane-chunks";

afterEach(() => FakeExcel.uninstall());

function unitReturn(cells: [address: string, value: unknown][]): ReturnFile {
  const form = unitFormGrids(kaijuBahao, ["城乡融合"]);
  if (!form.ok) throw new Error("unknown category");
  let grids: SheetGrid[] = form.grids.map((grid) => ({ ...grid, values: grid.values.map((row) => [...row]) }));
  for (const [address, value] of cells) grids = setCell(grids, "城乡融合", address, value);
  return { fileName: "人社局.xlsx", grids };
}

describe("merging in Excel", () => {
  test.each(["1.1", "1.4"])("keeps the master's 完成率 and 同比 formulas (ExcelApi %s)", async (excelApi) => {
    // A blank template: the formulas' cached results are empty, as Excel shows them before any figure.
    const fake = new FakeExcel(workbookGrids(kaijuBahao, { sample: false, formulas: "plain" }), { excelApi });
    fake.install();
    const completion = fake.cell("城乡融合", "E2").formula;
    const growth = fake.cell("城乡融合", "G2").formula;
    expect(completion).toMatch(/^=/);
    const pane = new PaneController(new ExcelWorkbookHost(), () => undefined, paneChunks);
    const syncs = fake.syncCount;

    await pane.importReturns(async () => [
      unitReturn([
        ["C2", 470],
        ["D2", 500],
        ["E2", 0.95],
        ["G2", 0.13],
      ]),
    ]);
    // Reading the formulas beside the values costs no sync: 2 on ExcelApi 1.1, 1 on 1.4.
    expect(fake.syncCount - syncs).toBe(excelApi === "1.1" ? 2 : 1);
    expect(pane.view.merge!.editCount).toBe(2);
    await pane.applyMerge();

    expect(fake.cell("城乡融合", "C2")).toMatchObject({ value: 470, formula: null });
    expect(fake.cell("城乡融合", "D2")).toMatchObject({ value: 500, formula: null });
    expect(fake.cell("城乡融合", "E2").formula).toBe(completion);
    expect(fake.cell("城乡融合", "G2").formula).toBe(growth);
  });

  test("a text that starts with = is text, not a formula: it is merged as a value", async () => {
    const master = setCell(
      workbookGrids(kaijuBahao, { sample: false, formulas: "plain" }),
      "城乡融合",
      "L2",
      "=待核实",
    );
    const fake = new FakeExcel(master, { excelApi: "1.4" });
    fake.install();
    const pane = new PaneController(new ExcelWorkbookHost(), () => undefined, paneChunks);
    await pane.importReturns(async () => [unitReturn([["L2", "已核实"]])]);
    expect(pane.view.merge!.conflicts.map((c) => [c.cell, c.masterText, c.unitText])).toEqual([
      ["L2", "=待核实", "已核实"],
    ]);
  });

  test("in WPS too, the master's formulas stay and a text starting with = is compared as text", async () => {
    const grids = setCell(workbookGrids(kaijuBahao, { sample: false, formulas: "plain" }), "城乡融合", "L2", "=待核实");
    const et = new FakeEt(
      grids.map((grid) => ({
        name: grid.name,
        values: grid.values.map((row) =>
          row.map((value): EtSeedCell =>
            value !== null && typeof value === "object" && "formula" in value
              ? { formula: `=${(value as { formula: string }).formula}`, value: "" }
              : (value as EtSeedCell),
          ),
        ),
      })),
    );
    const completion = et.cell("城乡融合", "E2").formula;
    expect(completion).toMatch(/^=/);
    const host = new WpsWorkbookHost(et.application as EtApplication, { customFunctions: false });
    const pane = new PaneController(host, () => undefined, paneChunks);

    await pane.importReturns(async () => [
      unitReturn([
        ["C2", 470],
        ["E2", 0.95],
        ["L2", "已核实"],
      ]),
    ]);
    expect(pane.view.merge!.conflicts.map((c) => c.cell)).toEqual(["L2"]);
    await pane.applyMerge();

    expect(et.cell("城乡融合", "C2")).toMatchObject({ value: 470, formula: null });
    expect(et.cell("城乡融合", "E2").formula).toBe(completion);
  });
});
