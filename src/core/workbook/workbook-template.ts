/**
 * The workbook a preset becomes: 专报设置 plus one sheet per category, as grids of cell values
 * (formulas as ExcelJS-style {formula, result} with the result computed here). The CLI writes these
 * to .xlsx; the add-in's 创建模板 and the preview read the same grids.
 */
import { columnLetter } from "../spec/a1";
import type { Catalog, CatalogCategory, CatalogIndicator, SettingValue } from "../spec/catalog/types";
import { rowFigures } from "../calc/figures";
import { historyHeaders, historySheetName } from "../spec/history-layout";
import type { SheetGrid } from "../reading/grid";
import type { IndicatorRow } from "../reading/indicators";
import {
  indicatorColumns,
  itemColumns,
  itemsSheetName,
  narrativeColumns,
  narrativeSheetName,
  settingSpecs,
  settingsColumns,
  settingsSheetName,
  type DerivedFormula,
  type IndicatorColumnKey,
  type SettingKey,
} from "../spec/layout";
import { datePhrase } from "../wording/phrases";

/** plain: Excel-only formulas any spreadsheet computes; zb: the ZB.* custom functions. */
export type FormulaStyle = "plain" | "zb";

export interface TemplateOptions {
  /** Fill in the preset's sample figures and period. */
  sample: boolean;
  formulas: FormulaStyle;
}

export interface FormulaCell {
  formula: string;
  result: number | string;
}

/** Settings a blank template already carries: they belong to the preset, not to a period. */
const presetSettings: readonly SettingKey[] = ["专报名称", "编发单位", "累计起始月份", "月份连接号", "序时进度口径"];

const templateColumns = indicatorColumns.filter((column) => column.inTemplate);

function letter(key: IndicatorColumnKey): string {
  return columnLetter(templateColumns.findIndex((column) => column.key === key));
}

/** Column letters of a sheet whose columns are not in the template's order. */
export type ColumnLetters = Readonly<Partial<Record<IndicatorColumnKey, string>>>;

/**
 * The formula text for a derived column in 1-based sheet row `row`; `letters` places the referenced
 * columns where a sheet has them (the template's own positions otherwise).
 */
export function derivedFormula(
  kind: DerivedFormula,
  style: FormulaStyle,
  row: number,
  letters: ColumnLetters = {},
): string {
  const [unit, actual, target, prior] = (["unit", "actual", "target", "prior"] as const).map(
    (key) => `${letters[key] ?? letter(key)}${row}`,
  );
  if (kind === "completion") {
    return style === "zb"
      ? `IFERROR(ZB.COMPLETION(${actual},${target}),"")`
      : `IF(AND(ISNUMBER(${actual}),ISNUMBER(${target})),IF(${target}=0,"",${actual}/${target}),"")`;
  }
  return style === "zb"
    ? `IF(${unit}="%",IFERROR(ZB.PP(${actual}/100,${prior}/100)/100,""),IFERROR(ZB.YOY(${actual},${prior}),""))`
    : `IF(AND(ISNUMBER(${actual}),ISNUMBER(${prior})),IF(${unit}="%",(${actual}-${prior})/100,IF(${prior}>0,${actual}/${prior}-1,"")),"")`;
}

function settingValue(value: SettingValue): string | number {
  return typeof value === "object" ? datePhrase(value) : value;
}

export function settingsGrid(catalog: Catalog, options: Pick<TemplateOptions, "sample">): SheetGrid {
  const rows: unknown[][] = [[settingsColumns.item, settingsColumns.value, settingsColumns.description]];
  for (const spec of settingSpecs) {
    const filled = options.sample || presetSettings.includes(spec.key);
    rows.push([spec.key, filled ? settingValue(catalog.settings[spec.key]) : "", spec.description]);
  }
  return { name: settingsSheetName, values: rows };
}

/** The computed result a formula cell caches, from the same core the bulletin uses. */
function derivedResult(kind: DerivedFormula, indicator: CatalogIndicator): number | string {
  const figures = rowFigures(asRow(indicator));
  if (kind === "completion") return figures.computedCompletion ?? "";
  if (!figures.computedGrowth) return "";
  return figures.computedGrowth.kind === "ratio" ? figures.computedGrowth.value : figures.computedGrowth.value / 100;
}

function asRow(indicator: CatalogIndicator): IndicatorRow {
  return {
    sheet: "",
    row: 0,
    name: indicator.name,
    unit: indicator.unit,
    actual: indicator.actual ?? null,
    target: indicator.target ?? null,
    completion: null,
    prior: indicator.prior ?? null,
    growth: null,
    template: indicator.template,
    sentenceEnd: indicator.sentenceEnd,
    include: true,
    lead: indicator.lead ?? "",
    note: indicator.note ?? "",
    decimals: null,
    cells: {},
  };
}

function indicatorCells(indicator: CatalogIndicator, sheetRow: number, options: TemplateOptions): unknown[] {
  const figure = (value: number | undefined) => (options.sample && value !== undefined ? value : "");
  const derived = (kind: DerivedFormula, typed: number | undefined): unknown => {
    if (options.sample && typed !== undefined) return typed;
    return {
      formula: derivedFormula(kind, options.formulas, sheetRow),
      result: options.sample ? derivedResult(kind, indicator) : "",
    } satisfies FormulaCell;
  };
  const byKey: Record<IndicatorColumnKey, unknown> = {
    name: indicator.name,
    unit: indicator.unit,
    actual: figure(indicator.actual),
    target: figure(indicator.target),
    completion: derived("completion", indicator.completion),
    prior: figure(indicator.prior),
    growth: derived("growth", indicator.growth),
    template: indicator.template,
    sentenceEnd: indicator.sentenceEnd,
    include: "是",
    lead: indicator.lead ?? "",
    note: indicator.note ?? "",
    decimals: "",
  };
  return templateColumns.map((column) => byKey[column.key]);
}

export function categoryGrid(category: CatalogCategory, options: TemplateOptions): SheetGrid {
  const header = templateColumns.map((column) => column.header);
  // Header in row 1, so data row i sits in sheet row i + 2.
  const rows = category.indicators.map((indicator, i) => indicatorCells(indicator, i + 2, options));
  return { name: category.name, values: [header, ...rows] };
}

/** 民生实事明细 starts as its header: the items are the office's own list. */
export function itemsGrid(): SheetGrid {
  return { name: itemsSheetName, values: [Object.values(itemColumns)] };
}

/** 文字材料: the header, and with `sample` the preset's narrative, one paragraph per row. */
export function narrativeGrid(catalog: Catalog, options: Pick<TemplateOptions, "sample">): SheetGrid {
  const rows = options.sample
    ? (catalog.narrative ?? []).map((entry) => [entry.section, entry.title ?? "", entry.body, "是"])
    : [];
  const header = [narrativeColumns.section, narrativeColumns.title, narrativeColumns.body, narrativeColumns.include];
  return { name: narrativeSheetName, values: [header, ...rows] };
}

/** 历史数据 starts as its header: 开始下一期 appends each closed period's rows. */
export function historyGrid(): SheetGrid {
  return { name: historySheetName, values: [[...historyHeaders]] };
}

export function workbookGrids(catalog: Catalog, options: TemplateOptions): SheetGrid[] {
  return [
    settingsGrid(catalog, options),
    ...catalog.categories.map((category) => categoryGrid(category, options)),
    itemsGrid(),
    narrativeGrid(catalog, options),
    historyGrid(),
  ];
}

export { templateColumns };
