/** Property tests over random histories: history fills 上年同期值 as typing would, 环比 is worded by 同比's rules. */
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import {
  analyzeWorkbook,
  HistoryIndex,
  historyHeaders,
  historySheetName,
  monthOnMonthText,
  readHistorySheet,
  rowValueLookup,
  type SheetGrid,
} from "../../src/core";
import { withCells } from "../support/sample";

// Count units (人, 个) refuse fractional figures, which would leave the row out both ways.
const unit = fc.constantFrom("亿元", "万亩", "%", "");
/** Figures as staff type them: up to 4 decimals, positive (a negative base has no growth). */
const figure = fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 10_000);

function historyRow(year: number, month: number, cumulative: number, name: string, unitText: string, actual: number) {
  const row: unknown[] = historyHeaders.map(() => "");
  Object.assign(row, { 0: year, 1: month, 2: cumulative, 4: "产业发展", 5: name, 6: unitText, 7: actual });
  return row;
}

/** 产业发展's 新增招商引资项目 (row 4) worded {同比}, in `unitText`, with 本期值 `actual`. */
function sample(
  unitText: string,
  actual: number,
  edits: [string, string, unknown][],
  history: unknown[][],
): SheetGrid[] {
  const grids = withCells([
    ["产业发展", "B4", unitText],
    ["产业发展", "C4", actual],
    ["产业发展", "G4", ""],
    ["产业发展", "H4", "{指标名称}{同比}"],
    ...edits,
  ]);
  return [
    ...grids.filter((grid) => grid.name !== historySheetName),
    { name: historySheetName, values: [[...historyHeaders], ...history] },
  ];
}

const phrase = (grids: SheetGrid[]) =>
  /新增招商引资项目[^；。，]*/.exec(analyzeWorkbook(grids).sections.find((s) => s.category === "产业发展")!.text)?.[0];

describe("history properties", () => {
  test("a 上年同期值 filled from history gives the 同比 text typing it gives", () => {
    fc.assert(
      fc.property(unit, figure, figure, fc.integer({ min: 1, max: 12 }), (unitText, actual, prior, otherMonth) => {
        // The sample's period: 2026, 累计截止3月; other periods of the year before must not be taken.
        const history = [
          historyRow(2025, 4, 3, "新增招商引资项目", unitText, prior),
          ...(otherMonth === 3
            ? []
            : [historyRow(2025, otherMonth, otherMonth, "新增招商引资项目", unitText, prior * 2)]),
        ];
        const filled = phrase(sample(unitText, actual, [], history));
        const typed = phrase(sample(unitText, actual, [["产业发展", "F4", prior]], []));
        expect(filled).toBe(typed);
        expect(filled).toMatch(/同比|持平/);
      }),
      { numRuns: 60 },
    );
  });

  test("{环比} is {同比}'s wording of the same two figures, with 环比 for 同比", () => {
    fc.assert(
      fc.property(unit, figure, figure, fc.integer({ min: 0, max: 3 }), (unitText, current, previous, decimals) => {
        const asYoy = rowValueLookup(
          {
            name: "",
            unit: unitText,
            lead: "",
            actual: current,
            target: null,
            completion: null,
            prior: previous,
            growth: null,
            decimals,
          },
          new Map(),
        )("同比")!;
        const mom = monthOnMonthText(unitText, current, previous, decimals)!;
        expect(mom).toBe(asYoy.replace("与上年同期持平", "环比持平").replace(/^同比/, "环比"));
        const sign = mom.includes("持平") ? 0 : /增长|提高/.test(mom) ? 1 : -1;
        if (sign !== 0) expect(Math.sign(current - previous)).toBe(sign);
        if (current === previous) expect(mom).toBe("环比持平");
      }),
      { numRuns: 300 },
    );
  });

  test("{上期值} is the latest earlier period's, whatever the order of the rows", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2024 * 12, max: 2026 * 12 + 11 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 2024 * 12, max: 2026 * 12 + 11 }),
        (periods, now) => {
          const rows = periods.map((p) => historyRow(Math.floor(p / 12), (p % 12) + 1, (p % 12) + 1, "A", "人", p));
          const read = readHistorySheet({ name: historySheetName, values: [[...historyHeaders], ...rows] });
          const previous = new HistoryIndex(read.records).previous("产业发展", "A", {
            year: Math.floor(now / 12),
            month: (now % 12) + 1,
          });
          const earlier = periods.filter((p) => p < now);
          expect(previous?.actual ?? null).toBe(earlier.length > 0 ? Math.max(...earlier) : null);
        },
      ),
      { numRuns: 200 },
    );
  });
});
