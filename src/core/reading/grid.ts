/** A sheet's cells as a host read them: the one input shape of the pipeline. */
import { isEmptyCell, rawCellText, readCell } from "./cells";
import { type CellReading, TableReader } from "./table-reader";

export { normalizeHeader } from "./table-reader";

export interface SheetGrid {
  name: string;
  /** Row-major raw values, as Office.js `Range.values` or ExcelJS `cell.value` deliver them. */
  values: readonly (readonly unknown[])[];
  /** Zero-based sheet position of values[0][0]; a used range need not start at A1. */
  originRow?: number;
  originColumn?: number;
}

const hostCells: CellReading = { read: readCell, text: rawCellText, isEmpty: isEmptyCell };

/** A grid read as any host delivers it, ExcelJS's object shapes included. */
export type GridReader = TableReader;

export function gridReader(grid: SheetGrid): GridReader {
  return new TableReader(grid, hostCells);
}
