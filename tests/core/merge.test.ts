import { describe, expect, test } from "@jest/globals";
import { kaijuBahao, planMerge, unitFormGrids, workbookGrids, type SheetGrid } from "../../src/core";
import { setCell } from "../support/sample";

const master = () => workbookGrids(kaijuBahao, { sample: false, formulas: "plain" });

function unitForm(categories: string[], edits: [sheet: string, address: string, value: unknown][]): SheetGrid[] {
  const form = unitFormGrids(kaijuBahao, categories);
  if (!form.ok) throw new Error("unknown category");
  const grids = form.grids.map((grid) => ({ ...grid, values: grid.values.map((row) => [...row]) }));
  for (const [sheet, address, value] of edits) setCell(grids, sheet, address, value);
  return grids;
}

describe("merging returns", () => {
  test("empty master cells are filled, matched by sheet and 指标名称 even when rows are in another order", () => {
    const unit = unitForm(
      ["城乡融合"],
      [
        ["城乡融合", "C2", 462],
        ["城乡融合", "D2", 500],
      ],
    );
    const sheet = unit.find((grid) => grid.name === "城乡融合")!;
    (sheet.values as unknown[][]).splice(1, 0, (sheet.values as unknown[][]).splice(2, 1)[0]!);
    const plan = planMerge(master(), [{ label: "市人社局", grids: unit }], { prefer: "master", addRows: false });
    expect(plan.edits).toEqual([
      { sheet: "城乡融合", cell: "C2", value: 462 },
      { sheet: "城乡融合", cell: "D2", value: 500 },
    ]);
    expect(plan.summary).toEqual([{ sheet: "城乡融合", filled: 2, conflicts: 0, takenFromUnits: 0, newRows: 0 }]);
  });

  test("a differing value is a conflict, kept from the master unless the person chooses the unit's", () => {
    const filled = setCell(master(), "城乡融合", "C2", 462);
    const unit = unitForm(["城乡融合"], [["城乡融合", "C2", 470]]);
    const keep = planMerge(filled, [{ label: "市人社局", grids: unit }], { prefer: "master", addRows: false });
    expect(keep.conflicts).toEqual([
      expect.objectContaining({
        sheet: "城乡融合",
        cell: "C2",
        name: "城镇新增就业",
        header: "本期值",
        masterValue: 462,
        unitValue: 470,
        unit: "市人社局",
        chosen: "master",
      }),
    ]);
    expect(keep.edits).toEqual([]);
    const choices = new Map([[keep.conflicts[0]!.key, "unit" as const]]);
    const take = planMerge(filled, [{ label: "市人社局", grids: unit }], { prefer: "master", choices, addRows: false });
    expect(take.edits).toEqual([{ sheet: "城乡融合", cell: "C2", value: 470 }]);
    expect(take.summary[0]).toMatchObject({ conflicts: 1, takenFromUnits: 1 });
  });

  test("equal values are no conflict; a second unit conflicts with what the first filled", () => {
    const first = unitForm(["城乡融合"], [["城乡融合", "C2", 462]]);
    const second = unitForm(
      ["城乡融合"],
      [
        ["城乡融合", "C2", 462.0],
        ["城乡融合", "C3", 186],
      ],
    );
    const third = unitForm(["城乡融合"], [["城乡融合", "C3", 180]]);
    const plan = planMerge(
      master(),
      [
        { label: "甲", grids: first },
        { label: "乙", grids: second },
        { label: "丙", grids: third },
      ],
      { prefer: "master", addRows: false },
    );
    expect(plan.edits).toEqual([
      { sheet: "城乡融合", cell: "C2", value: 462 },
      { sheet: "城乡融合", cell: "C3", value: 186 },
    ]);
    expect(plan.conflicts.map((c) => [c.cell, c.masterValue, c.unitValue, c.unit])).toEqual([["C3", 186, 180, "丙"]]);
  });

  test("rows the master lacks are reported, and appended under the right headers when asked", () => {
    const unit = unitForm(
      ["城乡融合"],
      [
        ["城乡融合", "A6", "城镇登记失业人员再就业"],
        ["城乡融合", "B6", "人"],
        ["城乡融合", "C6", 120],
      ],
    );
    const report = planMerge(master(), [{ label: "市人社局", grids: unit }], { prefer: "master", addRows: false });
    expect(report.newRows).toEqual([
      { sheet: "城乡融合", name: "城镇登记失业人员再就业", unit: "市人社局", added: false },
    ]);
    expect(report.edits).toEqual([]);
    const added = planMerge(master(), [{ label: "市人社局", grids: unit }], { prefer: "master", addRows: true });
    expect(added.edits).toEqual([
      { sheet: "城乡融合", cell: "A6", value: "城镇登记失业人员再就业" },
      { sheet: "城乡融合", cell: "B6", value: "人" },
      { sheet: "城乡融合", cell: "C6", value: 120 },
    ]);
  });

  test("a return with an error is rejected whole: nothing of it is merged", () => {
    const bad = unitForm(
      ["城乡融合"],
      [
        ["城乡融合", "C2", 462],
        ["城乡融合", "C3", "一百八十六"],
      ],
    );
    const good = unitForm(["民生实事"], [["民生实事", "C2", 30]]);
    const plan = planMerge(
      master(),
      [
        { label: "坏表", grids: bad },
        { label: "好表", grids: good },
      ],
      { prefer: "master", addRows: false },
    );
    expect(plan.rejected).toEqual([
      {
        unit: "坏表",
        reason: "有 1 处错误，整份未合并",
        issues: [expect.objectContaining({ sheet: "城乡融合", cell: "C3", code: "not-a-number" })],
      },
    ]);
    expect(plan.edits).toEqual([{ sheet: "民生实事", cell: "C2", value: 30 }]);
    expect(plan.merged).toEqual(["好表"]);
  });

  test("a file without any category sheet is not a return", () => {
    const plan = planMerge(master(), [{ label: "杂表", grids: [{ name: "Sheet1", values: [["你好"]] }] }], {
      prefer: "unit",
      addRows: true,
    });
    expect(plan.rejected[0]).toMatchObject({ unit: "杂表", reason: expect.stringContaining("没有任何类别工作表") });
    expect(plan.edits).toEqual([]);
  });
});
