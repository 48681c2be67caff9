/**
 * A row left out of the bulletin is always reported: a 表述模板 of only "||" (or its full-width
 * form, or a zero wording that is empty when 本期值 is 0) names the row's cell instead of vanishing.
 * Row 2 of 城乡融合 is 城镇新增就业 (本期值 C2 = 462), template in H2.
 */
import { describe, expect, test } from "@jest/globals";
import { analyzeWorkbook } from "../../src/core";
import { withCells } from "../support/sample";

const 城乡 = "城乡融合";

function rowTwoOutcome(edits: [string, unknown][]) {
  const analysis = analyzeWorkbook(withCells(edits.map(([cell, value]) => [城乡, cell, value])));
  const text = analysis.sections.map((section) => section.text).join("\n");
  const issues = analysis.issues.filter((issue) => issue.sheet === 城乡 && /^[A-Z]+2$/.test(issue.cell ?? ""));
  return { text, codes: issues.map((issue) => issue.code) };
}

describe("every row left out of the text is reported", () => {
  test.each([
    ["||", [["H2", "||"]]],
    ["｜｜ (full width)", [["H2", "｜｜"]]],
    ["spaces around ||", [["H2", "  ||  "]]],
    [
      "an empty zero wording when 本期值 is 0",
      [
        ["H2", "城镇新增就业{本期值}{单位}||"],
        ["C2", 0],
      ],
    ],
  ] as [string, [string, unknown][]][])("%s", (_name, edits) => {
    const { text, codes } = rowTwoOutcome(edits);
    expect(text).not.toContain("城镇新增就业");
    expect(codes).toContain("phrase-empty");
  });

  test("the same row with words is in the text and reports nothing", () => {
    const { text, codes } = rowTwoOutcome([["H2", "城镇新增就业{本期值}{单位}||城镇新增就业为零"]]);
    expect(text).toContain("城镇新增就业462人");
    expect(codes).toEqual([]);
  });
});
