/**
 * Writing pipeline grids to .xlsx with the layout spec's formats: the template staff fill, unit forms,
 * and any workbook the CLI or the pane (下载报送表) produces. The formats are core's format plan
 * (format-plan.ts), which the add-in's 创建模板 applies through Office.js.
 */
import ExcelJS from "exceljs";
import {
  columnLetter,
  headerFill,
  lockedFill,
  openToUnit,
  sheetFormat,
  type SheetFormat,
  type SheetGrid,
} from "../core";
import { withQuotePrefix } from "./quote-prefix";

export interface WriteOptions {
  /** A unit's form: only the cells the unit fills are unlocked; sheets protected without a password. */
  unitForm?: boolean;
}

const solid = (rgb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } });

/** Protection that still lets a unit select, resize and filter, with no password to lose. */
const unitProtection: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
};

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function validations(worksheet: ExcelJS.Worksheet): DataValidations {
  // ExcelJS has `dataValidations` at run time but not in its typings.
  return (worksheet as unknown as { dataValidations: DataValidations }).dataValidations;
}

function listValidation(worksheet: ExcelJS.Worksheet, range: string, title: string, choices: readonly string[]): void {
  validations(worksheet).add(range, {
    type: "list",
    allowBlank: true,
    formulae: [`"${choices.join(",")}"`],
    showErrorMessage: true,
    errorTitle: title,
    error: `请从下拉列表中选择：${choices.join(" ")}`,
  });
}

function writeValues(worksheet: ExcelJS.Worksheet, grid: SheetGrid): void {
  grid.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === "" || value === null || value === undefined) return;
      worksheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    });
  });
}

/** Applies core's format plan of a sheet: header, widths, the columns' formats over the data rows. */
function applyFormat(worksheet: ExcelJS.Worksheet, format: SheetFormat): void {
  const header = worksheet.getRow(1);
  for (let c = 1; c <= format.headerColumns; c += 1) {
    const cell = header.getCell(c);
    cell.font = { bold: true };
    cell.fill = solid(headerFill);
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  }
  worksheet.views = [{ state: "frozen", ySplit: 1 }];
  if (format.filter)
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: format.headerColumns } };
  const { first, count } = format.rows;
  for (const column of format.columns) {
    if (column.width !== undefined) worksheet.getColumn(column.column + 1).width = column.width;
    for (let row = first; row < first + count; row += 1) {
      const cell = worksheet.getCell(row + 1, column.column + 1);
      if (column.numberFormat) cell.numFmt = column.numberFormat;
      if (column.wrap) cell.alignment = { wrapText: true, vertical: "top" };
      if (!format.protect || column.access === undefined) continue;
      if (openToUnit(format, column, row)) cell.protection = { locked: false };
      else cell.fill = solid(lockedFill);
    }
    if (column.choices) {
      const letter = columnLetter(column.column);
      listValidation(worksheet, `${letter}${first + 1}:${letter}${first + count}`, column.header, column.choices);
    }
  }
}

/** Adds `grid` to `workbook` as a sheet formatted by core's format plan (also 开始下一期's 历史数据). */
export async function addSheet(workbook: ExcelJS.Workbook, grid: SheetGrid, options: WriteOptions = {}): Promise<void> {
  const worksheet = workbook.addWorksheet(grid.name);
  writeValues(worksheet, grid);
  const format = sheetFormat(grid, options);
  applyFormat(worksheet, format);
  if (format.protect) await worksheet.protect("", unitProtection);
}

/** A workbook holding `grids`, formatted by core's format plan. */
export async function gridsToWorkbook(
  grids: readonly SheetGrid[],
  options: WriteOptions = {},
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "专报助手";
  for (const grid of grids) await addSheet(workbook, grid, options);
  return workbook;
}

/** A workbook's .xlsx bytes, text that Excel would take for a formula quote-prefixed (quote-prefix.ts). */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return withQuotePrefix(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
