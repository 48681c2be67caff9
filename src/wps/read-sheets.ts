/**
 * The sheets the pipeline reads, from ET: per sheet, never per cell. Each wanted sheet costs the same
 * few host calls (Item, Name, UsedRange, Rows.Count, Columns.Count, Row, Column, Value2, Formula)
 * however many rows it has; other sheets cost Item and Name.
 */
import { usedRangesSizeProblem, type ReadOptions, type SheetExtent, type SheetGrid } from "../core";
import type { EtCells, EtRange, EtWorkbook } from "./et-types";
import { WpsHostError } from "./wps-errors";

/**
 * ET gives a range of one cell as its value, of several as a 2-D array; either way a matrix here.
 * Rows are copied so the grid never holds the host's array.
 */
export function cellMatrix(cells: EtCells): unknown[][] {
  if (!Array.isArray(cells)) return [[cells]];
  return cells.map((row: unknown) => (Array.isArray(row) ? [...(row as unknown[])] : [row]));
}

/**
 * The error values ET gives for a formula's error result: VBA's CVErr as the HRESULT-style numbers
 * that COM hands to script. A typed number is never taken for an error: only a formula cell's value.
 */
const errorCodesByValue: ReadonlyMap<number, string> = new Map([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

function isFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=");
}

/** A cell's value as the core reads it: ET's value, with a formula's error number as its error code. */
function cellValue(value: unknown, formula: unknown): unknown {
  if (typeof value === "number" && isFormula(formula)) return errorCodesByValue.get(value) ?? value;
  return value;
}

/** A used range as a SheetGrid: values with formula errors named, placed where the range starts. */
/** A formula cell as {formula, result}, as ExcelJS gives it; a text constant starting with "=" stays text. */
function withFormula(value: unknown, formula: unknown): unknown {
  const result = cellValue(value, formula);
  return isFormula(formula) && formula !== value ? { formula: (formula as string).slice(1), result } : result;
}

export function gridFromUsedRange(name: string, range: EtRange, options: ReadOptions = {}): SheetGrid {
  const originRow = range.Row - 1;
  const originColumn = range.Column - 1;
  const values = cellMatrix(range.Value2);
  const formulas = cellMatrix(range.Formula);
  const read = options.formulas ? withFormula : cellValue;
  const grid = values.map((row, r) => row.map((value, c) => read(value, formulas[r]?.[c])));
  return { name, values: grid, originRow, originColumn };
}

/**
 * The used ranges of the sheets named `names` (core/spec's workbookSheetNames), matched as the core
 * matches them: by the name without surrounding spaces. Changes nothing. The used ranges' sizes are
 * compared with core's limits before any value is read: a sheet filled to the bottom of the grid is
 * refused with core's sentence (a WpsHostError) instead of being copied into the pane.
 */
export function readSheetGrids(workbook: EtWorkbook, names: readonly string[], options: ReadOptions = {}): SheetGrid[] {
  const wanted = new Set(names);
  const worksheets = workbook.Worksheets;
  const count = worksheets.Count;
  const usedRanges: { range: EtRange; extent: SheetExtent }[] = [];
  for (let index = 1; index <= count; index += 1) {
    const worksheet = worksheets.Item(index);
    const name = worksheet.Name;
    if (!wanted.has(name.trim())) continue;
    const range = worksheet.UsedRange;
    usedRanges.push({ range, extent: { sheet: name, rows: range.Rows.Count, columns: range.Columns.Count } });
  }
  const tooLarge = usedRangesSizeProblem(usedRanges.map(({ extent }) => extent));
  if (tooLarge) throw new WpsHostError(tooLarge);
  return usedRanges.map(({ range, extent }) => gridFromUsedRange(extent.sheet, range, options));
}
