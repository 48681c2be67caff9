/**
 * A template plan's additions queued on the workbook, for the caller's single sync: new sheets with
 * their values, formulas, table, number formats, widths and drop-down lists; headers and rows appended
 * to existing sheets. Only the cells the plan names are written.
 */
import {
  rangeAddress,
  extensionFormat,
  headerFill,
  sheetFormat,
  formulaMatrix,
  type CellBlock,
  type ColumnFormat,
  type SheetExtension,
  type SheetFormat,
  type SheetGrid,
  type TemplatePlan,
} from "../core";
import { supportsExcelApi } from "./api-support";

/**
 * Protects a sheet as the .xlsx writer does: no password; selecting, resizing and filtering allowed.
 * Only where this Excel can also lift it again (unprotect is ExcelApi 1.7 as typed), so that 开始下一期
 * can write 历史数据 later; elsewhere the sheet stays unprotected.
 */
export function queueProtection(worksheet: Excel.Worksheet): void {
  if (supportsExcelApi("1.7")) {
    worksheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
  }
}

/** Excel sets widths in points; the layout gives characters (7-pixel digits plus 5 pixels of padding). */
function characterWidthInPoints(characters: number): number {
  return ((characters * 7 + 5) * 3) / 4;
}

/** A sheet-qualified address, as tables.add needs (unqualified means the active sheet). */
function qualifiedAddress(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

function writeBlock(worksheet: Excel.Worksheet, block: CellBlock): void {
  const matrix = formulaMatrix(block);
  worksheet.getRange(rangeAddress(block.row, block.column, matrix.length, matrix[0]!.length)).formulas = matrix;
}

function setWidths(worksheet: Excel.Worksheet, columns: readonly ColumnFormat[]): void {
  if (supportsExcelApi("1.2")) {
    for (const { column, width } of columns) {
      if (width === undefined) continue;
      worksheet.getRange(rangeAddress(0, column, 1, 1)).format.columnWidth = characterWidthInPoints(width);
    }
  }
}

/**
 * The columns' number formats and wrapping over `rows`, and with `lists` their drop-downs: 创建模板 does
 * not add lists to rows it appends to a sheet, whose columns may have lists of their own.
 */
function formatColumns(
  worksheet: Excel.Worksheet,
  columns: readonly ColumnFormat[],
  rows: { first: number; count: number },
  lists: boolean,
): void {
  for (const { column, numberFormat, wrap, choices } of columns) {
    const range = () => worksheet.getRange(rangeAddress(rows.first, column, rows.count, 1));
    if (numberFormat) range().numberFormat = Array.from({ length: rows.count }, () => [numberFormat]);
    if (wrap) range().format.wrapText = true;
    if (lists && choices && supportsExcelApi("1.8")) {
      range().dataValidation.rule = { list: { inCellDropDown: true, source: choices.join(",") } };
    }
  }
}

/** Applies core's format plan of a new sheet; a filter comes with the table Excel makes of the header. */
function applyFormat(worksheet: Excel.Worksheet, format: SheetFormat, tableRows: number): void {
  if (format.filter) {
    const table = rangeAddress(0, 0, tableRows, format.headerColumns);
    worksheet.tables.add(qualifiedAddress(format.sheet, table), true);
  }
  const header = worksheet.getRange(rangeAddress(0, 0, 1, format.headerColumns));
  header.format.font.bold = true;
  header.format.fill.color = `#${headerFill}`;
  header.format.horizontalAlignment = "Center";
  header.format.verticalAlignment = "Center";
  header.format.wrapText = true;
  if (supportsExcelApi("1.7")) worksheet.freezePanes.freezeRows(1);
  formatColumns(worksheet, format.columns, format.rows, true);
  setWidths(worksheet, format.columns);
}

/** Adds `grid` as a new sheet, formatted by core's format plan (also 开始下一期's 历史数据). */
export function queueNewSheet(worksheets: Excel.WorksheetCollection, grid: SheetGrid): Excel.Worksheet {
  const worksheet = worksheets.add(grid.name);
  writeBlock(worksheet, { row: 0, column: 0, values: grid.values.map((row) => [...row]) });
  applyFormat(worksheet, sheetFormat(grid), grid.values.length);
  return worksheet;
}

function queueExtension(worksheets: Excel.WorksheetCollection, extension: SheetExtension): void {
  const worksheet = worksheets.getItem(extension.sheet);
  for (const block of extension.blocks) writeBlock(worksheet, block);
  const format = extensionFormat(extension);
  if (format.rows) formatColumns(worksheet, format.columns, format.rows, false);
  setWidths(worksheet, format.widenedColumns);
}

/** Queues every addition of `plan`; the first new sheet is shown. Nothing is synced here. */
export function queueTemplatePlan(context: Excel.RequestContext, plan: TemplatePlan): void {
  const worksheets = context.workbook.worksheets;
  for (const extension of plan.extensions) queueExtension(worksheets, extension);
  const created = plan.newSheets.map((grid) => queueNewSheet(worksheets, grid));
  created[0]?.activate();
  // Protection last: a protected sheet refuses the writes queued after it.
  plan.newSheets.forEach((grid, i) => {
    if (sheetFormat(grid).protect) queueProtection(created[i]!);
  });
}
