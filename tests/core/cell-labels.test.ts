/**
 * Labels and keys read from any cell type (issue 12, point 7): a 报送单位 in rich text, as a formula with
 * its result or as a hyperlink is its text, never "[object Object]".
 */
import { describe, expect, test } from "@jest/globals";
import {
  guideSheetName,
  kaijuBahao,
  planMerge,
  planTemplate,
  returnLabel,
  unitFormGrids,
  workbookGrids,
} from "../../src/core";
import type { SheetGrid } from "../../src/core";
import { setCell } from "../support/sample";

function form(label: unknown): SheetGrid[] {
  const result = unitFormGrids(kaijuBahao, ["城乡融合"]);
  if (!result.ok) throw new Error("unknown category");
  const grids = result.grids.map((grid) => ({ ...grid, values: grid.values.map((row) => [...row]) }));
  setCell(grids, guideSheetName, "B2", label);
  return setCell(grids, "城乡融合", "C2", 462);
}

const labels: [kind: string, cell: unknown, text: string | null][] = [
  ["rich text", { richText: [{ text: "市人社", font: { bold: true } }, { text: "局" }] }, "市人社局"],
  ["a formula with its result", { formula: '"市人社"&"局"', result: "市人社局" }, "市人社局"],
  ["a shared formula with its result", { sharedFormula: "B3", result: "市人社局" }, "市人社局"],
  ["a hyperlink", { text: "市人社局", hyperlink: "mailto:rsj@example.cn" }, "市人社局"],
  [
    "a hyperlink over rich text",
    { text: { richText: [{ text: "市人社局" }] }, hyperlink: "https://example.cn" },
    "市人社局",
  ],
  ["text with spaces", "  市人社局 ", "市人社局"],
  ["a date", new Date(Date.UTC(2026, 3, 28)), "2026年4月28日"],
  ["an error", { error: "#REF!" }, null],
  ["an uncalculated formula", { formula: "A1" }, null],
];

describe("a return's label from any cell type", () => {
  test.each(labels)("%s", (_kind, cell, text) => {
    expect(returnLabel(form(cell))).toBe(text);
  });

  test("the merge names the return by that text", () => {
    const grids = form(labels[0]![1]);
    const master = workbookGrids(kaijuBahao, { sample: false, formulas: "plain" });
    const plan = planMerge(master, [{ label: returnLabel(grids)!, grids }], { prefer: "master", addRows: false });
    expect(plan.merged).toEqual(["市人社局"]);
    expect(JSON.stringify(plan)).not.toContain("[object Object]");
  });
});

describe("创建模板 reads an existing sheet's headers and keys from any cell type", () => {
  test("rich-text headers and indicator names are recognised: nothing is added twice", () => {
    const template = workbookGrids(kaijuBahao, { sample: false, formulas: "plain" });
    const rich = (value: unknown) => (typeof value === "string" && value ? { richText: [{ text: value }] } : value);
    const existing = template.map((grid) => ({
      ...grid,
      values: grid.values.map((row) => row.map((value, column) => (column === 0 ? rich(value) : value))),
    }));
    existing.forEach((grid) => {
      (grid.values as unknown[][])[0] = (grid.values[0] ?? []).map(rich);
    });
    const plan = planTemplate(existing, template, { formulas: "plain" });
    expect(plan.report).toEqual({
      createdSheets: [],
      addedRows: [],
      addedColumns: [],
      addedSettings: [],
      skippedFeatures: [],
    });
  });
});
