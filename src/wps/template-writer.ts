/**
 * A template plan's additions written through ET: new sheets with their values, formulas, number
 * formats, widths and drop-down lists; headers and rows appended to existing sheets. Only the cells the
 * plan names are written, each block in one 2-D write. Formats come from core's format plan, as in the
 * Excel writer (src/excel/template-writer.ts); what the ET subset lacks — a table's filter, centring,
 * frozen panes, activating a sheet — is left out, or done where WPS has it (Activate).
 */
import {
  rangeAddress,
  extensionFormat,
  formulaMatrix,
  headerFill,
  sheetFormat,
  type CellBlock,
  type ColumnFormat,
  type SheetExtension,
  type SheetFormat,
  type SheetGrid,
  type TemplatePlan,
} from "../core";
import {
  callIfPresent,
  xlBetween,
  xlValidAlertStop,
  xlValidateList,
  type EtWorksheet,
  type EtWorksheets,
} from "./et-types";

/** An "RRGGBB" colour as ET's BGR number (red + green × 256 + blue × 65536). */
export function etColor(rgb: string): number {
  const value = parseInt(rgb, 16);
  return ((value & 0xff) << 16) | (value & 0xff00) | ((value >> 16) & 0xff);
}

function writeBlock(worksheet: EtWorksheet, block: CellBlock): void {
  const matrix = formulaMatrix(block);
  worksheet.Range(rangeAddress(block.row, block.column, matrix.length, matrix[0]!.length)).Formula = matrix;
}

/** Widths in characters, as ET's ColumnWidth takes them. */
function setWidths(worksheet: EtWorksheet, columns: readonly ColumnFormat[]): void {
  for (const { column, width } of columns) {
    if (width !== undefined) worksheet.Range(rangeAddress(0, column, 1, 1)).ColumnWidth = width;
  }
}

/**
 * The columns' number formats and wrapping over `rows`, and with `lists` their drop-downs: 创建模板 does
 * not add lists to rows it appends to a sheet, whose columns may have lists of their own.
 */
function formatColumns(
  worksheet: EtWorksheet,
  columns: readonly ColumnFormat[],
  rows: { first: number; count: number },
  lists: boolean,
): void {
  for (const { column, numberFormat, wrap, choices } of columns) {
    const range = () => worksheet.Range(rangeAddress(rows.first, column, rows.count, 1));
    if (numberFormat) range().NumberFormat = numberFormat;
    if (wrap) range().WrapText = true;
    if (lists && choices) range().Validation.Add(xlValidateList, xlValidAlertStop, xlBetween, choices.join(","));
  }
}

function applyFormat(worksheet: EtWorksheet, format: SheetFormat): void {
  const header = worksheet.Range(rangeAddress(0, 0, 1, format.headerColumns));
  header.Font.Bold = true;
  header.Interior.Color = etColor(headerFill);
  header.WrapText = true;
  formatColumns(worksheet, format.columns, format.rows, true);
  setWidths(worksheet, format.columns);
}

/** Names a sheet just added `grid`'s name and writes it formatted (also 开始下一期's 历史数据). */
export function writeNewSheet(worksheet: EtWorksheet, grid: SheetGrid): void {
  worksheet.Name = grid.name;
  writeBlock(worksheet, { row: 0, column: 0, values: grid.values.map((row) => [...row]) });
  applyFormat(worksheet, sheetFormat(grid));
}

function writeExtension(worksheets: EtWorksheets, extension: SheetExtension): void {
  const worksheet = worksheets.Item(extension.sheet);
  for (const block of extension.blocks) writeBlock(worksheet, block);
  const format = extensionFormat(extension);
  if (format.rows) formatColumns(worksheet, format.columns, format.rows, false);
  setWidths(worksheet, format.widenedColumns);
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
  if (first) callIfPresent(first, "Activate");
}
