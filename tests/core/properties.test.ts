/** Property tests: whatever staff put in the cells, the pipeline neither throws nor prints garbage. */
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import {
  analyzeWorkbook,
  cellText,
  growthPhrase,
  isEmptyCell,
  percentagePointPhrase,
  rawCellText,
  readCell,
  roundHalfUp,
  type SheetGrid,
} from "../../src/core";
import { sampleGrids } from "../support/sample";

const glyphs = [..."汨罗市新增就业人个家亿元万亩%0123456789.-，；。、{}[]【】|｜“”（）　 "];
const staffText = fc.string({ unit: fc.constantFrom(...glyphs), maxLength: 12 });
const placeholderTemplate = fc
  .array(
    fc.oneof(
      staffText,
      fc.constantFrom(
        "{本期值}",
        "{单位}",
        "{完成率}",
        "{同比}",
        "{目标值}",
        "{累计期间}",
        "{季度}",
        "[，{同比}]",
        "||无",
        "{本月}",
      ),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(""));

const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.constantFrom(0, 0.5, 1, -1, 1e21, 1e-9),
  staffText,
  fc.boolean(),
  fc.constantFrom("#DIV/0!", "#N/A", "#VALUE!"),
  fc.constantFrom({ error: "#REF!" }, { formula: "A1" }, { formula: "B2", result: 3 }, { formula: "C3", result: "" }),
  fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }),
  fc.constantFrom("是", "否", "，", "；", "。", "、", "人", "亿元", "%"),
);

const indicatorRow = fc.tuple(
  fc.oneof(staffText, fc.constantFrom("城镇新增就业", "产值")),
  fc.constantFrom("人", "亿元", "%", "", "万亩", "个"),
  cellValue,
  cellValue,
  cellValue,
  cellValue,
  cellValue,
  placeholderTemplate,
  cellValue,
  cellValue,
  cellValue,
  cellValue,
);

/** The sample with one category sheet's rows replaced by arbitrary ones. */
const arbitraryWorkbook = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.array(indicatorRow, { maxLength: 8 }), fc.option(cellValue))
  .map(([sheetIndex, rows, monthCell]) => {
    const grids = sampleGrids();
    const sheet = grids[sheetIndex]!;
    const replaced: SheetGrid = { ...sheet, values: [sheet.values[0]!, ...rows] };
    const settings = grids[0]!;
    const settingsValues = settings.values.map((row, i) =>
      i === 6 && monthCell !== null ? [row[0], monthCell, row[2]] : row,
    );
    return grids.map((grid) =>
      grid === sheet ? replaced : grid === settings ? { ...settings, values: settingsValues } : grid,
    );
  });

const forbidden = /NaN|undefined|null|Infinity|[{}｛｝]|[，；。、]{2}/;

describe("properties over arbitrary grids", () => {
  test("no exception, and no NaN, undefined, null, Infinity, braces or doubled punctuation in the text", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, (grids) => {
        const analysis = analyzeWorkbook(grids);
        for (const section of analysis.sections) {
          expect(section.text).not.toMatch(forbidden);
          expect(section.text.endsWith("。")).toBe(true);
        }
        for (const issue of analysis.issues) {
          expect(issue.message).not.toMatch(/NaN|undefined|Infinity/);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("the growth phrase's direction always matches the data", () => {
    const rowWith = (actual: number, prior: number): unknown[] => [
      "产值",
      "亿元",
      actual,
      "",
      "",
      prior,
      "",
      "{同比}",
      "。",
      "是",
      "",
      "",
    ];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        (actual, prior) => {
          const grids = sampleGrids();
          const sheet = grids[1]!;
          const analysis = analyzeWorkbook(
            grids.map((g) => (g === sheet ? { ...sheet, values: [sheet.values[0]!, rowWith(actual, prior)] } : g)),
          );
          const text = analysis.sections.find((s) => s.category === sheet.name)?.text ?? "";
          const shown = roundHalfUp((actual / prior - 1) * 100, 1);
          if (shown > 0) expect(text).toContain("同比增长");
          else if (shown < 0) expect(text).toContain("同比下降");
          else expect(text).toContain("与上年同期持平");
          expect(text).not.toMatch(/增长-|下降-|增长0%|下降0%/);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("growth and percentage-point phrases never print a signed or zero change", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 3 }), (ratio, decimals) => {
        for (const phrase of [growthPhrase(ratio, { decimals }), percentagePointPhrase(ratio * 100, { decimals })]) {
          expect(phrase).not.toMatch(/-|(增长|下降|提高)0(\.0+)?(%|个)/);
          if (phrase.includes("增长") || phrase.includes("提高")) expect(ratio).toBeGreaterThan(0);
          if (phrase.includes("下降")) expect(ratio).toBeLessThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("reading cells", () => {
  // Whatever a cell holds, including ExcelJS's objects and odd strings around Excel's error codes.
  const anyCell = fc.oneof(
    cellValue,
    fc.string(),
    fc.constantFrom(" #N/A ", "\t", "  ", "#NUM!", { richText: [{ text: " " }] }, { hyperlink: "x", text: "甲" }),
    fc.record({ formula: fc.oneof(fc.string(), fc.integer()), result: cellValue }, { requiredKeys: [] }),
    fc.record({ sharedFormula: fc.oneof(fc.string(), fc.constant(null)), result: cellValue }, { requiredKeys: [] }),
  );

  test("the text and emptiness fast paths say what reading the whole cell says", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        expect(rawCellText(raw)).toBe(cellText(readCell(raw)));
        expect(isEmptyCell(raw)).toBe(readCell(raw).kind === "empty");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("rate indicators", () => {
  test("a row in % compares by 个百分点", () => {
    const grids = sampleGrids();
    const sheet = grids[2]!;
    const row = [
      "城镇调查失业率",
      "%",
      5.2,
      "",
      "",
      5.5,
      "",
      "城镇调查失业率{本期值}{单位}，{同比}",
      "。",
      "是",
      "",
      "",
    ];
    const text = analyzeWorkbook(
      grids.map((g) => (g === sheet ? { ...sheet, values: [sheet.values[0]!, row] } : g)),
    ).sections.find((s) => s.category === sheet.name)!.text;
    expect(text).toBe("（二）城乡融合指标。城镇调查失业率5.2%，同比下降0.3个百分点。");
  });
});
