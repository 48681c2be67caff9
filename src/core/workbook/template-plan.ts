/**
 * 创建模板 on a workbook that may already hold staff's figures: what to add so that it has every sheet,
 * header column, preset row and settings item of the template, without touching a cell that exists.
 * Hosts (Excel, the preview) only apply the plan.
 */
import { columnLetter } from "../spec/a1";
import { rawCellText } from "../reading/cells";
import { GridReader, normalizeHeader, type SheetGrid } from "../reading/grid";
import { type IndicatorColumnKey, indicatorColumns, settingsColumns, settingsSheetName } from "../spec/layout";
import type { TemplateReport } from "./workbook-host";
import { type ColumnLetters, derivedFormula, type FormulaCell, type FormulaStyle } from "./workbook-template";

/** A rectangle of cells to write; (row, column) is the zero-based sheet position of values[0][0]. */
export interface CellBlock {
  row: number;
  column: number;
  values: unknown[][];
}

/** A template header and the zero-based sheet column it sits in. */
export interface TableColumn {
  header: string;
  column: number;
}

/** Additions to a sheet the workbook already has. */
export interface SheetExtension {
  /** The sheet's name as the workbook spells it. */
  sheet: string;
  /** Zero-based sheet row of the header. */
  headerRow: number;
  /** Every template column where it sits once the additions are made. */
  columns: TableColumn[];
  addedColumns: TableColumn[];
  /** Zero-based sheet rows of the appended template rows. */
  addedRows: { first: number; count: number } | null;
  /** The cells to write: the added headers, then the appended rows. */
  blocks: CellBlock[];
}

export interface TemplatePlan {
  /** Template sheets the workbook lacks, to be added whole (values from A1). */
  newSheets: SheetGrid[];
  extensions: SheetExtension[];
  report: TemplateReport;
}

export interface PlanOptions {
  /** The formula style the template grids were built with, for formulas rewritten to new places. */
  formulas: FormulaStyle;
}

function isFormulaCell(value: unknown): value is FormulaCell {
  return typeof value === "object" && value !== null && "formula" in value;
}

/** Zero-based sheet rows/columns of the last non-empty cell at or below `fromRow`, or null if none. */
function usedExtent(reader: GridReader, fromRow: number): { lastRow: number; lastColumn: number } | null {
  let lastRow = -1;
  let lastColumn = -1;
  for (let row = fromRow; row < reader.rowCount; row += 1) {
    for (let column = 0; column < reader.rowWidth(row); column += 1) {
      if (reader.cell(row, column).kind === "empty") continue;
      lastRow = row;
      lastColumn = Math.max(column, lastColumn);
    }
  }
  if (lastRow < 0) return null;
  return { lastRow: lastRow + reader.originRow, lastColumn: lastColumn + reader.originColumn };
}

function rowKeys(reader: GridReader, headerRow: number, keyColumn: number | undefined): Set<string> {
  const keys = new Set<string>();
  if (keyColumn === undefined) return keys;
  for (let row = headerRow + 1; row < reader.rowCount; row += 1) {
    const key = reader.text(row, keyColumn);
    if (key) keys.add(key);
  }
  return keys;
}

/** The letters of the indicator columns a derived formula refers to, where this sheet has them. */
function indicatorLetters(columns: readonly TableColumn[]): ColumnLetters {
  const letters: Partial<Record<IndicatorColumnKey, string>> = {};
  for (const { header, column } of columns) {
    const spec = indicatorColumns.find((candidate) => candidate.header === header);
    if (spec) letters[spec.key] = columnLetter(column);
  }
  return letters;
}

/** A template cell as it must read in sheet row `row`: formulas are rewritten for their new place. */
function placedValue(
  value: unknown,
  header: string,
  row: number,
  letters: ColumnLetters,
  style: FormulaStyle,
): unknown {
  if (!isFormulaCell(value)) return value;
  const kind = indicatorColumns.find((spec) => spec.header === header)?.formula;
  if (!kind) throw new Error(`no formula is known for column ${header}`);
  return { formula: derivedFormula(kind, style, row + 1, letters), result: value.result } satisfies FormulaCell;
}

function isBlankSheet(reader: GridReader): boolean {
  return usedExtent(reader, 0) === null;
}

/**
 * Preset rows are added where the template's rows are structure: indicators and settings items. Other
 * sheets' rows (民生实事明细, 文字材料) are the office's own content, and a sample must not join it.
 */
const rowKeyHeaders: readonly string[] = [indicatorColumns[0]!.header, settingsColumns.item];

function rowKey(row: readonly unknown[]): string {
  return rawCellText(row[0]);
}

type SheetOutcome = { extension: SheetExtension; addedKeys: string[] } | { skipped: string };

function extendSheet(existing: SheetGrid, template: SheetGrid, options: PlanOptions): SheetOutcome {
  const reader = new GridReader(existing);
  const templateHeaders = (template.values[0] ?? []).map((value) => normalizeHeader(rawCellText(value)));
  const keyHeader = templateHeaders[0]!;
  const foundHeaderRow = reader.findHeaderRow(keyHeader);
  if (foundHeaderRow === null && !isBlankSheet(reader)) {
    return { skipped: `工作表“${existing.name}”中找不到表头“${keyHeader}”，未向该表补充内容` };
  }
  // A blank sheet gets the template's table at its top-left corner.
  const headerRow = foundHeaderRow ?? 0;
  const present = foundHeaderRow === null ? new Map<string, number>() : reader.headerColumns(headerRow);
  const extent = usedExtent(reader, headerRow);
  let nextColumn = extent ? extent.lastColumn + 1 : reader.originColumn;
  const columns: TableColumn[] = [];
  const addedColumns: TableColumn[] = [];
  for (const header of templateHeaders) {
    const index = present.get(header);
    if (index !== undefined) {
      columns.push({ header, column: index + reader.originColumn });
      continue;
    }
    const added = { header, column: nextColumn };
    nextColumn += 1;
    columns.push(added);
    addedColumns.push(added);
  }

  const sheetHeaderRow = headerRow + reader.originRow;
  const blocks: CellBlock[] = [];
  if (addedColumns.length > 0) {
    blocks.push({
      row: sheetHeaderRow,
      column: addedColumns[0]!.column,
      values: [addedColumns.map((column) => column.header)],
    });
  }

  const existingKeys = rowKeys(reader, headerRow, present.get(keyHeader));
  const templateRows = rowKeyHeaders.includes(keyHeader) ? template.values.slice(1) : [];
  const missingRows = templateRows.filter((row) => !existingKeys.has(rowKey(row)));
  const firstRow = Math.max(extent?.lastRow ?? sheetHeaderRow, sheetHeaderRow) + 1;
  const letters = indicatorLetters(columns);
  const leftColumn = columns.reduce((left, column) => Math.min(left, column.column), Infinity);
  const width = columns.reduce((right, column) => Math.max(right, column.column), -Infinity) - leftColumn + 1;
  const rowValues = missingRows.map((templateRow, i) => {
    const cells: unknown[] = new Array<unknown>(width).fill("");
    templateHeaders.forEach((header, j) => {
      const column = columns[j]!.column;
      cells[column - leftColumn] = placedValue(templateRow[j] ?? "", header, firstRow + i, letters, options.formulas);
    });
    return cells;
  });
  if (rowValues.length > 0) blocks.push({ row: firstRow, column: leftColumn, values: rowValues });

  return {
    extension: {
      sheet: existing.name,
      headerRow: sheetHeaderRow,
      columns,
      addedColumns,
      addedRows: rowValues.length > 0 ? { first: firstRow, count: rowValues.length } : null,
      blocks,
    },
    addedKeys: missingRows.map(rowKey),
  };
}

/** What 创建模板 adds to the workbook `existing` so that it holds everything of `template`. */
export function planTemplate(
  existing: readonly SheetGrid[],
  template: readonly SheetGrid[],
  options: PlanOptions,
): TemplatePlan {
  const byName = new Map(existing.map((grid) => [grid.name.trim(), grid]));
  const plan: TemplatePlan = {
    newSheets: [],
    extensions: [],
    report: { createdSheets: [], addedRows: [], addedColumns: [], addedSettings: [], skippedFeatures: [] },
  };
  for (const templateGrid of template) {
    const current = byName.get(templateGrid.name);
    if (!current) {
      plan.newSheets.push(templateGrid);
      plan.report.createdSheets.push(templateGrid.name);
      continue;
    }
    const outcome = extendSheet(current, templateGrid, options);
    if ("skipped" in outcome) {
      plan.report.skippedFeatures.push(outcome.skipped);
      continue;
    }
    const { extension, addedKeys } = outcome;
    if (extension.blocks.length === 0) continue;
    plan.extensions.push(extension);
    if (extension.addedColumns.length > 0) {
      plan.report.addedColumns.push({
        sheet: extension.sheet,
        headers: extension.addedColumns.map((column) => column.header),
      });
    }
    if (addedKeys.length === 0) continue;
    if (templateGrid.name === settingsSheetName) for (const key of addedKeys) plan.report.addedSettings.push(key);
    else plan.report.addedRows.push({ sheet: extension.sheet, names: addedKeys });
  }
  return plan;
}
