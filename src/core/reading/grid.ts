/** A sheet's cells as a host read them: the one input shape of the pipeline. */
import { columnLetter } from "../spec/a1";
import { type CellValue, isEmptyCell, rawCellText, readCell } from "./cells";

export interface SheetGrid {
  name: string;
  /** Row-major raw values, as Office.js `Range.values` or ExcelJS `cell.value` deliver them. */
  values: readonly (readonly unknown[])[];
  /** Zero-based sheet position of values[0][0]; a used range need not start at A1. */
  originRow?: number;
  originColumn?: number;
}

/** Positions and cells of a grid in sheet coordinates. */
export class GridReader {
  readonly originRow: number;
  readonly originColumn: number;

  constructor(readonly grid: SheetGrid) {
    this.originRow = grid.originRow ?? 0;
    this.originColumn = grid.originColumn ?? 0;
  }

  get rowCount(): number {
    return this.grid.values.length;
  }

  private readonly letters: string[] = [];

  /** A1 address in the sheet of zero-based grid indices. */
  address(row: number, column: number): string {
    const letter = (this.letters[column] ??= columnLetter(column + this.originColumn));
    return `${letter}${row + this.originRow + 1}`;
  }

  // Cells are read from the raw values on each call rather than parsed a row at a time: most are
  // strings and numbers, read without building a cell, and a large sheet leaves no garbage per cell.

  /** Cell at zero-based grid indices. */
  cell(row: number, column: number): CellValue {
    return readCell(this.grid.values[row]?.[column]);
  }

  text(row: number, column: number): string {
    return rawCellText(this.grid.values[row]?.[column]);
  }

  rowWidth(row: number): number {
    return this.grid.values[row]?.length ?? 0;
  }

  isBlankRow(row: number): boolean {
    const values = this.grid.values[row];
    if (!values) return true;
    for (let column = 0; column < values.length; column += 1) {
      if (!isEmptyCell(values[column])) return false;
    }
    return true;
  }

  /** The first row (within the first `limit`) holding a cell whose text is `header`. */
  findHeaderRow(header: string, limit = 20): number | null {
    for (let row = 0; row < Math.min(limit, this.rowCount); row += 1) {
      for (let column = 0; column < this.rowWidth(row); column += 1) {
        if (normalizeHeader(this.text(row, column)) === header) return row;
      }
    }
    return null;
  }

  /** Header text → grid column index for a header row. The first occurrence of a header wins. */
  headerColumns(row: number): Map<string, number> {
    const columns = new Map<string, number>();
    for (let column = 0; column < this.rowWidth(row); column += 1) {
      const header = normalizeHeader(this.text(row, column));
      if (header && !columns.has(header)) columns.set(header, column);
    }
    return columns;
  }
}

/** Headers are matched on their text with spaces and line breaks removed ("本 期 值" is 本期值). */
export function normalizeHeader(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}
