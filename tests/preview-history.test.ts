/** The preview's made-up 历史数据: it gives the sample's indicators trends and changes nothing else. */
import { expect, test } from "@jest/globals";
import { analyzeWorkbook, bulletinPlainText, bulletinDocument, workbookTrends } from "../src/core/bulletin";
import { historySheetName, kaijuBahao } from "../src/core/spec";
import { readHistorySheet } from "../src/core/reading";
import { withPreviewHistory } from "../src/taskpane/preview-history";
import { sampleGrids } from "./support/sample";

test("the sample with its preview history has the same issues and the same bulletin as without", () => {
  const plain = analyzeWorkbook(sampleGrids());
  const withHistory = analyzeWorkbook(withPreviewHistory(sampleGrids()));
  expect(withHistory.issues).toEqual(plain.issues);
  expect(bulletinPlainText(bulletinDocument(withHistory))).toBe(bulletinPlainText(bulletinDocument(plain)));
});

test("the history reads without issues: the eleven periods before the sample's but the January that reports last year", () => {
  const grids = withPreviewHistory(sampleGrids());
  const { records, issues, readable } = readHistorySheet(
    grids.find((grid) => grid.name === historySheetName),
    { catalog: kaijuBahao, current: { year: 2026, month: 4 } },
  );
  expect(readable).toBe(true);
  expect(issues).toEqual([]);
  const periods = new Set(records.map((record) => `${record.year}年${record.month}月`));
  expect(Array.from(periods)).toEqual([
    ...[5, 6, 7, 8, 9, 10, 11, 12].map((month) => `2025年${month}月`),
    "2026年2月",
    "2026年3月",
  ]);
});

test("every sample indicator with a 本期值 gets a trend of eleven periods, ending with the sample's", () => {
  const grids = withPreviewHistory(sampleGrids());
  const { settings } = analyzeWorkbook(grids);
  const trends = workbookTrends(grids, settings, kaijuBahao)!;
  expect(trends.length).toBeGreaterThan(10);
  for (const series of trends) {
    expect(series.points).toHaveLength(11);
    expect(series.points[0]!.label).toBe("2025年5月");
    expect(series.points[10]!.label).toBe("2026年4月");
  }
});
