/**
 * A template plan's additions written through ET: new sheets with their values, formulas, number
 * formats, widths and drop-down lists; headers and rows appended to existing sheets. Only the cells the
 * plan names are written, each block in one 2-D write. The same plan and layout data as the Excel writer
 * (src/excel/template-writer.ts); ET has no tables in the subset, so a category sheet's header is styled
 * like the other sheets'. Activating the first new sheet is outside the subset: done where WPS has it.
 */
import {
  columnLetter,
  columnWidth,
  formulaMatrix,
  includeChoices,
  indicatorColumns,
  itemColumns,
  itemLevels,
  itemsSheetName,
  narrativeColumns,
  narrativeSheetName,
  settingsSheetName,
  type CellBlock,
  type SheetExtension,
  type SheetGrid,
  type TemplatePlan,
} from "../core";
import {
  xlBetween,
  xlValidAlertStop,
  xlValidateList,
  type EtRange,
  type EtWorksheet,
  type EtWorksheets,
} from "./et-types";

/** Rows below the preset's that get formats and lists too, for staff to add indicators (as in Excel). */
const spareRows = 200;

/** #DDEBF7, the header fill of the Excel template, as ET's BGR number. */
const headerFill = 0xf7ebdd;

function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetter(column)}${row + 1}`;
  return rows === 1 && columns === 1 ? start : `${start}:${columnLetter(column + columns - 1)}${row + rows}`;
}

function writeBlock(worksheet: EtWorksheet, block: CellBlock): void {
  const matrix = formulaMatrix(block);
  worksheet.Range(rangeAddress(block.row, block.column, matrix.length, matrix[0]!.length)).Formula = matrix;
}

function columnRange(worksheet: EtWorksheet, column: number, firstRow: number, rows: number): EtRange {
  return worksheet.Range(rangeAddress(firstRow, column, rows, 1));
}

function styleHeader(worksheet: EtWorksheet, columns: number): void {
  const header = worksheet.Range(rangeAddress(0, 0, 1, columns));
  header.Font.Bold = true;
  header.Interior.Color = headerFill;
}

function setWidths(worksheet: EtWorksheet, columns: readonly { header: string; column: number }[]): void {
  for (const { header, column } of columns) {
    const characters = columnWidth(header);
    if (characters !== undefined) worksheet.Range(rangeAddress(0, column, 1, 1)).ColumnWidth = characters;
  }
}

function addDropDown(range: EtRange, choices: readonly string[]): void {
  range.Validation.Add(xlValidateList, xlValidAlertStop, xlBetween, choices.join(","));
}

function headersOf(grid: SheetGrid): { header: string; column: number }[] {
  return (grid.values[0] ?? []).map((value, column) => ({ header: String(value ?? ""), column }));
}

/** Number format and wrapping of the indicator columns in `rows` sheet rows from `firstRow`. */
function formatIndicatorCells(
  worksheet: EtWorksheet,
  columns: readonly { header: string; column: number }[],
  firstRow: number,
  rows: number,
): void {
  for (const { header, column } of columns) {
    const spec = indicatorColumns.find((candidate) => candidate.header === header);
    if (spec?.numberFormat && spec.numberFormat !== "General") {
      columnRange(worksheet, column, firstRow, rows).NumberFormat = spec.numberFormat;
    }
    if (spec?.key === "template") columnRange(worksheet, column, firstRow, rows).WrapText = true;
  }
}

function formatCategorySheet(worksheet: EtWorksheet, grid: SheetGrid): void {
  const columns = headersOf(grid);
  const formattedRows = grid.values.length - 1 + spareRows;
  styleHeader(worksheet, columns.length);
  formatIndicatorCells(worksheet, columns, 1, formattedRows);
  for (const { header, column } of columns) {
    const choices = indicatorColumns.find((spec) => spec.header === header)?.choices;
    if (choices) addDropDown(columnRange(worksheet, column, 1, formattedRows), choices);
  }
}

function formatItemsSheet(worksheet: EtWorksheet, grid: SheetGrid): void {
  const headers = headersOf(grid).map(({ header }) => header);
  styleHeader(worksheet, headers.length);
  for (const header of [itemColumns.completion, itemColumns.schedule]) {
    columnRange(worksheet, headers.indexOf(header), 1, spareRows).NumberFormat = "0.0%";
  }
  addDropDown(columnRange(worksheet, headers.indexOf(itemColumns.level), 1, spareRows), itemLevels);
}

function formatNarrativeSheet(worksheet: EtWorksheet, grid: SheetGrid): void {
  const headers = headersOf(grid).map(({ header }) => header);
  const rows = grid.values.length - 1 + spareRows;
  styleHeader(worksheet, headers.length);
  columnRange(worksheet, headers.indexOf(narrativeColumns.body), 1, rows).WrapText = true;
  addDropDown(columnRange(worksheet, headers.indexOf(narrativeColumns.include), 1, rows), includeChoices);
}

function writeNewSheet(worksheet: EtWorksheet, grid: SheetGrid): void {
  worksheet.Name = grid.name;
  writeBlock(worksheet, { row: 0, column: 0, values: grid.values.map((row) => [...row]) });
  if (grid.name === settingsSheetName) styleHeader(worksheet, headersOf(grid).length);
  else if (grid.name === itemsSheetName) formatItemsSheet(worksheet, grid);
  else if (grid.name === narrativeSheetName) formatNarrativeSheet(worksheet, grid);
  else formatCategorySheet(worksheet, grid);
  setWidths(worksheet, headersOf(grid));
}

function writeExtension(worksheets: EtWorksheets, extension: SheetExtension): void {
  const worksheet = worksheets.Item(extension.sheet);
  for (const block of extension.blocks) writeBlock(worksheet, block);
  if (extension.addedRows) {
    formatIndicatorCells(worksheet, extension.columns, extension.addedRows.first, extension.addedRows.count);
  }
  setWidths(worksheet, extension.addedColumns);
}

/** Whether this WPS has `member` on `host` (outside the subset: used only where present). */
function has(host: object, member: string): boolean {
  return member in host && typeof (host as Record<string, unknown>)[member] === "function";
}

/**
 * Writes every addition of `plan`. Worksheets.Add() puts a sheet before the active one and activates
 * it, so the new sheets are added last to first and end up in the template's order, the first shown.
 */
export function writeTemplatePlan(worksheets: EtWorksheets, plan: TemplatePlan): void {
  for (const extension of plan.extensions) writeExtension(worksheets, extension);
  let first: EtWorksheet | null = null;
  for (const grid of [...plan.newSheets].reverse()) {
    first = worksheets.Add();
    writeNewSheet(first, grid);
  }
  if (first && has(first, "Activate")) (first as EtWorksheet & { Activate(): void }).Activate();
}
