import { describe, expect, test } from "@jest/globals";
import { analyzeWorkbook } from "../../src/core";
import { readIndicatorSheet } from "../../src/core/reading/indicators";
import { cachedSampleGrids, referenceLines, sampleGrids } from "../support/sample";

describe("the 开局八好 sample", () => {
  const analysis = analyzeWorkbook(sampleGrids());

  test("reproduces the seed's 主要指标 paragraphs character for character", () => {
    expect(analysis.sections.map((section) => section.text)).toEqual(referenceLines("indicators-expected.txt"));
  });

  test("reads the same with the formulas' cached results", () => {
    expect(analyzeWorkbook(cachedSampleGrids()).sections.map((s) => s.text)).toEqual(
      referenceLines("indicators-expected.txt"),
    );
  });

  test("raises only the seed's own date/year discrepancy", () => {
    expect(analysis.issues).toEqual([
      expect.objectContaining({ severity: "warning", sheet: "专报设置", cell: "B5", code: "date-year-mismatch" }),
    ]);
  });

  test("has seven categories in the bulletin's order, with unique names per sheet", () => {
    expect(analysis.sections.map((section) => section.category)).toEqual([
      "产业发展",
      "城乡融合",
      "乡村振兴",
      "区域协同",
      "文体惠民",
      "民生实事",
      "双碳管控",
    ]);
    const grids = sampleGrids();
    for (const section of analysis.sections) {
      const sheet = grids.find((grid) => grid.name === section.category);
      const names = readIndicatorSheet(section.category, sheet).rows.map((row) => row.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test("reads the settings into the period", () => {
    expect(analysis.settings).toMatchObject({
      title: "汨罗市实施“开局八好”工作专报",
      issueNumber: 2,
      year: 2026,
      month: 4,
      cumulativeFrom: 1,
      cumulativeTo: 3,
      issueDate: { year: 2025, month: 4, day: 28 },
    });
  });

  test("finds columns by header text, not position", () => {
    const grids = sampleGrids();
    for (const grid of grids.slice(1)) {
      // Reverse every category sheet's columns and add one staff column.
      const rows = grid.values as unknown[][];
      rows.forEach((row, i) => {
        row.reverse();
        row.push(i === 0 ? "核对人" : "张三");
      });
    }
    expect(analyzeWorkbook(grids).sections.map((s) => s.text)).toEqual(referenceLines("indicators-expected.txt"));
  });

  test("tolerates added rows and a used range that does not start at A1", () => {
    const grids = sampleGrids();
    const sheet = grids.find((g) => g.name === "城乡融合")!;
    const rows = sheet.values as unknown[][];
    rows.splice(1, 0, Array(12).fill(""));
    rows.push(["", "", "", "", "", "", "", "", "", "", "", "仅备注的空行"].map(() => ""));
    const shifted = { ...sheet, originRow: 3, originColumn: 1 };
    const analysis = analyzeWorkbook(grids.map((g) => (g === sheet ? shifted : g)));
    expect(analysis.sections.map((s) => s.text)).toEqual(referenceLines("indicators-expected.txt"));
    const withError = analyzeWorkbook(
      grids.map((g) =>
        g === sheet ? { ...shifted, values: rows.map((r, i) => (i === 2 ? ["城镇新增就业", "人", "x"] : r)) } : g,
      ),
    );
    // Grid row 2 at origin (3, 1) is sheet row 6, and grid column 2 is sheet column D.
    expect(withError.issues).toContainEqual(
      expect.objectContaining({ sheet: "城乡融合", cell: "D6", code: "not-a-number" }),
    );
  });
});
