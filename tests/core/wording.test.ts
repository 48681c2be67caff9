import { describe, expect, test } from "@jest/globals";
import {
  formatNumber,
  formatPercent,
  growthPhrase,
  joinPhrases,
  percentagePointPhrase,
  periodPhrase,
  quarterName,
  quantityPhrase,
  toFixedHalfUp,
} from "../../src/core";

describe("display rounding", () => {
  test.each([
    [1.005, 2, "1.01"],
    [2.675, 2, "2.68"],
    [0.125, 2, "0.13"],
    [-0.125, 2, "-0.13"],
    [99.95, 1, "100.0"],
    [0.5, 0, "1"],
    [-0.04, 1, "0.0"],
    [123456789.125, 2, "123456789.13"],
  ])("%p to %p places is %p", (value, decimals, expected) => {
    expect(toFixedHalfUp(value, decimals)).toBe(expected);
  });

  test.each([
    [13.0, 2, "13"],
    [1.2, 2, "1.2"],
    [65.04, 2, "65.04"],
    [4000, 2, "4000"],
    [0.004, 2, "0"],
  ])("formatNumber(%p, %p) drops trailing zeros: %p", (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  test("percentages keep one decimal by default and drop a trailing zero", () => {
    expect(formatPercent(0.924, 1)).toBe("92.4%");
    expect(formatPercent(0.13, 1)).toBe("13%");
    expect(formatPercent(186 / 210, 1)).toBe("88.6%");
    expect(formatPercent(1.05, 1)).toBe("105%");
  });

  test("a quantity carries its unit", () => {
    expect(quantityPhrase(65.04, "亿元", 2)).toBe("65.04亿元");
    expect(quantityPhrase(1.2, "亿元", 2)).toBe("1.2亿元");
  });
});

describe("growth wording", () => {
  test.each([
    [0.13, "同比增长13%"],
    [-0.021, "同比下降2.1%"],
    [0, "与上年同期持平"],
    [0.0004, "与上年同期持平"],
    [-0.0004, "与上年同期持平"],
    [0.0005, "同比增长0.1%"],
    [-0.02, "同比下降2%"],
  ])("%p reads %p", (ratio, expected) => {
    expect(growthPhrase(ratio)).toBe(expected);
  });

  test("decimals and another reference period", () => {
    expect(growthPhrase(0.12345, { decimals: 2 })).toBe("同比增长12.35%");
    expect(growthPhrase(-0.05, { prefix: "环比" })).toBe("环比下降5%");
    expect(growthPhrase(0, { prefix: "环比" })).toBe("环比持平");
  });

  test("rates change by 个百分点", () => {
    expect(percentagePointPhrase(-3.6)).toBe("同比下降3.6个百分点");
    expect(percentagePointPhrase(0.5)).toBe("同比提高0.5个百分点");
    expect(percentagePointPhrase(0.01)).toBe("与上年同期持平");
  });
});

describe("period wording", () => {
  test("ranges, single months and the GB/T 15835 dash", () => {
    expect(periodPhrase(2026, 1, 3)).toBe("2026年1-3月");
    expect(periodPhrase(2026, 4, 4)).toBe("2026年4月");
    expect(periodPhrase(2026, 1, 3, "—")).toBe("2026年1—3月");
    expect(periodPhrase(null, 1, 3)).toBe("1-3月");
  });

  test("quarters", () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12].map(quarterName)).toEqual([
      "一季度",
      "一季度",
      "二季度",
      "二季度",
      "三季度",
      "三季度",
      "四季度",
      "四季度",
    ]);
  });
});

describe("joining phrases", () => {
  test("each row's 句末, the last always 。", () => {
    expect(
      joinPhrases([
        { text: "甲", end: "，" },
        { text: "乙", end: "；" },
        { text: "丙", end: "，" },
      ]),
    ).toBe("甲，乙；丙。");
  });

  test("punctuation typed into a phrase is never doubled", () => {
    expect(
      joinPhrases([
        { text: "甲。", end: "，" },
        { text: "，乙，，丙", end: "；" },
        { text: "丁；", end: "。" },
      ]),
    ).toBe("甲，乙，丙；丁。");
  });
});
