import { describe, expect, test } from "@jest/globals";
import {
  completionRate,
  growthRate,
  parseTemplate,
  percentagePointDifference,
  progressStatus,
  renderTemplate,
  scheduleProgress,
} from "../../src/core";

describe("calculations", () => {
  test("completion and growth", () => {
    expect(completionRate(462, 500)).toEqual({ ok: true, value: 0.924 });
    expect(completionRate(1, 0)).toEqual({ ok: false, error: "divide-by-zero" });
    expect(growthRate(113, 100)).toEqual({ ok: true, value: 0.13 });
    expect(growthRate(5, 0)).toEqual({ ok: false, error: "divide-by-zero" });
    expect(growthRate(5, -2)).toEqual({ ok: false, error: "negative-base" });
  });

  test("a divisor so small that the ratio would overflow as a percentage counts as zero", () => {
    // fast-check found this one: 1 ÷ −5.6e−309 is finite, but ×100 for display is −Infinity.
    expect(completionRate(1, -5.56268464626801e-309)).toEqual({ ok: false, error: "divide-by-zero" });
    expect(growthRate(1, 1e-300)).toEqual({ ok: false, error: "divide-by-zero" });
    expect(completionRate(5e11, 1)).toEqual({ ok: true, value: 5e11 });
  });

  test("percentage points between two rates", () => {
    expect(percentagePointDifference(0.182, 0.218)).toBe(-3.6);
    expect(percentagePointDifference(0.3, 0.1)).toBe(20);
  });

  test("序时进度 by month and by elapsed days", () => {
    expect(scheduleProgress(3)).toBe(0.25);
    expect(scheduleProgress(12)).toBe(1);
    expect(scheduleProgress(3, { byDays: true, year: 2026 })).toBeCloseTo(90 / 365, 12);
    expect(scheduleProgress(3, { byDays: true, year: 2028 })).toBeCloseTo(91 / 366, 12);
    expect(() => scheduleProgress(13)).toThrow("月份应为1至12的整数");
  });

  test("status against the schedule", () => {
    expect(progressStatus(0.25, 0.25)).toBe("达到或超时序进度");
    expect(progressStatus(0.3, 0.25)).toBe("达到或超时序进度");
    expect(progressStatus(0.2, 0.25)).toBe("滞后");
  });
});

describe("表述模板", () => {
  const values: Record<string, string | null> = { 本期值: "462", 单位: "人", 完成率: "92.4%", 同比: null };
  const lookup = (name: string) => values[name] ?? null;
  const render = (source: string, isZero = false) => {
    const parsed = parseTemplate(source);
    if (!parsed.ok) throw new Error(parsed.error);
    return renderTemplate(parsed.template, lookup, isZero);
  };

  test("placeholders are filled", () => {
    expect(render("城镇新增就业{本期值}{单位}")).toEqual({ ok: true, text: "城镇新增就业462人" });
  });

  test("an optional part is dropped when a value inside is missing, kept otherwise", () => {
    expect(render("产值{本期值}{单位}[，{同比}]")).toEqual({ ok: true, text: "产值462人" });
    expect(render("就业{本期值}{单位}【，完成{完成率}】")).toEqual({ ok: true, text: "就业462人，完成92.4%" });
  });

  test("a required missing value is reported by name", () => {
    expect(render("产值{同比}")).toEqual({ ok: false, missing: ["同比"] });
  });

  test("the zero wording after ||, also typed full-width", () => {
    expect(render("新增{本期值}个||无新增", true)).toEqual({ ok: true, text: "无新增" });
    expect(render("新增{本期值}个｜｜无新增", true)).toEqual({ ok: true, text: "无新增" });
    expect(render("新增{本期值}个||无新增", false)).toEqual({ ok: true, text: "新增462个" });
  });

  test("placeholders are listed, full-width braces accepted", () => {
    const parsed = parseTemplate("｛本期值｝{单位}[{同比}]||无{单位}");
    expect(parsed.ok && parsed.template.placeholders).toEqual(["本期值", "单位", "同比"]);
  });

  test.each([
    ["{本期值", "“{”没有对应的“}”"],
    ["本期值}", "多余的“}”"],
    ["[[{同比}]]", "可选部分不能嵌套"],
    ["{}", "占位符“{}”写法有误"],
    ["a||b||c", "“||”只能出现一次"],
    ["a]", "多余的“]”"],
  ])("syntax error in %p", (source, message) => {
    const parsed = parseTemplate(source);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(message);
  });
});
