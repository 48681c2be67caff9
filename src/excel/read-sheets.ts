/** Every sheet's used range as a SheetGrid, in two syncs however many sheets the workbook has. */
import { parseAddress, type SheetGrid } from "../core";

/** The grid of a used range: `address` ("Sheet!B3:F20") places values[0][0] in the sheet. */
export function gridFromRange(name: string, values: unknown[][], address: string): SheetGrid {
  const firstCell = address.slice(address.lastIndexOf("!") + 1).split(":")[0] ?? "";
  const origin = parseAddress(firstCell) ?? { row: 0, column: 0 };
  return { name, values, originRow: origin.row, originColumn: origin.column };
}

/** Sync 1: the sheet names; sync 2: each sheet's used range (values and address). Changes nothing. */
export async function readSheetGrids(context: Excel.RequestContext): Promise<SheetGrid[]> {
  const worksheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const usedRanges = worksheets.items.map((worksheet) => ({
    name: worksheet.name,
    range: worksheet.getUsedRange().load("values, address"),
  }));
  await context.sync();
  return usedRanges.map(({ name, range }) => gridFromRange(name, range.values, range.address));
}
