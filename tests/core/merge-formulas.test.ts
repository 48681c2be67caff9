/**
 * Merge never writes the master's formula cells, and a return's formula — plain or shared — is a formula,
 * not a constant (issue 12, point 5). The grids carry cells as ExcelJS reads them.
 */
import { describe, expect, test } from "@jest/globals";
import { kaijuBahao, planMerge, unitFormGrids, workbookGrids, type SheetGrid } from "../../src/core";
import { setCell } from "../support/sample";

const master = () => workbookGrids(kaijuBahao, { sample: false, formulas: "plain" });

function unitForm(edits: [address: string, value: unknown][]): SheetGrid[] {
  const form = unitFormGrids(kaijuBahao, ["城乡融合"]);
  if (!form.ok) throw new Error("unknown category");
  let grids: SheetGrid[] = form.grids.map((grid) => ({ ...grid, values: grid.values.map((row) => [...row]) }));
  for (const [address, value] of edits) grids = setCell(grids, "城乡融合", address, value);
  return grids;
}

const merge = (masterGrids: SheetGrid[], unit: SheetGrid[], prefer: "master" | "unit" = "unit") =>
  planMerge(masterGrids, [{ label: "市人社局", grids: unit }], { prefer, addRows: false });

describe("the master's formula cells", () => {
  test("a 完成率 and 同比 the unit typed never replace the master's formulas, even uncalculated ones", () => {
    const plain = master();
    const uncalculated = setCell(setCell(master(), "城乡融合", "E2", { formula: "C2/D2" }), "城乡融合", "G2", {
      formula: "C2/F2-1",
    });
    const unit = unitForm([
      ["C2", 462],
      ["D2", 500],
      ["E2", 0.95],
      ["G2", "13%"],
    ]);
    for (const grids of [plain, uncalculated]) {
      const plan = merge(grids, unit);
      expect(plan.edits.map((edit) => edit.cell)).toEqual(["C2", "D2"]);
      expect(plan.conflicts).toEqual([]);
    }
  });

  test("a shared formula in the master, its first cell or a clone, with or without a result, is never written", () => {
    const shared = [
      ["E2", { formula: "C2/D2", shareType: "shared", ref: "E2:E4", result: 0.9 }],
      ["E3", { sharedFormula: "E2", result: { error: "#DIV/0!" } }],
      ["E4", { sharedFormula: "E2" }],
    ] as const;
    let grids = master();
    for (const [address, value] of shared) grids = setCell(grids, "城乡融合", address, value);
    const unit = unitForm([
      ["E2", 0.95],
      ["E3", 0.5],
      ["E4", 0.6],
      ["C3", 186],
    ]);
    const plan = merge(grids, unit);
    expect(plan.edits).toEqual([{ sheet: "城乡融合", cell: "C3", value: 186 }]);
    expect(plan.conflicts).toEqual([]);
  });

  test("a constant the master holds where the template has a formula is still merged as a value", () => {
    const typed = setCell(master(), "城乡融合", "E2", 0.9);
    const plan = merge(typed, unitForm([["E2", 0.95]]));
    expect(plan.conflicts.map((c) => [c.cell, c.masterValue, c.unitValue])).toEqual([["E2", 0.9, 0.95]]);
  });
});

describe("a return's formulas", () => {
  test("a shared 完成率/同比 formula in a return is a formula, not the constant of its result", () => {
    // A master without formulas, so that any edit comes from the return.
    const blank = (grids: SheetGrid[]) =>
      grids.map((grid) => ({
        ...grid,
        values: grid.values.map((row) => row.map((value) => (typeof value === "object" && value ? "" : value))),
      }));
    const unit = unitForm([
      ["E2", { formula: "C2/D2", shareType: "shared", ref: "E2:E3", result: 0.924 }],
      ["E3", { sharedFormula: "E2", result: 0.93 }],
      ["G3", { sharedFormula: "G2", result: 0.13 }],
    ]);
    const plan = merge(blank(master()), unit);
    expect(plan.edits).toEqual([]);
  });

  test("a shared formula in 本期值 contributes its result, as a plain formula does", () => {
    const unit = unitForm([
      ["C2", { formula: "400+62", shareType: "shared", ref: "C2:C3", result: 462 }],
      ["C3", { sharedFormula: "C2", result: 186 }],
    ]);
    expect(merge(master(), unit).edits).toEqual([
      { sheet: "城乡融合", cell: "C2", value: 462 },
      { sheet: "城乡融合", cell: "C3", value: 186 },
    ]);
  });
});
