/**
 * How each sheet of a workbook we write is formatted, as data: the header row, the data rows that get
 * formats (with spare rows below for staff to add to), and per column its width, number format,
 * wrapping, drop-down list and whether a member unit may type there. The Excel writer (创建模板) and the
 * .xlsx writer (CLI, 下载报送表) only apply this plan, so a sheet looks the same whoever wrote it.
 */
import { rawCellText } from "../reading/cells";
import type { SheetGrid } from "../reading/grid";
import {
  columnWidth,
  includeChoices,
  indicatorColumns,
  itemColumns,
  itemLevels,
  itemsSheetName,
  narrativeColumns,
  narrativeSheetName,
  settingsSheetName,
  type UnitFormAccess,
} from "../spec/layout";
import { historyColumns, historySheetName } from "../spec/history-layout";
import type { SheetExtension } from "./template-plan";
import { guideHeaders, guideItems, guideSheetName } from "./unit-form";

/** Fill of header cells and, in a unit's form, of the cells it may not change (RGB hex). */
export const headerFill = "DDEBF7";
export const lockedFill = "EDEDED";

/** Rows below the preset's that get formats and lists too, for staff to add indicators. */
export const spareRows = 200;
/** Rows a unit may add below the preset's in its form. */
export const unitSpareRows = 30;

export interface ColumnFormat {
  /** Zero-based sheet column. */
  column: number;
  header: string;
  /** Width in characters (a digit's width), when the layout gives one. */
  width?: number;
  /** Number format of the data rows; none leaves Excel's General. */
  numberFormat?: string;
  wrap: boolean;
  /** A drop-down list on the data rows. */
  choices?: readonly string[];
  /** In a unit's form: who may type in this column's data rows (none: the sheet's default, locked). */
  access?: UnitFormAccess;
}

export interface SheetFormat {
  sheet: string;
  /** Header cells of row 1 (bold, filled, centred, wrapped; the row frozen): this many from column A. */
  headerColumns: number;
  /** Whether the header row carries a filter (in Excel, the table 创建模板 makes). */
  filter: boolean;
  /** Zero-based sheet rows that get the columns' formats: the preset's rows and the spare ones. */
  rows: { first: number; count: number };
  /** Data rows the grid itself holds; a unit's "new-rows" cells are the ones below them. */
  presetRows: number;
  columns: ColumnFormat[];
  /**
   * Protected without a password: a unit's form (its locked cells filled grey), and 历史数据, which
   * 开始下一期 writes and people should not edit by accident.
   */
  protect: boolean;
}

export interface FormatOptions {
  /** A member unit's form: fewer spare rows, only the unit's cells open. */
  unitForm?: boolean;
}

type ColumnRule = Omit<ColumnFormat, "column" | "header" | "width">;

/** The formats of a category sheet's column with this header; none for a header the layout lacks. */
function indicatorRule(header: string): ColumnRule | null {
  const spec = indicatorColumns.find((column) => column.header === header);
  if (!spec) return null;
  return {
    ...(spec.numberFormat && spec.numberFormat !== "General" ? { numberFormat: spec.numberFormat } : {}),
    wrap: spec.key === "template",
    ...(spec.choices ? { choices: spec.choices } : {}),
    access: spec.unitForm,
  };
}

/** The sheets other than categories, each with the rules of its columns by header. */
const otherRules: ReadonlyMap<string, ReadonlyMap<string, ColumnRule>> = new Map([
  [
    itemsSheetName,
    new Map<string, ColumnRule>([
      [itemColumns.level, { wrap: false, choices: itemLevels }],
      [itemColumns.completion, { wrap: false, numberFormat: "0.0%" }],
      [itemColumns.schedule, { wrap: false, numberFormat: "0.0%" }],
    ]),
  ],
  [
    narrativeSheetName,
    new Map<string, ColumnRule>([
      [narrativeColumns.body, { wrap: true }],
      [narrativeColumns.include, { wrap: false, choices: includeChoices }],
    ]),
  ],
  [guideSheetName, new Map<string, ColumnRule>([[guideHeaders[1], { wrap: false, access: "open" }]])],
  [settingsSheetName, new Map<string, ColumnRule>()],
  [
    historySheetName,
    new Map<string, ColumnRule>(
      historyColumns.map((column) => [
        column.header,
        {
          wrap: false,
          ...(column.numberFormat ? { numberFormat: column.numberFormat } : {}),
          ...(column.choices ? { choices: column.choices } : {}),
        },
      ]),
    ),
  ],
]);

function ruleFor(sheet: string, header: string): ColumnRule | null {
  const rules = otherRules.get(sheet);
  return rules ? (rules.get(header) ?? null) : indicatorRule(header);
}

function historyWidth(header: string): number | undefined {
  return historyColumns.find((column) => column.header === header)?.width;
}

/** The formats of each column of a sheet named `sheet` with these headers where they sit. */
export function columnFormats(sheet: string, columns: readonly { header: string; column: number }[]): ColumnFormat[] {
  return columns.map(({ header, column }) => {
    // 历史数据's own columns (统计年份, 类别…) carry their widths; its figures share the category sheets'.
    const width = columnWidth(header) ?? (sheet === historySheetName ? historyWidth(header) : undefined);
    return { column, header, ...(width === undefined ? {} : { width }), wrap: false, ...ruleFor(sheet, header) };
  });
}

/** The format plan of a sheet we write whole from `grid` (its first row the headers). */
export function sheetFormat(grid: SheetGrid, options: FormatOptions = {}): SheetFormat {
  const headers = (grid.values[0] ?? []).map(rawCellText);
  const presetRows = Math.max(grid.values.length - 1, 0);
  const isCategory = !otherRules.has(grid.name);
  // The guide's 项目 | 内容 block is all a unit fills there; other sheets get spare rows below.
  const count =
    grid.name === guideSheetName ? guideItems.length : presetRows + (options.unitForm ? unitSpareRows : spareRows);
  return {
    sheet: grid.name,
    headerColumns: headers.length,
    filter: isCategory,
    rows: { first: 1, count },
    presetRows,
    columns: columnFormats(
      grid.name,
      headers.map((header, column) => ({ header, column })),
    ),
    protect: (options.unitForm ?? false) || grid.name === historySheetName,
  };
}

/** Whether a unit may type in `format`'s zero-based sheet row `row` of `column`. */
export function openToUnit(format: SheetFormat, column: ColumnFormat, row: number): boolean {
  return column.access === "open" || (column.access === "new-rows" && row > format.presetRows);
}

/** How 创建模板's additions to an existing sheet are formatted. */
export interface ExtensionFormat {
  /** The appended rows get every column's format; none when no row was added. */
  rows: { first: number; count: number } | null;
  /** Every template column of the sheet with its formats. */
  columns: ColumnFormat[];
  /** The added columns, whose widths are set (a column that existed keeps the width staff gave it). */
  widenedColumns: ColumnFormat[];
}

/** The format plan of `extension`: the Excel and WPS writers only apply it. */
export function extensionFormat(extension: SheetExtension): ExtensionFormat {
  const columns = columnFormats(extension.sheet.trim(), extension.columns);
  const added = new Set(extension.addedColumns.map((column) => column.column));
  return {
    rows: extension.addedRows,
    columns,
    widenedColumns: columns.filter((column) => added.has(column.column)),
  };
}
