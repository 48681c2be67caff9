/**
 * The pipeline over a workbook's grids: settings and category sheets → checks → calculations →
 * the 主要指标 paragraphs. Every host (CLI, add-in, preview) calls `analyzeWorkbook`.
 */
import { type BulletinFooter, readBulletinFooter } from "../reading/bulletin-footer";
import { scheduleProgress } from "../calc/calc";
import { kaijuBahao } from "../spec/catalog/kaiju-bahao";
import type { Catalog, CatalogCategory } from "../spec/catalog/types";
import { checkContext, type CheckContext, checkRow, duplicateNameCheck } from "../checks/checks";
import { controlCharacterIssues } from "../checks/control-characters";
import { HistoryFigures } from "../checks/history-figures";
import { rowFigures } from "../calc/figures";
import type { SheetGrid } from "../reading/grid";
import { HistoryIndex, readHistorySheet } from "../reading/history";
import { type IndicatorRow, openIndicatorSheet } from "../reading/indicators";
import { countItems, ItemCountCheck, type ItemCountLink, type ItemCounts, readItems } from "../reading/items";
import { type Issue, sortIssues } from "../spec/issues";
import { historySheetName } from "../spec/history-layout";
import {
  historyPlaceholders,
  itemsSheetName,
  narrativeSheetName,
  rowPlaceholders,
  settingsSheetName,
} from "../spec/layout";
import { type NarrativeEntry, readNarrative } from "../reading/narrative";
import { workbookSheetNames } from "../spec/sheets";
import { indicatorParagraph, PhraseJoiner } from "../wording/paragraph";
import { periodPhrase, quarterName } from "../wording/phrases";
import { renderRow, scheduleText } from "../wording/row-text";
import { type BulletinSettings, readSettings } from "../reading/settings";

export interface IndicatorSection {
  category: string;
  title: string;
  text: string;
}

/**
 * What the bulletin needs from a workbook. The parsed rows are not kept: on sheets of tens of
 * thousands of rows, holding them all made the pipeline's time grow faster than the row count.
 */
export interface Analysis {
  settings: BulletinSettings;
  sections: IndicatorSection[];
  /** The 文字材料 paragraphs to print, in sheet order; empty without the sheet. */
  narrative: NarrativeEntry[];
  footer: BulletinFooter | null;
  issues: Issue[];
}

/** 序时进度 of the cumulative period, or null while the settings lack it. */
function scheduleShare(settings: BulletinSettings): number | null {
  if (settings.cumulativeTo === null) return null;
  return scheduleProgress(settings.cumulativeTo, {
    byDays: settings.scheduleByDays,
    ...(settings.year !== null ? { year: settings.year } : {}),
  });
}

function itemCountLinks(category: CatalogCategory): Map<string, ItemCountLink> {
  return new Map(
    category.indicators.flatMap((indicator) =>
      indicator.itemCount ? [[indicator.name, indicator.itemCount] as const] : [],
    ),
  );
}

/** Placeholder values computed from the settings: {累计期间} {本月} {季度} {序时进度}. */
function periodValues(settings: BulletinSettings): Map<string, string> {
  const values = new Map(settings.items);
  const schedule = scheduleShare(settings);
  if (settings.cumulativeTo !== null && schedule !== null) {
    values.set("累计期间", periodPhrase(settings.year, settings.cumulativeFrom, settings.cumulativeTo, settings.dash));
    values.set("季度", quarterName(settings.cumulativeTo));
    values.set("序时进度", scheduleText(schedule));
  }
  if (settings.month !== null) values.set("本月", `${settings.month}月`);
  return values;
}

/** Where a missing placeholder's value would be entered: the row's cell, or the settings item. */
function missingValueCell(
  row: IndicatorRow,
  name: string,
  settings: BulletinSettings,
): { sheet: string; cell: string | null } {
  const key = rowPlaceholders[name];
  if (key) return { sheet: row.sheet, cell: row.cells[key] ?? row.cells.name ?? null };
  if (isHistoryPlaceholder(name)) return { sheet: row.sheet, cell: row.cells.template ?? null };
  const settingCell = settings.cells.get(
    name === "累计期间" || name === "季度" ? "累计截止月份" : name === "本月" ? "统计月份" : name,
  );
  return settingCell
    ? { sheet: settingsSheetName, cell: settingCell }
    : { sheet: row.sheet, cell: row.cells.template ?? null };
}

function isHistoryPlaceholder(name: string): boolean {
  return name === historyPlaceholders.previous || name === historyPlaceholders.monthOnMonth;
}

/** A row left out because a placeholder has no value: where to enter it, and what to do. */
function missingValueIssue(row: IndicatorRow, name: string, settings: BulletinSettings): Issue {
  const fromHistory = isHistoryPlaceholder(name);
  return {
    severity: "info",
    ...missingValueCell(row, name, settings),
    code: "value-missing",
    message: fromHistory
      ? `“${row.name}”的表述需要{${name}}，但“${historySheetName}”中没有该指标上一期的本期值，本期专报未写入该行`
      : `“${row.name}”的表述需要{${name}}，但该值为空，本期专报未写入该行`,
    hint: fromHistory ? `在“${historySheetName}”中补上一期的行（开始下一期会自动写入）` : "补填数值后重新生成",
  };
}

/** A row whose 表述模板 yields no words (only “||”, punctuation, or optional parts all dropped). */
function emptyPhraseIssue(row: IndicatorRow): Issue {
  return {
    severity: "warning",
    sheet: row.sheet,
    cell: row.cells.template ?? row.cells.name ?? null,
    code: "phrase-empty",
    message: `“${row.name}”的表述模板填入数值后没有文字，本期专报未写入该行`,
    hint: "检查表述模板：“||”之前是表述，之后是本期值为0时的表述；不需要时将“纳入专报”设为“否”",
  };
}

/** What a category needs from the rest of the workbook. */
interface CategoryContext {
  settings: BulletinSettings;
  period: Map<string, string>;
  context: CheckContext;
  itemCounts: ItemCounts | null;
  history: HistoryFigures;
  /** The workbook's issues so far; the category's are appended in the order of its checks. */
  issues: Issue[];
  /** The section's position among those with text. */
  index: number;
}

/** The row part of an A1 address: "12" of "C12". */
function addressRow(cell: string | null): string | undefined {
  return cell?.replace(/^[A-Z]+/, "");
}

/**
 * One category sheet, each row read, checked and worded before the next is read: a pass per step
 * over a sheet of tens of thousands of rows costs more than the steps themselves. The issues are
 * still appended by kind (reading, duplicate names, item counts, checks, missing values), as separate
 * passes would.
 */
function analyzeCategory(
  category: CatalogCategory,
  grid: SheetGrid | undefined,
  { settings, period, context, itemCounts, history, issues, index }: CategoryContext,
): IndicatorSection | null {
  const sheet = openIndicatorSheet(category.name, grid);
  // Rows with an error are left out of the text; an error belongs to the row its cell is in.
  const rowsWithErrors = new Set<string | undefined>();
  const noteErrors = (found: readonly Issue[], from = 0) => {
    for (let i = from; i < found.length; i += 1) {
      const issue = found[i]!;
      if (issue.severity === "error" && issue.sheet === category.name) rowsWithErrors.add(addressRow(issue.cell));
    }
  };
  noteErrors(issues);
  const duplicateName = duplicateNameCheck();
  const duplicates: Issue[] = [];
  const itemCountCheck = new ItemCountCheck(itemCountLinks(category), itemCounts);
  const checks: Issue[] = [];
  const missingValues: Issue[] = [];
  const historyIssues = history.issues.length;
  const phrases = new PhraseJoiner();

  let phraseCount = 0;
  let readIssues = 0;
  for (const row of sheet.rows) {
    noteErrors(sheet.issues, readIssues);
    readIssues = sheet.issues.length;
    const duplicate = duplicateName(row);
    if (duplicate) {
      duplicates.push(duplicate);
      noteErrors([duplicate]);
    }
    itemCountCheck.add(row);
    history.fillPrior(row);
    const figures = rowFigures(row);
    const found = checkRow(row, figures, context);
    for (const issue of found) checks.push(issue);
    noteErrors(found);

    if (!row.include || !row.template || rowsWithErrors.has(String(row.row + 1))) continue;
    const parsed = context.parseTemplate(row.template);
    if (!parsed.ok) continue;
    // Only a phrase that uses history looks it up: most rows need no {上期值}.
    const values = parsed.template.placeholders.some(isHistoryPlaceholder)
      ? { ...row, previous: history.previous(row) }
      : row;
    const rendered = renderRow(parsed.template, values, period, figures);
    if (!rendered.ok) {
      missingValues.push(missingValueIssue(row, rendered.missing[0]!, settings));
      continue;
    }
    if (phrases.add({ text: rendered.text, end: row.sentenceEnd })) phraseCount += 1;
    else missingValues.push(emptyPhraseIssue(row));
  }
  itemCountCheck.finish();
  const fromHistory = history.issues.slice(historyIssues);
  for (const kind of [sheet.issues, duplicates, itemCountCheck.issues, fromHistory, checks, missingValues]) {
    for (const issue of kind) issues.push(issue);
  }
  if (phraseCount === 0) return null;
  return {
    category: category.name,
    title: category.title,
    text: indicatorParagraph(index, category.title, phrases.text()),
  };
}

export interface AnalyzeOptions {
  catalog?: Catalog;
}

export function analyzeWorkbook(grids: readonly SheetGrid[], options: AnalyzeOptions = {}): Analysis {
  const catalog = options.catalog ?? kaijuBahao;
  const byName = new Map(grids.map((grid) => [grid.name.trim(), grid]));
  const { settings, issues } = readSettings(byName.get(settingsSheetName));
  const period = periodValues(settings);
  const context = checkContext(settings.items.keys());
  const sections: IndicatorSection[] = [];

  const itemList = byName.has(itemsSheetName) ? readItems(byName.get(itemsSheetName), scheduleShare(settings)) : null;
  if (itemList) for (const issue of itemList.issues) issues.push(issue);
  const itemCounts = itemList && itemList.items.length > 0 ? countItems(itemList.items) : null;
  const current =
    settings.year !== null && settings.month !== null ? { year: settings.year, month: settings.month } : null;
  const historyRead = readHistorySheet(byName.get(historySheetName), { catalog, current });
  for (const issue of historyRead.issues) issues.push(issue);
  const history = new HistoryFigures(new HistoryIndex(historyRead.records), {
    year: settings.year,
    month: settings.month,
    cumulativeMonth: settings.cumulativeTo,
  });

  for (const category of catalog.categories) {
    const section = analyzeCategory(category, byName.get(category.name), {
      settings,
      period,
      context,
      itemCounts,
      history,
      issues,
      index: sections.length,
    });
    if (section) sections.push(section);
  }
  const narrative = readNarrative(byName.get(narrativeSheetName));
  const footer = readBulletinFooter(settings);
  for (const issue of narrative.issues) issues.push(issue);
  for (const issue of footer.issues) issues.push(issue);
  const sheetNames = workbookSheetNames(catalog);
  for (const name of sheetNames) {
    const grid = byName.get(name);
    if (grid) for (const issue of controlCharacterIssues(grid)) issues.push(issue);
  }
  return {
    settings,
    sections,
    narrative: narrative.entries,
    footer: footer.footer,
    issues: sortIssues(issues, sheetNames),
  };
}
