/** A row's completion and growth: typed where typed, otherwise computed from its raw values. */
import { rateUnits } from "../spec/layout";
import { completionRate, growthRate, percentagePointDifference } from "./calc";

export type Growth = { kind: "ratio"; value: number } | { kind: "points"; value: number };

/** The figures of an indicator row that completion and growth come from. */
export interface RowNumbers {
  unit: string;
  actual: number | null;
  target: number | null;
  /** As typed (or as a formula left it); null when empty. */
  completion: number | null;
  prior: number | null;
  growth: number | null;
}

export interface RowFigures {
  completion: number | null;
  /** From 本期值 ÷ 目标值, when both are there and the target is not 0. */
  computedCompletion: number | null;
  growth: Growth | null;
  computedGrowth: Growth | null;
}

export function isRateUnit(unit: string): boolean {
  return rateUnits.includes(unit);
}

/**
 * The change from `base` to `current` of an indicator in `unit`: 同比 against 上年同期值, 环比 against
 * 上期值. Rate indicators (单位 %) change by percentage points; their values are percentages already.
 */
export function changeBetween(unit: string, current: number | null, base: number | null): Growth | null {
  if (current === null || base === null) return null;
  if (isRateUnit(unit)) return { kind: "points", value: percentagePointDifference(current / 100, base / 100) };
  const growth = growthRate(current, base);
  return growth.ok ? { kind: "ratio", value: growth.value } : null;
}

function computeGrowth(row: RowNumbers): Growth | null {
  return changeBetween(row.unit, row.actual, row.prior);
}

/** A typed 同比 on a rate row is a percentage-formatted difference: −0.3% means −0.3 个百分点. */
function typedGrowth(row: RowNumbers): Growth | null {
  if (row.growth === null) return null;
  return isRateUnit(row.unit) ? { kind: "points", value: row.growth * 100 } : { kind: "ratio", value: row.growth };
}

export function rowFigures(row: RowNumbers): RowFigures {
  let computedCompletion: number | null = null;
  if (row.actual !== null && row.target !== null) {
    const completion = completionRate(row.actual, row.target);
    computedCompletion = completion.ok ? completion.value : null;
  }
  const computedGrowth = computeGrowth(row);
  return {
    completion: row.completion ?? computedCompletion,
    computedCompletion,
    growth: typedGrowth(row) ?? computedGrowth,
    computedGrowth,
  };
}
