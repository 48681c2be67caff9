/**
 * The part of WPS 表格's object model (ET, at `window.Application`) that src/wps uses, typed by hand.
 * The `wps-jsapi` declarations were read for reference only: they are generated and partly wrong
 * (`UsedRange: number`), and they describe far more than the adapter may touch. Any stand-in of WPS that
 * implements this subset runs the pane (tests/support/fake-et.ts is one). ET is synchronous and
 * VBA-like: indexes are 1-based, every member access crosses into WPS.
 */

/**
 * A range's values or formulas as ET gives them: a 2-D array `[row][column]` for several cells, a single
 * value for one cell. Empty cells are `undefined` or "".
 */
export type EtCells = unknown;

export interface EtCount {
  readonly Count: number;
}

export interface EtFont {
  Bold: boolean;
}

export interface EtInterior {
  /** BGR as VBA has it: red + green × 256 + blue × 65536. */
  Color: number;
}

export interface EtValidation {
  /** Validation.Add(Type, AlertStyle, Operator, Formula1): a list is Type 3 with its choices in Formula1. */
  Add(type: number, alertStyle: number, operator: number, formula1: string): unknown;
}

export interface EtRange {
  /** 1-based sheet row and column of the range's top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  Value2: EtCells;
  Formula: EtCells;
  NumberFormat: string;
  /** In characters of the default font, as the layout gives widths. */
  ColumnWidth: number;
  WrapText: boolean;
  readonly Font: EtFont;
  readonly Interior: EtInterior;
  readonly Validation: EtValidation;
}

export interface EtWorksheet {
  Name: string;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
}

export interface EtWorksheets {
  readonly Count: number;
  /** 1-based index or the sheet's name. */
  Item(index: number | string): EtWorksheet;
  /** A new sheet before the active one, which becomes active (VBA's Worksheets.Add()). */
  Add(): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
}

export interface EtApplication {
  /** null when no workbook is open. */
  readonly ActiveWorkbook: EtWorkbook | null;
}

/** Constants of Validation.Add, named as VBA names them. */
export const xlValidateList = 3;
export const xlValidAlertStop = 1;
export const xlBetween = 1;

/** A task pane WPS made with CreateTaskPane. */
export interface WpsTaskPane {
  readonly ID: string | number;
  Visible: boolean;
  /** Loads another address in the pane; not in every WPS, so used where present. */
  Navigate?(url: string): void;
}

/** The add-in object WPS puts on its add-in pages as `window.wps` (the part src/wps uses). */
export interface WpsAddinApi {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: string | number): WpsTaskPane | null | undefined;
  readonly PluginStorage: {
    getItem(key: string): unknown;
    setItem(key: string, value: unknown): void;
  };
  /** WPS 12.1.0.20540+: a synchronous custom function `namespace.name`. */
  AddCustomFunction?(
    namespace: string,
    name: string,
    implementation: (...args: unknown[]) => unknown,
    options?: object,
  ): unknown;
}

/**
 * Calls `member` of `host` where this WPS has it (Activate, Select, Protect, Unprotect: outside the
 * subset, so used only where `in` finds them); false where it does not.
 */
export function callIfPresent(host: object, member: string): boolean {
  if (!(member in host)) return false;
  const method = (host as Record<string, unknown>)[member];
  if (typeof method !== "function") return false;
  method.call(host);
  return true;
}
