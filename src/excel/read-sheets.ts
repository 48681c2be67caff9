/**
 * The sheets the pipeline reads, as SheetGrids, in one context.sync on ExcelApi 1.4+ and two on 1.1,
 * however many sheets the workbook has.
 */
import { parseAddress, usedRangesSizeProblem, type ReadOptions, type SheetGrid } from "../core";
import { supportsExcelApi } from "./api-support";
import { ExcelHostError } from "./office-errors";

/**
 * The grid of a used range: `address` ("Sheet!B3:F20") places values[0][0] in the sheet. With the
 * range's `formulas`, a formula cell is {formula, result} as ExcelJS gives it, so the core knows it.
 */
export function gridFromRange(name: string, values: unknown[][], address: string, formulas?: unknown[][]): SheetGrid {
  const firstCell = address.slice(address.lastIndexOf("!") + 1).split(":")[0] ?? "";
  const origin = parseAddress(firstCell) ?? { row: 0, column: 0 };
  const cells = formulas ? values.map((row, r) => row.map((value, c) => withFormula(value, formulas[r]?.[c]))) : values;
  return { name, values: cells, originRow: origin.row, originColumn: origin.column };
}

/** A text constant that starts with "=" reads the same in `formulas` and `values`; a formula does not. */
function withFormula(value: unknown, formula: unknown): unknown {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  return isFormula ? { formula: formula.slice(1), result: value } : value;
}

/**
 * The used ranges of the sheets named `names` (core/spec's workbookSheetNames), matched as the core
 * matches them: by the name without surrounding spaces. Sheets by other names are not read.
 *
 * ExcelApi 1.4+: one sync asks for the sheet names and, for each name, the sheet by
 * getItemOrNullObject with its used range (a sheet that does not exist reads as a null object). A
 * sheet whose name differs from `names` only by surrounding spaces is not found that way: its used range
 * takes a second sync, only then. ExcelApi 1.1: the names, then the used ranges. Changes nothing.
 * With `formulas`, each range's formulas (ExcelApi 1.1) are loaded beside its values, in the same syncs.
 *
 * Each used range's rowCount and columnCount come in the same sync as its values: a workbook beyond
 * core's limits is refused with core's sentence (an ExcelHostError) before any value is parsed. Asking
 * for the sizes first would cost a sync; the values have crossed from Excel by then, and a range too
 * large for Office to send fails the sync itself (office-errors.ts words the payload errors).
 */
export async function readSheetGrids(
  context: Excel.RequestContext,
  names: readonly string[],
  options: ReadOptions = {},
): Promise<SheetGrid[]> {
  const properties = options.formulas
    ? "values, formulas, address, rowCount, columnCount"
    : "values, address, rowCount, columnCount";
  const worksheets = context.workbook.worksheets.load("items/name");
  const found = new Map<string, { worksheet: Excel.Worksheet; range: Excel.Range }>();
  if (supportsExcelApi("1.4")) {
    for (const name of names) {
      const worksheet = worksheets.getItemOrNullObject(name);
      found.set(name, { worksheet, range: worksheet.getUsedRange().load(properties) });
    }
  }
  await context.sync();

  const wanted = new Set(names);
  const usedRanges = worksheets.items
    .filter((worksheet) => wanted.has(worksheet.name.trim()))
    .map((worksheet) => {
      const probe = found.get(worksheet.name);
      const range = probe && !probe.worksheet.isNullObject ? probe.range : worksheet.getUsedRange().load(properties);
      return { name: worksheet.name, range, pending: range !== probe?.range };
    });
  if (usedRanges.some((usedRange) => usedRange.pending)) await context.sync();
  const tooLarge = usedRangesSizeProblem(
    usedRanges.map(({ name, range }) => ({ sheet: name, rows: range.rowCount, columns: range.columnCount })),
  );
  if (tooLarge) throw new ExcelHostError(tooLarge, null);
  return usedRanges.map(({ name, range }) =>
    gridFromRange(name, range.values, range.address, options.formulas ? range.formulas : undefined),
  );
}
