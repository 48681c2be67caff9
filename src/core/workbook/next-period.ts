/**
 * 开始下一期 as a plan: archive the current period into 历史数据, then prepare the next one (期号 + 1,
 * months forward, the period's figures and texts cleared, formulas, targets, templates and 民生实事明细
 * kept). Pure: the hosts (Excel, WPS, the preview, the CLI) apply the plan's writes in its order.
 */
import { analyzeWorkbook } from "../bulletin/bulletin";
import { HistoryFigures } from "../checks/history-figures";
import { HistoryIndex, readHistorySheet } from "../reading/history";
import { rowFigures } from "../calc/figures";
import { isFormulaValue, isEmptyCell, rawCellText } from "../reading/cells";
import { GridReader, type SheetGrid } from "../reading/grid";
import { readIndicatorSheet, indicatorTable } from "../reading/indicators";
import { readItems } from "../reading/items";
import { readSettings, type BulletinSettings } from "../reading/settings";
import { scheduleProgress, completionRate } from "../calc/calc";
import { parseAddress } from "../spec/a1";
import { kaijuBahao } from "../spec/catalog/kaiju-bahao";
import type { Catalog } from "../spec/catalog/types";
import { historyColumns, historyItemCategory, historySheetName, type HistoryColumnKey } from "../spec/history-layout";
import { type Issue, hasErrors } from "../spec/issues";
import {
  columnByKey,
  itemsSheetName,
  narrativeColumns,
  narrativeSheetName,
  settingsSheetName,
  type IndicatorColumnKey,
} from "../spec/layout";

/** The period 专报设置 describes. */
export interface BulletinPeriod {
  year: number;
  month: number;
  /** 累计截止月份 as typed; null when the cell is empty (it then follows 统计月份). */
  cumulativeMonth: number | null;
  issue: number;
}

/** The period after `period`: December is followed by January of the next year. */
export function followingPeriod(period: BulletinPeriod): BulletinPeriod {
  const newYear = period.month === 12;
  const cumulative = period.cumulativeMonth;
  return {
    year: newYear ? period.year + 1 : period.year,
    month: newYear ? 1 : period.month + 1,
    // A new year's cumulation starts again; otherwise it moves on a month, as far as December.
    cumulativeMonth: cumulative === null ? null : newYear ? 1 : Math.min(cumulative + 1, 12),
    issue: period.issue + 1,
  };
}

/** 2026年3月（第2期） */
export function periodName(period: BulletinPeriod): string {
  return `${period.year}年${period.month}月（第${period.issue}期）`;
}

/**
 * Cells written at one place: values[i][j] goes to (row + i, column + j), zero-based. "" empties a
 * cell; other text is written as text, numbers as numbers. The hosts write each in one request.
 */
export interface CellWrite {
  sheet: string;
  row: number;
  column: number;
  values: (number | string)[][];
}

/** A number format for `rows` cells of one column, from `row` down. */
export interface ColumnNumberFormat {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  numberFormat: string;
}

/** What is cleared in one sheet, for the confirmation: cells per column header. */
export interface SheetClearing {
  sheet: string;
  cells: { header: string; count: number }[];
}

export interface HistoryArchive {
  sheet: string;
  /** 历史数据 did not exist: it is `newSheet` of the plan. */
  create: boolean;
  /** Rows written for the period: indicators and 民生实事 items. */
  records: number;
  /** Rows of the same period already in 历史数据, overwritten (the surplus emptied). */
  replaced: number;
  /** Zero-based sheet row where appended rows start. */
  appendAt: number;
}

export interface NextPeriodPlan {
  current: BulletinPeriod;
  next: BulletinPeriod;
  history: HistoryArchive;
  /**
   * 历史数据 when the workbook lacks it: its header and the period's rows, added first and formatted as
   * 创建模板 formats a new sheet (core's format plan).
   */
  newSheet: SheetGrid | null;
  /** Applied in order, after `newSheet`: the archive first, then 专报设置, then the clearing. */
  writes: CellWrite[];
  numberFormats: ColumnNumberFormat[];
  cleared: SheetClearing[];
  /** The confirmation, a sentence a line: what is archived, replaced, changed and cleared. */
  summary: string[];
}

export type NextPeriodOutcome = { ok: true; plan: NextPeriodPlan } | { ok: false; reason: string; issues: Issue[] };

export interface NextPeriodOptions {
  catalog?: Catalog;
}

/** Columns of a category sheet that belong to one period. 目标值, 表述模板 and the rest stay. */
const periodColumns: readonly IndicatorColumnKey[] = ["actual", "completion", "prior", "growth"];

/** The rows `rows` (zero-based, sorted) as runs of consecutive rows. */
function runs(rows: readonly number[]): { first: number; count: number }[] {
  const found: { first: number; count: number }[] = [];
  for (const row of rows) {
    const last = found[found.length - 1];
    if (last && last.first + last.count === row) last.count += 1;
    else found.push({ first: row, count: 1 });
  }
  return found;
}

function emptyColumnWrites(sheet: string, column: number, rows: readonly number[]): CellWrite[] {
  return runs(rows).map((run) => ({
    sheet,
    row: run.first,
    column,
    values: Array.from({ length: run.count }, () => [""]),
  }));
}

/** The typed (not formula) non-empty cells of `column` in the grid rows after `headerRow`, as sheet rows. */
function typedCells(reader: GridReader, headerRow: number, column: number): number[] {
  const rows: number[] = [];
  for (let r = headerRow + 1; r < reader.rowCount; r += 1) {
    const raw = reader.grid.values[r]?.[column];
    if (!isEmptyCell(raw) && !isFormulaValue(raw)) rows.push(r + reader.originRow);
  }
  return rows;
}

interface Clearing {
  writes: CellWrite[];
  summary: SheetClearing;
}

function clearColumns(
  grid: SheetGrid,
  headerRow: number,
  columns: readonly { header: string; index: number }[],
): Clearing {
  const reader = new GridReader(grid);
  const writes: CellWrite[] = [];
  const cells: SheetClearing["cells"] = [];
  for (const { header, index } of columns) {
    const rows = typedCells(reader, headerRow, index);
    if (rows.length === 0) continue;
    cells.push({ header, count: rows.length });
    for (const write of emptyColumnWrites(grid.name, index + reader.originColumn, rows)) writes.push(write);
  }
  return { writes, summary: { sheet: grid.name, cells } };
}

function categoryClearing(grid: SheetGrid): Clearing | null {
  const reader = new GridReader(grid);
  const table = indicatorTable(reader);
  if (!table) return null;
  const columns = periodColumns.flatMap((key) => {
    const index = table.columns.get(key);
    return index === undefined ? [] : [{ header: columnByKey(key).header, index }];
  });
  return clearColumns(grid, table.headerRow, columns);
}

function narrativeClearing(grid: SheetGrid): Clearing | null {
  const reader = new GridReader(grid);
  const headerRow = reader.findHeaderRow(narrativeColumns.section);
  if (headerRow === null) return null;
  const headers = reader.headerColumns(headerRow);
  // 栏目 and 纳入专报 stay: they are the sheet's outline for the next period's paragraphs.
  const columns = [narrativeColumns.title, narrativeColumns.body].flatMap((header) => {
    const index = headers.get(header);
    return index === undefined ? [] : [{ header, index }];
  });
  return clearColumns(grid, headerRow, columns);
}

type HistoryRow = Partial<Record<HistoryColumnKey, number | string>>;

/** A row's 同比 as the sheets hold it: a ratio; on rate rows 个百分点 ÷ 100 (−0.3 个百分点 is −0.3%). */
function storedGrowth(growth: ReturnType<typeof rowFigures>["growth"]): number | null {
  if (growth === null) return null;
  return growth.kind === "points" ? Number((growth.value / 100).toPrecision(15)) : growth.value;
}

function periodCells(period: BulletinPeriod, cumulativeTo: number): HistoryRow {
  return { year: period.year, month: period.month, cumulativeMonth: cumulativeTo, issue: period.issue };
}

function withValue(row: HistoryRow, key: HistoryColumnKey, value: number | string | null): void {
  if (value !== null && value !== "") row[key] = value;
}

/** The period's rows for 历史数据: each indicator with a figure, then each 民生实事 item. */
function historyRows(
  grids: ReadonlyMap<string, SheetGrid>,
  catalog: Catalog,
  settings: BulletinSettings,
  period: BulletinPeriod,
): HistoryRow[] {
  const cumulativeTo = settings.cumulativeTo ?? period.month;
  // An empty 上年同期值 is archived as the bulletin used it: taken from 历史数据 a year back.
  const history = new HistoryFigures(new HistoryIndex(readHistorySheet(grids.get(historySheetName)).records), {
    year: period.year,
    month: period.month,
    cumulativeMonth: settings.cumulativeTo,
  });
  const rows: HistoryRow[] = [];
  for (const category of catalog.categories) {
    for (const indicator of readIndicatorSheet(category.name, grids.get(category.name)).rows) {
      if (!indicator.name) continue;
      history.fillPrior(indicator);
      const figures = rowFigures(indicator);
      const growth = storedGrowth(figures.growth);
      const numbers = [indicator.actual, indicator.target, indicator.prior, figures.completion, growth];
      // A row with no figure at all was not reported this period: history would only hold blanks.
      if (numbers.every((value) => value === null)) continue;
      const row = periodCells(period, cumulativeTo);
      withValue(row, "category", category.name);
      withValue(row, "name", indicator.name);
      withValue(row, "unit", indicator.unit);
      withValue(row, "actual", indicator.actual);
      withValue(row, "target", indicator.target);
      withValue(row, "completion", figures.completion);
      withValue(row, "prior", indicator.prior);
      withValue(row, "growth", growth);
      rows.push(row);
    }
  }
  const schedule = scheduleProgress(cumulativeTo, {
    byDays: settings.scheduleByDays,
    year: period.year,
  });
  for (const item of readItems(grids.get(itemsSheetName), schedule).items) {
    const row = periodCells(period, cumulativeTo);
    withValue(row, "category", historyItemCategory);
    withValue(row, "name", item.name);
    withValue(row, "actual", item.done);
    withValue(row, "target", item.target);
    const completion = item.done !== null && item.target !== null ? completionRate(item.done, item.target) : null;
    withValue(row, "completion", completion?.ok ? completion.value : null);
    withValue(row, "level", item.level);
    withValue(row, "status", item.status);
    rows.push(row);
  }
  return rows;
}

/** Where 历史数据's columns are: its header row and each layout column's index (sheet positions). */
interface HistoryTable {
  headerRow: number;
  columns: Map<HistoryColumnKey, number>;
  /** Sheet rows holding the period's rows already. */
  periodRows: number[];
  /** The sheet row after the last non-blank one. */
  end: number;
}

function wholeNumber(raw: unknown): number | null {
  const text = rawCellText(raw).replace(/^第|[期年月]$/g, "");
  return /^\d+$/.test(text) ? Number(text) : null;
}

function historyTable(grid: SheetGrid, period: BulletinPeriod): HistoryTable | { missing: string[] } {
  const reader = new GridReader(grid);
  const headerRow = reader.findHeaderRow(historyColumns[0]!.header);
  const headers = headerRow === null ? new Map<string, number>() : reader.headerColumns(headerRow);
  const missing = historyColumns.filter((column) => column.required && !headers.has(column.header));
  if (headerRow === null || missing.length > 0) return { missing: missing.map((column) => column.header) };
  const columns = new Map<HistoryColumnKey, number>();
  for (const column of historyColumns) {
    const index = headers.get(column.header);
    if (index !== undefined) columns.set(column.key, index);
  }
  const yearColumn = columns.get("year")!;
  const monthColumn = columns.get("month")!;
  const periodRows: number[] = [];
  let last = headerRow;
  for (let r = headerRow + 1; r < reader.rowCount; r += 1) {
    if (reader.isBlankRow(r)) continue;
    last = r;
    const values = grid.values[r]!;
    if (wholeNumber(values[yearColumn]) === period.year && wholeNumber(values[monthColumn]) === period.month) {
      periodRows.push(r + reader.originRow);
    }
  }
  return {
    headerRow: headerRow + reader.originRow,
    columns: new Map([...columns].map(([key, index]) => [key, index + reader.originColumn])),
    periodRows,
    end: last + reader.originRow + 1,
  };
}

/** The layout's columns in the sheet as runs of adjacent columns, so each run is one write. */
function columnRuns(columns: ReadonlyMap<HistoryColumnKey, number>): { first: number; keys: HistoryColumnKey[] }[] {
  const placed = [...columns].sort((a, b) => a[1] - b[1]);
  const found: { first: number; keys: HistoryColumnKey[] }[] = [];
  for (const [key, index] of placed) {
    const last = found[found.length - 1];
    if (last && last.first + last.keys.length === index) last.keys.push(key);
    else found.push({ first: index, keys: [key] });
  }
  return found;
}

/** `rows` written from sheet row `at`; null rows empty their cells. */
function historyWrites(
  sheet: string,
  columns: ReadonlyMap<HistoryColumnKey, number>,
  at: number,
  rows: readonly (HistoryRow | null)[],
): CellWrite[] {
  return columnRuns(columns).map((run) => ({
    sheet,
    row: at,
    column: run.first,
    values: rows.map((row) => run.keys.map((key) => row?.[key] ?? "")),
  }));
}

/** The ratio columns' number format over `count` rows from `row`, for rows that had none. */
function historyFormats(
  sheet: string,
  columns: ReadonlyMap<HistoryColumnKey, number>,
  row: number,
  count: number,
): ColumnNumberFormat[] {
  if (count === 0) return [];
  return historyColumns.flatMap((column) => {
    const index = columns.get(column.key);
    if (index === undefined || !column.numberFormat || column.numberFormat === "General") return [];
    return [{ sheet, row, column: index, rows: count, numberFormat: column.numberFormat }];
  });
}

interface ArchivePlan {
  archive: HistoryArchive;
  newSheet: SheetGrid | null;
  writes: CellWrite[];
  numberFormats: ColumnNumberFormat[];
}

function planArchive(grid: SheetGrid | undefined, period: BulletinPeriod, rows: HistoryRow[]): ArchivePlan | Issue {
  if (!grid) {
    const values = [
      historyColumns.map((column) => column.header),
      ...rows.map((row) => historyColumns.map((column) => row[column.key] ?? "")),
    ];
    return {
      archive: { sheet: historySheetName, create: true, records: rows.length, replaced: 0, appendAt: 1 },
      newSheet: { name: historySheetName, values },
      writes: [],
      numberFormats: [],
    };
  }
  const sheet = grid.name;
  const table = historyTable(grid, period);
  if ("missing" in table) {
    return {
      severity: "error",
      sheet,
      cell: null,
      code: "missing-column",
      message: `工作表“${sheet}”中找不到表头“${table.missing.join("、")}”，无法写入本期数据`,
      hint: `表头应依次为 ${historyColumns.map((column) => column.header).join("、")}`,
    };
  }
  // The period's rows are overwritten in place; more rows than before go to the end, fewer leave blanks.
  const slots = table.periodRows;
  const placed: { row: number; values: HistoryRow | null }[] = slots.map((row, i) => ({
    row,
    values: rows[i] ?? null,
  }));
  const appended = rows.slice(slots.length);
  const writes: CellWrite[] = [];
  let next = 0;
  for (const run of runs(slots)) {
    const block = placed.slice(next, next + run.count).map((slot) => slot.values);
    next += run.count;
    for (const write of historyWrites(sheet, table.columns, run.first, block)) writes.push(write);
  }
  if (appended.length > 0) {
    for (const write of historyWrites(sheet, table.columns, table.end, appended)) writes.push(write);
  }
  return {
    archive: { sheet, create: false, records: rows.length, replaced: slots.length, appendAt: table.end },
    newSheet: null,
    writes,
    numberFormats: historyFormats(sheet, table.columns, table.end, appended.length),
  };
}

/** The settings cells 开始下一期 changes, each with what it becomes ("" empties it). */
function settingsChanges(
  grid: SheetGrid | undefined,
  settings: BulletinSettings,
  current: BulletinPeriod,
  next: BulletinPeriod,
): { writes: CellWrite[]; lines: string[] } {
  const writes: CellWrite[] = [];
  const lines: string[] = [];
  const reader = grid ? new GridReader(grid) : null;
  const change = (key: string, value: number | string, line: string) => {
    const address = settings.cells.get(key);
    const position = address === undefined ? null : parseAddress(address);
    if (!position || !reader) return;
    const { row, column } = position;
    const raw = reader.grid.values[row - reader.originRow]?.[column - reader.originColumn];
    if (isFormulaValue(raw)) {
      lines.push(`${key}是公式，未改动`);
      return;
    }
    writes.push({ sheet: grid!.name, row, column, values: [[value]] });
    lines.push(line);
  };
  change("期号", next.issue, `期号 ${current.issue} → ${next.issue}`);
  if (next.year !== current.year) change("统计年份", next.year, `统计年份 ${current.year} → ${next.year}`);
  change("统计月份", next.month, `统计月份 ${current.month} → ${next.month}`);
  if (current.cumulativeMonth !== null && next.cumulativeMonth !== null) {
    change("累计截止月份", next.cumulativeMonth, `累计截止月份 ${current.cumulativeMonth} → ${next.cumulativeMonth}`);
  }
  // A new year's cumulation starts in January, whatever month the last one started.
  if (next.year !== current.year && settings.cumulativeFrom > 1) {
    change("累计起始月份", 1, `累计起始月份 ${settings.cumulativeFrom} → 1`);
  }
  if (settings.items.has("印发日期")) change("印发日期", "", "清空印发日期");
  return { writes, lines };
}

function clearingLine(clearing: SheetClearing): string {
  const parts = clearing.cells.map(({ header, count }) => `${header} ${count} 格`);
  return `${clearing.sheet}：清空${parts.join("、")}`;
}

/**
 * 开始下一期 on a workbook's grids, read with their formulas ({formula, result}: a formula cell is never
 * cleared). Refused, with the errors, while the workbook has any; otherwise the plan and its summary.
 */
export function planNextPeriod(grids: readonly SheetGrid[], options: NextPeriodOptions = {}): NextPeriodOutcome {
  const catalog = options.catalog ?? kaijuBahao;
  const analysis = analyzeWorkbook(grids, { catalog });
  if (hasErrors(analysis.issues)) {
    const errors = analysis.issues.filter((issue) => issue.severity === "error");
    return {
      ok: false,
      reason: `工作簿中有 ${errors.length} 个错误，改正后才能开始下一期：`,
      issues: errors,
    };
  }
  const byName = new Map(grids.map((grid) => [grid.name.trim(), grid]));
  const { settings } = readSettings(byName.get(settingsSheetName));
  const { year, month, issueNumber } = settings;
  if (year === null || month === null || issueNumber === null) {
    // 专报设置 without these is an error above; this keeps the types honest.
    return { ok: false, reason: "专报设置缺少统计年份、统计月份或期号，无法开始下一期。", issues: [] };
  }
  const typedCumulative = settings.cells.has("累计截止月份") && settings.items.has("累计截止月份");
  const current: BulletinPeriod = {
    year,
    month,
    cumulativeMonth: typedCumulative ? settings.cumulativeTo : null,
    issue: issueNumber,
  };
  const next = followingPeriod(current);

  const rows = historyRows(byName, catalog, settings, current);
  const archived = planArchive(byName.get(historySheetName), current, rows);
  if ("severity" in archived) {
    return { ok: false, reason: "历史数据的表头不全，无法写入本期数据：", issues: [archived] };
  }
  const settingsGrid = byName.get(settingsSheetName);
  const changes = settingsChanges(settingsGrid, settings, current, next);

  const clearings: Clearing[] = [];
  for (const category of catalog.categories) {
    const grid = byName.get(category.name);
    const clearing = grid && categoryClearing(grid);
    if (clearing) clearings.push(clearing);
  }
  const narrative = byName.get(narrativeSheetName);
  const narrativeCleared = narrative && narrativeClearing(narrative);
  if (narrativeCleared) clearings.push(narrativeCleared);
  const cleared = clearings.map((clearing) => clearing.summary).filter((summary) => summary.cells.length > 0);

  const { archive } = archived;
  const where = archive.create ? `新建工作表“${archive.sheet}”，` : "";
  const replacing = archive.replaced > 0 ? `；“${archive.sheet}”中已有该期的 ${archive.replaced} 行，将被替换` : "";
  const summary = [
    `${where}把${periodName(current)}的 ${archive.records} 行数据写入“${archive.sheet}”${replacing}。`,
    `${settingsSheetName}：${changes.lines.join("；")}。`,
    ...cleared.map((clearing) => `${clearingLine(clearing)}。`),
    `保留：目标值、表述模板等设置列、所有公式、${itemsSheetName}。`,
  ];
  return {
    ok: true,
    plan: {
      current,
      next,
      history: archive,
      newSheet: archived.newSheet,
      writes: [...archived.writes, ...changes.writes, ...clearings.flatMap((clearing) => clearing.writes)],
      numberFormats: archived.numberFormats,
      cleared,
      summary,
    },
  };
}

/** Whether two plans tell the person the same: a plan confirmed on an earlier read still holds. */
export function sameConfirmation(a: NextPeriodPlan, b: NextPeriodPlan): boolean {
  return a.summary.join("\n") === b.summary.join("\n");
}

/** What a host did on 确定. */
export type NextPeriodApplied =
  { applied: true; plan: NextPeriodPlan } | { applied: false; outcome: NextPeriodOutcome };

/**
 * The plan made again on the workbook as it is when the person confirms: written only if it tells
 * what they confirmed (someone may have edited the sheets meanwhile); else the new outcome, unwritten.
 */
export function recheckNextPeriod(
  grids: readonly SheetGrid[],
  confirmed: NextPeriodPlan,
  options: NextPeriodOptions = {},
): NextPeriodApplied {
  const outcome = planNextPeriod(grids, options);
  return outcome.ok && sameConfirmation(outcome.plan, confirmed)
    ? { applied: true, plan: outcome.plan }
    : { applied: false, outcome };
}

/** A grid's copy whose origin is at most (row, column), so a write there lands inside it. */
function covering(grid: SheetGrid, row: number, column: number): { values: unknown[][]; row: number; column: number } {
  const originRow = Math.min(grid.originRow ?? 0, row);
  const originColumn = Math.min(grid.originColumn ?? 0, column);
  const shiftRows = (grid.originRow ?? 0) - originRow;
  const shiftColumns = (grid.originColumn ?? 0) - originColumn;
  const values: unknown[][] = Array.from({ length: shiftRows }, () => []);
  for (const line of grid.values) values.push([...new Array<unknown>(shiftColumns).fill(null), ...line]);
  return { values, row: originRow, column: originColumn };
}

/**
 * The grids after `plan` (the preview's workbook): each written sheet copied once and written in
 * place, "" as an empty cell; the other grids as they were.
 */
export function gridsAfter(grids: readonly SheetGrid[], plan: NextPeriodPlan): SheetGrid[] {
  const result = new Map<string, { values: unknown[][]; row: number; column: number }>();
  const sheets = plan.newSheet ? [...grids, plan.newSheet] : [...grids];
  for (const write of plan.writes) {
    const grid = sheets.find((candidate) => candidate.name === write.sheet);
    if (!grid) throw new Error(`找不到工作表“${write.sheet}”`);
    let target = result.get(grid.name);
    if (!target || write.row < target.row || write.column < target.column) {
      target = covering(
        target ? { name: grid.name, values: target.values, originRow: target.row, originColumn: target.column } : grid,
        write.row,
        write.column,
      );
      result.set(grid.name, target);
    }
    write.values.forEach((line, i) => {
      const rows = target!.values;
      const r = write.row - target!.row + i;
      while (rows.length <= r) rows.push([]);
      const row = rows[r]!;
      line.forEach((value, j) => {
        const c = write.column - target!.column + j;
        while (row.length <= c) row.push(null);
        row[c] = value === "" ? null : value;
      });
    });
  }
  return sheets.map((grid) => {
    const written = result.get(grid.name);
    return written
      ? { name: grid.name, values: written.values, originRow: written.row, originColumn: written.column }
      : grid;
  });
}
