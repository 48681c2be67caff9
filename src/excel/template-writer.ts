/**
 * A template plan's additions queued on the workbook, for the caller's single sync: new sheets with
 * their values, formulas, table, number formats, widths and drop-down lists; headers and rows appended
 * to existing sheets. Only the cells the plan names are written.
 */
import {
  columnLetter,
  columnWidth,
  indicatorColumns,
  itemColumns,
  itemLevels,
  includeChoices,
  itemsSheetName,
  narrativeColumns,
  narrativeSheetName,
  settingsSheetName,
  formulaMatrix,
  type CellBlock,
  type SheetExtension,
  type SheetGrid,
  type TemplatePlan,
} from "../core";
import { supportsExcelApi } from "./api-support";

/** Rows below the preset's that get formats and lists too, for staff to add indicators. */
const spareRows = 200;

const headerFill = "#DDEBF7";

/** Excel sets widths in points; the layout gives characters (7-pixel digits plus 5 pixels of padding). */
function characterWidthInPoints(characters: number): number {
  return ((characters * 7 + 5) * 3) / 4;
}

function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetter(column)}${row + 1}`;
  return rows === 1 && columns === 1 ? start : `${start}:${columnLetter(column + columns - 1)}${row + rows}`;
}

/** A sheet-qualified address, as tables.add needs (unqualified means the active sheet). */
function qualifiedAddress(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

function writeBlock(worksheet: Excel.Worksheet, block: CellBlock): void {
  const matrix = formulaMatrix(block);
  worksheet.getRange(rangeAddress(block.row, block.column, matrix.length, matrix[0]!.length)).formulas = matrix;
}

function columnRange(worksheet: Excel.Worksheet, column: number, firstRow: number, rows: number): Excel.Range {
  return worksheet.getRange(rangeAddress(firstRow, column, rows, 1));
}

function setNumberFormat(worksheet: Excel.Worksheet, column: number, firstRow: number, rows: number, format: string) {
  columnRange(worksheet, column, firstRow, rows).numberFormat = Array.from({ length: rows }, () => [format]);
}

function styleHeader(worksheet: Excel.Worksheet, columns: number): void {
  const header = worksheet.getRange(rangeAddress(0, 0, 1, columns));
  header.format.font.bold = true;
  header.format.fill.color = headerFill;
}

function setWidths(worksheet: Excel.Worksheet, widths: readonly { column: number; characters: number }[]): void {
  if (supportsExcelApi("1.2")) {
    for (const { column, characters } of widths) {
      worksheet.getRange(rangeAddress(0, column, 1, 1)).format.columnWidth = characterWidthInPoints(characters);
    }
  }
}

function addDropDown(range: Excel.Range, choices: readonly string[]): void {
  if (supportsExcelApi("1.8")) {
    range.dataValidation.rule = { list: { inCellDropDown: true, source: choices.join(",") } };
  }
}

function headersOf(grid: SheetGrid): string[] {
  return (grid.values[0] ?? []).map((value) => String(value ?? ""));
}

/** Number format and wrapping of the indicator columns in `rows` sheet rows from `firstRow`. */
function formatIndicatorCells(
  worksheet: Excel.Worksheet,
  columns: readonly { header: string; column: number }[],
  firstRow: number,
  rows: number,
): void {
  for (const { header, column } of columns) {
    const spec = indicatorColumns.find((candidate) => candidate.header === header);
    if (spec?.numberFormat && spec.numberFormat !== "General") {
      setNumberFormat(worksheet, column, firstRow, rows, spec.numberFormat);
    }
    if (spec?.key === "template") columnRange(worksheet, column, firstRow, rows).format.wrapText = true;
  }
}

function queueCategorySheet(worksheet: Excel.Worksheet, grid: SheetGrid): void {
  const headers = headersOf(grid);
  const columns = headers.map((header, column) => ({ header, column }));
  const formattedRows = grid.values.length - 1 + spareRows;
  worksheet.tables.add(qualifiedAddress(grid.name, rangeAddress(0, 0, grid.values.length, headers.length)), true);
  formatIndicatorCells(worksheet, columns, 1, formattedRows);
  for (const { header, column } of columns) {
    const choices = indicatorColumns.find((spec) => spec.header === header)?.choices;
    if (choices) addDropDown(columnRange(worksheet, column, 1, formattedRows), choices);
  }
}

function queueItemsSheet(worksheet: Excel.Worksheet, grid: SheetGrid): void {
  const headers = headersOf(grid);
  styleHeader(worksheet, headers.length);
  for (const header of [itemColumns.completion, itemColumns.schedule]) {
    setNumberFormat(worksheet, headers.indexOf(header), 1, spareRows, "0.0%");
  }
  addDropDown(columnRange(worksheet, headers.indexOf(itemColumns.level), 1, spareRows), itemLevels);
}

function queueNarrativeSheet(worksheet: Excel.Worksheet, grid: SheetGrid): void {
  const headers = headersOf(grid);
  const rows = grid.values.length - 1 + spareRows;
  styleHeader(worksheet, headers.length);
  columnRange(worksheet, headers.indexOf(narrativeColumns.body), 1, rows).format.wrapText = true;
  addDropDown(columnRange(worksheet, headers.indexOf(narrativeColumns.include), 1, rows), includeChoices);
}

function queueNewSheet(worksheets: Excel.WorksheetCollection, grid: SheetGrid): Excel.Worksheet {
  const worksheet = worksheets.add(grid.name);
  writeBlock(worksheet, { row: 0, column: 0, values: grid.values.map((row) => [...row]) });
  if (grid.name === settingsSheetName) styleHeader(worksheet, headersOf(grid).length);
  else if (grid.name === itemsSheetName) queueItemsSheet(worksheet, grid);
  else if (grid.name === narrativeSheetName) queueNarrativeSheet(worksheet, grid);
  else queueCategorySheet(worksheet, grid);
  setWidths(
    worksheet,
    headersOf(grid).flatMap((header, column) => {
      const characters = columnWidth(header);
      return characters === undefined ? [] : [{ column, characters }];
    }),
  );
  return worksheet;
}

function queueExtension(worksheets: Excel.WorksheetCollection, extension: SheetExtension): void {
  const worksheet = worksheets.getItem(extension.sheet);
  for (const block of extension.blocks) writeBlock(worksheet, block);
  if (extension.addedRows) {
    formatIndicatorCells(worksheet, extension.columns, extension.addedRows.first, extension.addedRows.count);
  }
  setWidths(
    worksheet,
    extension.addedColumns.flatMap(({ header, column }) => {
      const characters = columnWidth(header);
      return characters === undefined ? [] : [{ column, characters }];
    }),
  );
}

/** Queues every addition of `plan`; the first new sheet is shown. Nothing is synced here. */
export function queueTemplatePlan(context: Excel.RequestContext, plan: TemplatePlan): void {
  const worksheets = context.workbook.worksheets;
  for (const extension of plan.extensions) queueExtension(worksheets, extension);
  const created = plan.newSheets.map((grid) => queueNewSheet(worksheets, grid));
  created[0]?.activate();
}
