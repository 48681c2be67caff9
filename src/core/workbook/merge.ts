/**
 * Merging member units' returns into the office's master workbook. Values are matched by
 * (sheet, 指标名称); empty master cells are filled; a differing non-empty value is a conflict that is
 * never overwritten unless the person chooses so; rows the master lacks are reported (and appended
 * when asked). Each return is checked with the same rules first and rejected whole on any error.
 */
import { cellText, isFormulaValue, readCell } from "../reading/cells";
import { checkContext, checkDuplicateNames, checkRow } from "../checks/checks";
import { rowFigures } from "../calc/figures";
import { GridReader, type SheetGrid } from "../reading/grid";
import { type IndicatorRow, indicatorTable, readIndicatorSheet } from "../reading/indicators";
import type { Issue } from "../spec/issues";
import { kaijuBahao } from "../spec/catalog/kaiju-bahao";
import type { Catalog } from "../spec/catalog/types";
import { type IndicatorColumnKey, indicatorColumns } from "../spec/layout";
import { categorySheetNames } from "../spec/sheets";
import { readNumber } from "../reading/numbers";

export interface UnitReturn {
  /** How the person knows this return: the 报送单位 or the file name. */
  label: string;
  grids: readonly SheetGrid[];
}

export type MergeSide = "master" | "unit";

export interface CellEdit {
  sheet: string;
  cell: string;
  value: number | string;
}

export interface MergeConflict {
  /** Stable key for a per-conflict choice: sheet|name|header|unit. */
  key: string;
  sheet: string;
  name: string;
  header: string;
  cell: string;
  masterValue: number | string;
  unitValue: number | string;
  unit: string;
  chosen: MergeSide;
}

export interface NewRow {
  sheet: string;
  name: string;
  unit: string;
  added: boolean;
}

export interface RejectedReturn {
  unit: string;
  reason: string;
  issues: Issue[];
}

export interface SheetMergeSummary {
  sheet: string;
  filled: number;
  conflicts: number;
  takenFromUnits: number;
  newRows: number;
}

export interface MergePlan {
  edits: CellEdit[];
  conflicts: MergeConflict[];
  newRows: NewRow[];
  rejected: RejectedReturn[];
  merged: string[];
  summary: SheetMergeSummary[];
}

export interface MergeOptions {
  /** The side a conflict keeps when the person made no choice for it. */
  prefer: MergeSide;
  /** Per-conflict choices, by MergeConflict.key. */
  choices?: ReadonlyMap<string, MergeSide>;
  addRows: boolean;
  /** Whose category sheets are merged; the 开局八好 preset by default. */
  catalog?: Catalog;
}

const mergedKeys: readonly IndicatorColumnKey[] = ["actual", "target", "completion", "prior", "growth", "lead", "note"];
const numericKeys = new Set<IndicatorColumnKey>(["actual", "target", "completion", "prior", "growth"]);

/** Why a workbook with these sheet names cannot be a return (it has no category sheet), or null. */
export function notAReturn(sheetNames: readonly string[], catalog: Catalog = kaijuBahao): string | null {
  const names = new Set(sheetNames.map((name) => name.trim()));
  const categoryNames = categorySheetNames(catalog);
  return categoryNames.some((name) => names.has(name))
    ? null
    : `没有任何类别工作表（${categoryNames.join("、")}），不是报送表`;
}

/** A return is usable when every category sheet it has passes the checks without an error. */
export function validateReturn(unitReturn: UnitReturn, catalog: Catalog = kaijuBahao): RejectedReturn | null {
  const byName = new Map(unitReturn.grids.map((grid) => [grid.name.trim(), grid]));
  const categoryNames = categorySheetNames(catalog);
  const notReturn = notAReturn([...byName.keys()], catalog);
  if (notReturn !== null) return { unit: unitReturn.label, reason: notReturn, issues: [] };
  const present = categoryNames.filter((name) => byName.has(name));
  const context = checkContext();
  const issues: Issue[] = [];
  for (const name of present) {
    const sheet = readIndicatorSheet(name, byName.get(name));
    for (const issue of sheet.issues) issues.push(issue);
    for (const issue of checkDuplicateNames(sheet.rows)) issues.push(issue);
    for (const row of sheet.rows) for (const issue of checkRow(row, rowFigures(row), context)) issues.push(issue);
  }
  const errors = issues.filter((issue) => issue.severity === "error");
  if (errors.length === 0) return null;
  return { unit: unitReturn.label, reason: `有 ${errors.length} 处错误，整份未合并`, issues: errors };
}

type CellText = number | string | null;

interface SheetState {
  reader: GridReader;
  columns: Map<IndicatorColumnKey, number>;
  rowsByName: Map<string, number>;
  /** Current values, master's overlaid with what was merged so far, by "row:column". */
  current: Map<string, CellText>;
  /** The master's formula cells ("row:column"), plain or shared: merge never writes them. */
  formulas: Set<string>;
  nextRow: number;
}

/** A cell's mergeable value: numbers as numbers, text trimmed; formulas count only for their result. */
function mergeableValue(raw: unknown, key: IndicatorColumnKey, unit: string): CellText {
  const cell = readCell(raw);
  if (numericKeys.has(key)) {
    const reading = readNumber(cell, { unit, ratio: key === "completion" || key === "growth" });
    return reading.ok ? reading.value : null;
  }
  const text = cellText(cell);
  return text === "" ? null : text;
}

function sameValue(a: CellText, b: CellText): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/** What a unit's cell contributes: its value, except a 完成率/同比 formula (plain or shared), which the master recomputes. */
function unitValueOf(raw: unknown, key: IndicatorColumnKey, unit: string): CellText {
  if (isFormulaValue(raw) && indicatorColumns.find((c) => c.key === key)!.formula) return null;
  if (numericKeys.has(key)) return mergeableValue(raw, key, unit);
  const text = cellText(readCell(raw));
  return text === "" ? null : text;
}

function masterState(grid: SheetGrid): SheetState | null {
  const reader = new GridReader(grid);
  const found = indicatorTable(reader);
  if (!found) return null;
  const rowsByName = new Map<string, number>();
  const current = new Map<string, CellText>();
  const formulas = new Set<string>();
  const nameColumn = found.columns.get("name")!;
  let lastUsed = found.headerRow;
  for (let r = found.headerRow + 1; r < reader.rowCount; r += 1) {
    if (reader.isBlankRow(r)) continue;
    lastUsed = r;
    const name = reader.text(r, nameColumn);
    if (name && !rowsByName.has(name)) rowsByName.set(name, r);
    const unit = found.columns.has("unit") ? reader.text(r, found.columns.get("unit")!) : "";
    for (const key of mergedKeys) {
      const index = found.columns.get(key);
      if (index === undefined) continue;
      const raw = grid.values[r]?.[index];
      current.set(`${r}:${index}`, mergeableValue(raw, key, unit));
      if (isFormulaValue(raw)) formulas.add(`${r}:${index}`);
    }
  }
  return { reader, columns: found.columns, rowsByName, current, formulas, nextRow: lastUsed + 1 };
}

function emptySummary(sheet: string): SheetMergeSummary {
  return { sheet, filled: 0, conflicts: 0, takenFromUnits: 0, newRows: 0 };
}

export function planMerge(
  master: readonly SheetGrid[],
  returns: readonly UnitReturn[],
  options: MergeOptions,
): MergePlan {
  const plan: MergePlan = { edits: [], conflicts: [], newRows: [], rejected: [], merged: [], summary: [] };
  const catalog = options.catalog ?? kaijuBahao;
  const categoryNames = categorySheetNames(catalog);
  const masterByName = new Map(master.map((grid) => [grid.name.trim(), grid]));
  const states = new Map<string, SheetState | null>();
  const summaries = new Map<string, SheetMergeSummary>();
  const summaryOf = (sheet: string) => {
    if (!summaries.has(sheet)) summaries.set(sheet, emptySummary(sheet));
    return summaries.get(sheet)!;
  };
  const stateOf = (sheet: string) => {
    if (!states.has(sheet)) {
      const grid = masterByName.get(sheet);
      states.set(sheet, grid ? masterState(grid) : null);
    }
    return states.get(sheet)!;
  };

  for (const unitReturn of returns) {
    const rejection = validateReturn(unitReturn, catalog);
    if (rejection) {
      plan.rejected.push(rejection);
      continue;
    }
    plan.merged.push(unitReturn.label);
    const unitByName = new Map(unitReturn.grids.map((grid) => [grid.name.trim(), grid]));
    for (const sheet of categoryNames) {
      const unitGrid = unitByName.get(sheet);
      if (!unitGrid) continue;
      const rows = readIndicatorSheet(sheet, unitGrid).rows;
      const state = stateOf(sheet);
      const unitReader = new GridReader(unitGrid);
      const unitColumns = indicatorTable(unitReader)!.columns;
      for (const row of rows) {
        const masterRow = state?.rowsByName.get(row.name);
        if (state && masterRow !== undefined) {
          mergeRow(plan, options, summaryOf(sheet), state, masterRow, row, unitGrid, unitColumns, unitReturn.label);
        } else {
          addNewRow(plan, options, summaryOf(sheet), state, row, unitGrid, unitColumns, unitReturn.label);
        }
      }
    }
  }
  plan.summary = categoryNames.flatMap((sheet) => (summaries.has(sheet) ? [summaries.get(sheet)!] : []));
  return plan;
}

function unitCell(
  grid: SheetGrid,
  row: IndicatorRow,
  columns: Map<IndicatorColumnKey, number>,
  key: IndicatorColumnKey,
): unknown {
  const index = columns.get(key);
  const origin = grid.originRow ?? 0;
  return index === undefined ? null : grid.values[row.row - origin]?.[index];
}

function mergeRow(
  plan: MergePlan,
  options: MergeOptions,
  summary: SheetMergeSummary,
  state: SheetState,
  masterRow: number,
  row: IndicatorRow,
  unitGrid: SheetGrid,
  unitColumns: Map<IndicatorColumnKey, number>,
  unit: string,
): void {
  for (const key of mergedKeys) {
    const masterColumn = state.columns.get(key);
    if (masterColumn === undefined) continue;
    const slot = `${masterRow}:${masterColumn}`;
    // The master's formula recomputes from the merged inputs; writing it would leave a constant behind.
    if (state.formulas.has(slot)) continue;
    const unitValue = unitValueOf(unitCell(unitGrid, row, unitColumns, key), key, row.unit);
    if (unitValue === null) continue;
    const masterValue = state.current.get(slot) ?? null;
    const cell = state.reader.address(masterRow, masterColumn);
    if (masterValue === null) {
      plan.edits.push({ sheet: row.sheet, cell, value: unitValue });
      state.current.set(slot, unitValue);
      summary.filled += 1;
      continue;
    }
    if (sameValue(masterValue, unitValue)) continue;
    const header = indicatorColumns.find((c) => c.key === key)!.header;
    const conflictKey = `${row.sheet}|${row.name}|${header}|${unit}`;
    const chosen = options.choices?.get(conflictKey) ?? options.prefer;
    plan.conflicts.push({
      key: conflictKey,
      sheet: row.sheet,
      name: row.name,
      header,
      cell,
      masterValue,
      unitValue,
      unit,
      chosen,
    });
    summary.conflicts += 1;
    if (chosen === "unit") {
      plan.edits.push({ sheet: row.sheet, cell, value: unitValue });
      state.current.set(slot, unitValue);
      summary.takenFromUnits += 1;
    }
  }
}

function addNewRow(
  plan: MergePlan,
  options: MergeOptions,
  summary: SheetMergeSummary,
  state: SheetState | null,
  row: IndicatorRow,
  unitGrid: SheetGrid,
  unitColumns: Map<IndicatorColumnKey, number>,
  unit: string,
): void {
  const added = options.addRows && state !== null;
  plan.newRows.push({ sheet: row.sheet, name: row.name, unit, added });
  summary.newRows += 1;
  if (!added) return;
  const target = state.nextRow;
  state.nextRow += 1;
  state.rowsByName.set(row.name, target);
  for (const column of indicatorColumns) {
    const masterColumn = state.columns.get(column.key);
    if (masterColumn === undefined) continue;
    const value = unitValueOf(unitCell(unitGrid, row, unitColumns, column.key), column.key, row.unit);
    if (value === null || value === "") continue;
    plan.edits.push({ sheet: row.sheet, cell: state.reader.address(target, masterColumn), value });
    state.current.set(`${target}:${masterColumn}`, value);
  }
}
