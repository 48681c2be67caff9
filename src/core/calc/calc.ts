/**
 * The project's one implementation of every indicator formula. The bulletin, the checks and the
 * ZB.* custom functions all call these.
 */
import type { progressStatuses } from "../spec/layout";

export type CalcError = "divide-by-zero" | "negative-base";
export type CalcResult = { ok: true; value: number } | { ok: false; error: CalcError };

/**
 * A ratio beyond 1e12 (a divisor like 1e-300) is as meaningless as one over zero, and would overflow
 * when shown as a percentage.
 */
const ok = (value: number): CalcResult =>
  Math.abs(value) < 1e12 ? { ok: true, value } : { ok: false, error: "divide-by-zero" };
const fail = (error: CalcError): CalcResult => ({ ok: false, error });

/** Strips binary noise so that 0.1 + 0.2 style results compare and print as a person expects. */
function clean(value: number): number {
  return Number(value.toPrecision(15));
}

/** 完成率 = 完成值 / 目标值. */
export function completionRate(actual: number, target: number): CalcResult {
  if (target === 0) return fail("divide-by-zero");
  return ok(clean(actual / target));
}

/** 同比增速 = 本期 / 上年同期 − 1. A negative prior has no meaningful growth rate. */
export function growthRate(current: number, prior: number): CalcResult {
  if (prior === 0) return fail("divide-by-zero");
  if (prior < 0) return fail("negative-base");
  return ok(clean(current / prior - 1));
}

/** The change between two rates, in 个百分点: 18.2% vs 21.8% → −3.6. Rates are ratios (0.182). */
export function percentagePointDifference(rate: number, priorRate: number): number {
  return clean((rate - priorRate) * 100);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/**
 * 序时进度: the share of the year elapsed by the end of `month`. By default month/12; with `byDays`,
 * days elapsed to the month's last day over the days of `year` (a common year when no year is given).
 */
export function scheduleProgress(month: number, options: { year?: number; byDays?: boolean } = {}): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError("月份应为1至12的整数");
  if (!options.byDays) return clean(month / 12);
  const leap = options.year !== undefined && isLeapYear(options.year);
  const elapsed = daysBeforeMonth[month]! + (leap && month >= 2 ? 1 : 0);
  return clean(elapsed / (leap ? 366 : 365));
}

export type ProgressStatus = (typeof progressStatuses)[number];

/** A task is on schedule when its completion reaches the schedule share (a hair of rounding allowed). */
export function progressStatus(completion: number, schedule: number): ProgressStatus {
  return completion + 1e-9 >= schedule ? "达到或超时序进度" : "滞后";
}
