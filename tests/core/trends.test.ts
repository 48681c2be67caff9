/** Trend series from the history and the current period: order, the 12-period cap, one point per period. */
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { analyzeWorkbook, currentTrendRecords, type TrendRecord, trendSeries } from "../../src/core/bulletin";
import { kaijuBahao } from "../../src/core/spec";
import { sampleGrids } from "../support/sample";

const record = (year: number, month: number, actual: number | null, extra: Partial<TrendRecord> = {}): TrendRecord => ({
  year,
  month,
  category: "产业发展",
  name: "地区生产总值",
  unit: "亿元",
  actual,
  ...extra,
});

describe("trendSeries", () => {
  test("one series per indicator, oldest period first, labelled 2026年3月 with the value and unit", () => {
    const series = trendSeries([record(2026, 2, 40.5), record(2025, 12, 160), record(2026, 1, 20.25)]);
    expect(series).toEqual([
      {
        category: "产业发展",
        name: "地区生产总值",
        unit: "亿元",
        points: [
          { year: 2025, month: 12, label: "2025年12月", value: 160, text: "160亿元" },
          { year: 2026, month: 1, label: "2026年1月", value: 20.25, text: "20.25亿元" },
          { year: 2026, month: 2, label: "2026年2月", value: 40.5, text: "40.5亿元" },
        ],
      },
    ]);
  });

  test("an indicator with fewer than three periods has no series; rows without 本期值 are no period", () => {
    expect(trendSeries([record(2026, 1, 1), record(2026, 2, 2), record(2026, 3, null)])).toEqual([]);
    expect(trendSeries([record(2026, 1, 1), record(2026, 2, 2)], [], { minPeriods: 2 })).toHaveLength(1);
  });

  test("the current period's figure wins over a history row of the same period", () => {
    const history = [record(2026, 1, 1), record(2026, 2, 2), record(2026, 3, 99)];
    const [series] = trendSeries(history, [record(2026, 3, 3)]);
    expect(series!.points.map((point) => point.value)).toEqual([1, 2, 3]);
  });

  test("points in another unit than the newest one are left out", () => {
    const history = [
      record(2026, 1, 10000, { unit: "万元" }),
      record(2026, 2, 2),
      record(2026, 3, 3),
      record(2026, 4, 4),
    ];
    const [series] = trendSeries(history);
    expect(series!.points.map((point) => point.label)).toEqual(["2026年2月", "2026年3月", "2026年4月"]);
  });

  test("indicators keep the order they first appear in, the current sheets first; item rows are not indicators", () => {
    const periods = (name: string, category = "产业发展") =>
      [1, 2, 3].map((month) => record(2026, month, month, { name, category }));
    const series = trendSeries(
      [...periods("甲"), ...periods("乙"), ...periods("事项", "民生实事明细")],
      periods("乙").slice(2),
    );
    expect(series.map((one) => one.name)).toEqual(["乙", "甲"]);
  });
});

const month = fc.integer({ min: 1, max: 12 });
const year = fc.integer({ min: 2020, max: 2030 });
const names = ["地区生产总值", "固定资产投资", "新增就业"] as const;
const historyRecord = fc.record({
  year,
  month,
  category: fc.constant("产业发展"),
  name: fc.constantFrom(...names),
  unit: fc.constant("亿元"),
  actual: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { freq: 8 }),
});

describe("trendSeries on random histories", () => {
  test("each series is in strictly increasing period order, 3 to 12 points, the newest periods kept", () => {
    fc.assert(
      fc.property(fc.array(historyRecord, { maxLength: 80 }), (history) => {
        const series = trendSeries(history);
        for (const one of series) {
          const keys = one.points.map((point) => point.year * 100 + point.month);
          expect(keys.length).toBeGreaterThanOrEqual(3);
          expect(keys.length).toBeLessThanOrEqual(12);
          for (let i = 1; i < keys.length; i += 1) expect(keys[i]).toBeGreaterThan(keys[i - 1]!);
          // No period of the indicator with a value is newer than those kept, nor left out between them.
          const all = new Set(
            history
              .filter((row) => row.name === one.name && row.actual !== null)
              .map((row) => row.year * 100 + row.month),
          );
          const newest = Array.from(all)
            .sort((a, b) => b - a)
            .slice(0, 12)
            .reverse();
          expect(keys).toEqual(newest);
        }
        // Every indicator with three periods or more has its series.
        const drawn = new Set(series.map((one) => one.name));
        for (const name of names) {
          const periods = new Set(
            history.filter((row) => row.name === name && row.actual !== null).map((row) => row.year * 100 + row.month),
          );
          expect(drawn.has(name)).toBe(periods.size >= 3);
        }
      }),
    );
  });

  test("a period given twice is one point: the later history row, or the current figure", () => {
    fc.assert(
      fc.property(
        fc.array(historyRecord, { maxLength: 60 }),
        fc.array(historyRecord, { maxLength: 5 }),
        (history, currentRows) => {
          const current = currentRows.map((row) => ({ ...row, year: 2031, month: 1 }));
          const series = trendSeries([...history, ...history.map((row) => ({ ...row }))], current);
          for (const one of series) {
            for (const point of one.points) {
              const key = point.year * 100 + point.month;
              const same = (row: TrendRecord) =>
                row.name === one.name && row.actual !== null && row.year * 100 + row.month === key;
              const currentMatch = current.find(same);
              const expected = currentMatch ?? [...history].reverse().find(same);
              expect(point.value).toBe(expected!.actual);
            }
          }
        },
      ),
    );
  });
});

describe("currentTrendRecords", () => {
  test("the sample's figures for its 统计年份 and 统计月份, one per indicator row", () => {
    const grids = sampleGrids();
    const { settings } = analyzeWorkbook(grids);
    const records = currentTrendRecords(grids, settings, kaijuBahao);
    expect(records.length).toBeGreaterThan(10);
    expect(new Set(records.map((row) => `${row.year}-${row.month}`))).toEqual(
      new Set([`${settings.year}-${settings.month}`]),
    );
    expect(records.some((row) => row.actual !== null)).toBe(true);
  });

  test("none without 统计月份", () => {
    const grids = sampleGrids();
    const { settings } = analyzeWorkbook(grids);
    expect(currentTrendRecords(grids, { ...settings, month: null }, kaijuBahao)).toEqual([]);
  });
});
