/**
 * An ExcelJS worksheet as a SheetGrid, shared by the CLI (Node) and the pane (browser build of
 * ExcelJS). The worksheet is described by its shape only: src/core imports no file library.
 */
import type { SheetGrid } from "../core/reading";

/** The part of an ExcelJS worksheet the conversion reads. */
export interface WorksheetLike {
  name: string;
  eachRow(options: { includeEmpty: boolean }, callback: (row: { values: unknown }, rowNumber: number) => void): void;
}

export function worksheetGrid(worksheet: WorksheetLike): SheetGrid {
  const values: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // ExcelJS row.values is 1-based: index 0 is always empty.
    const cells = (row.values as unknown[]).slice(1);
    values[rowNumber - 1] = cells.map((value) => value ?? null);
  });
  for (let i = 0; i < values.length; i += 1) values[i] ??= [];
  return { name: worksheet.name, values };
}
