/**
 * Writing pipeline grids to .xlsx with the layout spec's formats: the template staff fill, unit forms,
 * and any workbook the CLI or the pane (下载报送表) produces. The add-in's 创建模板 applies the same spec
 * through Office.js.
 */
import ExcelJS from "exceljs";
import {
  columnLetter,
  columnWidth,
  guideSheetName,
  indicatorColumns,
  itemColumns,
  itemLevels,
  itemsSheetName,
  rawCellText,
  settingsSheetName,
  type ColumnSpec,
  type SheetGrid,
} from "../core";

export interface WriteOptions {
  /** A unit's form: only the cells the unit fills are unlocked; sheets protected without a password. */
  unitForm?: boolean;
}

/** Rows below the data that still get validation lists and formats, for staff to add indicators. */
const spareRows = 200;
/** Rows a unit may add below the preset's in its form. */
const unitSpareRows = 30;

const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const lockedFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const headerFont: Partial<ExcelJS.Font> = { bold: true, name: "宋体", size: 11 };

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

function styleHeader(worksheet: ExcelJS.Worksheet, width: number): void {
  const header = worksheet.getRow(1);
  for (let c = 1; c <= width; c += 1) {
    const cell = header.getCell(c);
    cell.font = headerFont;
    cell.fill = headerFill;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  }
  worksheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** In a unit form, whether a column's cell in data row `r` (1-based) is open to the unit. */
function openToUnit(spec: ColumnSpec, r: number, dataRows: number): boolean {
  return spec.unitForm === "open" || (spec.unitForm === "new-rows" && r > dataRows + 1);
}

function formatIndicatorSheet(worksheet: ExcelJS.Worksheet, grid: SheetGrid, options: WriteOptions): void {
  const headers = (grid.values[0] ?? []).map(rawCellText);
  const dataRows = grid.values.length - 1;
  const lastRow = dataRows + 1 + (options.unitForm ? unitSpareRows : spareRows);
  headers.forEach((header, c) => {
    const spec = indicatorColumns.find((column) => column.header === header);
    if (!spec) return;
    for (let r = 2; r <= lastRow; r += 1) {
      const cell = worksheet.getCell(r, c + 1);
      if (spec.numberFormat && spec.numberFormat !== "General") cell.numFmt = spec.numberFormat;
      if (spec.key === "template") cell.alignment = { wrapText: true, vertical: "top" };
      if (!options.unitForm) continue;
      if (openToUnit(spec, r, dataRows)) cell.protection = { locked: false };
      else cell.fill = lockedFill;
    }
    if (spec.choices)
      listValidation(worksheet, `${columnLetter(c)}2:${columnLetter(c)}${lastRow}`, spec.header, spec.choices);
  });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  styleHeader(worksheet, headers.length);
}

/** Column widths from the layout spec, by the header text of the sheet's first row. */
function setColumnWidths(worksheet: ExcelJS.Worksheet, grid: SheetGrid): void {
  (grid.values[0] ?? []).forEach((header, c) => {
    const width = columnWidth(rawCellText(header));
    if (width !== undefined) worksheet.getColumn(c + 1).width = width;
  });
}

function formatSettingsSheet(worksheet: ExcelJS.Worksheet, grid: SheetGrid): void {
  styleHeader(worksheet, grid.values[0]?.length ?? 3);
}

function formatItemsSheet(worksheet: ExcelJS.Worksheet): void {
  const headers = Object.values(itemColumns);
  const levelColumn = columnLetter(headers.indexOf(itemColumns.level));
  listValidation(worksheet, `${levelColumn}2:${levelColumn}${spareRows}`, itemColumns.level, itemLevels);
  for (const header of [itemColumns.completion, itemColumns.schedule]) {
    const column = headers.indexOf(header) + 1;
    for (let r = 2; r <= spareRows; r += 1) worksheet.getCell(r, column).numFmt = "0.0%";
  }
  styleHeader(worksheet, headers.length);
}

function formatGuideSheet(worksheet: ExcelJS.Worksheet, grid: SheetGrid): void {
  styleHeader(worksheet, 2);
  // The 项目 | 内容 block: the unit fills 内容.
  for (let r = 2; r < grid.values.length && (grid.values[r - 1]?.length ?? 0) === 2; r += 1) {
    worksheet.getCell(r, 2).protection = { locked: false };
  }
}

/** A workbook holding `grids`, formatted by the layout spec. */
export async function gridsToWorkbook(
  grids: readonly SheetGrid[],
  options: WriteOptions = {},
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "专报助手";
  for (const grid of grids) {
    const worksheet = workbook.addWorksheet(grid.name);
    writeValues(worksheet, grid);
    setColumnWidths(worksheet, grid);
    if (grid.name === settingsSheetName) formatSettingsSheet(worksheet, grid);
    else if (grid.name === itemsSheetName) formatItemsSheet(worksheet);
    else if (grid.name === guideSheetName) formatGuideSheet(worksheet, grid);
    else formatIndicatorSheet(worksheet, grid, options);
    if (options.unitForm) await worksheet.protect("", unitProtection);
  }
  return workbook;
}
