/**
 * Writing pipeline grids to .xlsx with the layout spec's formats: the template staff fill, and any
 * workbook the CLI produces. The add-in's 创建模板 applies the same spec through Office.js.
 */
import ExcelJS from "exceljs";
import { columnLetter, indicatorColumns, settingsSheetName, type ColumnSpec, type SheetGrid } from "../core";

/** Rows below the sample that still get validation lists and formats, for staff to add indicators. */
const spareRows = 200;

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const headerFont: Partial<ExcelJS.Font> = { bold: true, name: "宋体", size: 11 };

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

function formatIndicatorSheet(worksheet: ExcelJS.Worksheet, grid: SheetGrid): void {
  const headers = (grid.values[0] ?? []).map(String);
  const lastRow = Math.max(grid.values.length, 1) + spareRows;
  headers.forEach((header, c) => {
    const spec: ColumnSpec | undefined = indicatorColumns.find((column) => column.header === header);
    if (!spec) return;
    worksheet.getColumn(c + 1).width = spec.width;
    const letter = columnLetter(c);
    for (let r = 2; r <= lastRow; r += 1) {
      const cell = worksheet.getCell(r, c + 1);
      if (spec.numberFormat && spec.numberFormat !== "General") cell.numFmt = spec.numberFormat;
      if (spec.key === "template") cell.alignment = { wrapText: true, vertical: "top" };
    }
    if (spec.choices) {
      // ExcelJS has `dataValidations` at run time but not in its typings.
      (worksheet as unknown as { dataValidations: DataValidations }).dataValidations.add(
        `${letter}2:${letter}${lastRow}`,
        {
          type: "list",
          allowBlank: true,
          formulae: [`"${spec.choices.join(",")}"`],
          showErrorMessage: true,
          errorTitle: spec.header,
          error: `请从下拉列表中选择：${spec.choices.join(" ")}`,
        },
      );
    }
  });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  styleHeader(worksheet, headers.length);
}

function formatSettingsSheet(worksheet: ExcelJS.Worksheet, grid: SheetGrid): void {
  [16, 40, 56].forEach((width, i) => (worksheet.getColumn(i + 1).width = width));
  styleHeader(worksheet, grid.values[0]?.length ?? 3);
}

/** A workbook holding `grids`, formatted by the layout spec. */
export function gridsToWorkbook(grids: readonly SheetGrid[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "专报助手";
  for (const grid of grids) {
    const worksheet = workbook.addWorksheet(grid.name);
    writeValues(worksheet, grid);
    if (grid.name === settingsSheetName) formatSettingsSheet(worksheet, grid);
    else formatIndicatorSheet(worksheet, grid);
  }
  return workbook;
}
