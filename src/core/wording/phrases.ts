/** Conventional bulletin wording (国家统计局 usage) for growth, rates, periods and quantities. */
import { formatNumber, percentFigure, roundHalfUp } from "../calc/format";

const chineseNumerals = ["一", "二", "三", "四"];

export interface GrowthWording {
  decimals?: number;
  /** What the change is measured against: 同比 (default), 环比, 比上年… */
  prefix?: string;
}

function unchangedPhrase(prefix: string): string {
  return prefix === "同比" ? "与上年同期持平" : `${prefix}持平`;
}

/**
 * 同比增长13% / 同比下降2.1% / 与上年同期持平, from a growth ratio. The direction is decided on the
 * figure as printed, so a change that rounds to zero reads 持平, never 增长0%.
 */
export function growthPhrase(ratio: number, wording: GrowthWording = {}): string {
  const decimals = wording.decimals ?? 1;
  const prefix = wording.prefix ?? "同比";
  const shown = roundHalfUp(ratio * 100, decimals);
  if (shown === 0) return unchangedPhrase(prefix);
  const verb = shown > 0 ? "增长" : "下降";
  return `${prefix}${verb}${percentFigure(Math.abs(ratio), decimals)}%`;
}

/** For rate indicators: 同比提高0.5个百分点 / 同比下降0.3个百分点 / 与上年同期持平. */
export function percentagePointPhrase(points: number, wording: GrowthWording = {}): string {
  const decimals = wording.decimals ?? 1;
  const prefix = wording.prefix ?? "同比";
  const shown = roundHalfUp(points, decimals);
  if (shown === 0) return unchangedPhrase(prefix);
  const verb = shown > 0 ? "提高" : "下降";
  return `${prefix}${verb}${formatNumber(Math.abs(points), decimals)}个百分点`;
}

export type RangeDash = "-" | "—";

/** 2026年1-3月, 2026年4月, or 1—3月 (GB/T 15835 style) when asked; the year is left out when not given. */
export function periodPhrase(year: number | null, fromMonth: number, toMonth: number, dash: RangeDash = "-"): string {
  const months = fromMonth === toMonth ? `${toMonth}月` : `${fromMonth}${dash}${toMonth}月`;
  return year === null ? months : `${year}年${months}`;
}

/** 一季度 … 四季度 for a month 1–12. */
export function quarterName(month: number): string {
  return `${chineseNumerals[Math.floor((month - 1) / 3)]}季度`;
}

/** 65.04亿元: a figure with its unit, rounded for display. */
export function quantityPhrase(value: number, unit: string, decimals: number): string {
  return `${formatNumber(value, decimals)}${unit}`;
}

/** 2025年4月28日, from calendar parts. */
export function datePhrase(date: { year: number; month: number; day: number }): string {
  return `${date.year}年${date.month}月${date.day}日`;
}
