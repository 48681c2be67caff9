/**
 * An indicator row's placeholders as the bulletin prints them: the one wording of {本期值}, {完成率},
 * {同比}… that the bulletin and every ZB.* text function call, so a cell and the text never differ.
 */
import { changeBetween, type Growth, rowFigures, type RowFigures, type RowNumbers } from "../calc/figures";
import { defaultDecimals, formatNumber, formatPercent } from "../calc/format";
import { historyPlaceholders, rowPlaceholders } from "../spec/layout";
import { growthPhrase, percentagePointPhrase } from "./phrases";
import { type PhraseTemplate, type Rendered, renderTemplate, type ValueLookup } from "./template";

/** What a row's phrase is made of: its cells as read (an IndicatorRow is one). */
export interface RowValues extends RowNumbers {
  name: string;
  lead: string;
  /** 小数位数, or null for the defaults: amounts 2 places, percentages 1. */
  decimals: number | null;
  /** {上期值}: the indicator's 本期值 in the latest earlier period of 历史数据; absent or null when unknown. */
  previous?: number | null;
}

/** Values of the placeholders that are not the row's: 专报设置 items, {累计期间}, {序时进度}… */
export type PeriodValues = ReadonlyMap<string, string>;

/** {本期值}, {目标值}, {上年同期值}: the figure rounded half-up, trailing zeros dropped. */
export function amountText(value: number, decimals: number | null): string {
  return formatNumber(value, decimals ?? defaultDecimals.amount);
}

/** {完成率}: a ratio as a percentage. */
export function percentText(ratio: number, decimals: number | null): string {
  return formatPercent(ratio, decimals ?? defaultDecimals.percent);
}

/** {同比}: 同比增长13% for a ratio, 同比下降0.3个百分点 for a rate row's difference. */
export function growthText(growth: Growth, decimals: number | null, prefix?: string): string {
  const wording = { decimals: decimals ?? defaultDecimals.percent, ...(prefix === undefined ? {} : { prefix }) };
  return growth.kind === "points" ? percentagePointPhrase(growth.value, wording) : growthPhrase(growth.value, wording);
}

/** {环比}: 环比增长2.1% / 环比下降0.3个百分点 / 环比持平, by {同比}'s rules; null when it cannot be computed. */
export function monthOnMonthText(
  unit: string,
  current: number | null,
  previous: number | null,
  decimals: number | null,
) {
  const change = changeBetween(unit, current, previous);
  return change === null ? null : growthText(change, decimals, historyPlaceholders.monthOnMonth);
}

/** {序时进度}: the share of the year gone, as a percentage at the default places. */
export function scheduleText(share: number): string {
  return formatPercent(share, defaultDecimals.percent);
}

const orNull = (text: string) => (text === "" ? null : text);

/**
 * Each placeholder's text for one row, null where its value is missing. `figures` are the row's
 * completion and growth, computed here unless the caller has them already.
 */
export function rowValueLookup(
  values: RowValues,
  period: PeriodValues,
  figures: RowFigures = rowFigures(values),
): ValueLookup {
  const amount = (value: number | null) => (value === null ? null : amountText(value, values.decimals));
  return (name) => {
    switch (rowPlaceholders[name]) {
      case "name":
        return orNull(values.name);
      case "unit":
        return values.unit;
      case "actual":
        return amount(values.actual);
      case "target":
        return amount(values.target);
      case "prior":
        return amount(values.prior);
      case "lead":
        return orNull(values.lead);
      case "completion":
        return figures.completion === null ? null : percentText(figures.completion, values.decimals);
      case "growth":
        return figures.growth === null ? null : growthText(figures.growth, values.decimals);
      default:
        if (name === historyPlaceholders.previous) return amount(values.previous ?? null);
        if (name === historyPlaceholders.monthOnMonth)
          return monthOnMonthText(values.unit, values.actual, values.previous ?? null, values.decimals);
        return period.get(name) ?? null;
    }
  };
}

/** A row's phrase from its 表述模板: the zero wording (after ||) when 本期值 is 0. */
export function renderRow(
  template: PhraseTemplate,
  values: RowValues,
  period: PeriodValues,
  figures: RowFigures = rowFigures(values),
): Rendered {
  return renderTemplate(template, rowValueLookup(values, period, figures), values.actual === 0);
}
