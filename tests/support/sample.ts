/** Test helpers: the sample workbook's grids and surgical edits to them, addressed the Excel way. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { kaijuBahao, parseAddress, workbookGrids, type SheetGrid } from "../../src/core";

/** The golden texts: copies kept in the project (tests/fixtures/README.md says where each came from). */
export const referenceDir = join(__dirname, "..", "fixtures", "reference");

export function referenceText(file: string): string {
  return readFileSync(join(referenceDir, file), "utf8");
}

export function referenceLines(file: string): string[] {
  return readFileSync(join(referenceDir, file), "utf8")
    .split("\n")
    .filter((line) => line !== "");
}

/** The sample as the template writer caches it: formulas with their computed results. */
export function cachedSampleGrids(): SheetGrid[] {
  return workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
}

/**
 * The sample with every formula's cached result dropped, as a file no spreadsheet has recalculated:
 * edits to inputs then cannot leave a stale 完成率 or 同比 behind.
 */
export function sampleGrids(): SheetGrid[] {
  return cachedSampleGrids().map((grid) => ({
    ...grid,
    values: grid.values.map((row) =>
      row.map((value) =>
        value !== null && typeof value === "object" && "formula" in value ? { formula: value.formula } : value,
      ),
    ),
  }));
}

function mutable(grid: SheetGrid): unknown[][] {
  return grid.values as unknown[][];
}

/** Sets one cell (A1 address) of a sheet in place and returns the grids. */
export function setCell(grids: SheetGrid[], sheet: string, address: string, value: unknown): SheetGrid[] {
  const grid = grids.find((g) => g.name === sheet);
  const position = parseAddress(address);
  if (!grid || !position) throw new Error(`no ${sheet}!${address}`);
  const rows = mutable(grid);
  while (rows.length <= position.row) rows.push([]);
  const row = rows[position.row]!;
  while (row.length <= position.column) row.push(null);
  row[position.column] = value;
  return grids;
}

export function withCells(edits: readonly [sheet: string, address: string, value: unknown][]): SheetGrid[] {
  const grids = sampleGrids();
  for (const [sheet, address, value] of edits) setCell(grids, sheet, address, value);
  return grids;
}

export function withoutSheet(name: string): SheetGrid[] {
  return sampleGrids().filter((grid) => grid.name !== name);
}

/** Removes a column (by header text) from a sheet, shifting the rest left. */
export function withoutColumn(sheet: string, header: string): SheetGrid[] {
  const grids = sampleGrids();
  const grid = grids.find((g) => g.name === sheet)!;
  const index = grid.values[0]!.indexOf(header);
  for (const row of mutable(grid)) row.splice(index, 1);
  return grids;
}
