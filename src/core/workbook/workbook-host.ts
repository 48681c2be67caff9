/**
 * What the task pane needs from a workbook, whoever holds it: Excel through Office.js (src/excel) or
 * the in-memory sample of the preview mode. The pane only talks to this interface.
 */
import type { SheetGrid } from "../reading/grid";
import type { CellEdit } from "./merge";
import type { NextPeriodApplied, NextPeriodPlan } from "./next-period";

export interface TemplateReport {
  /** Sheets that did not exist and were added whole. */
  createdSheets: string[];
  /** Indicator rows of the preset added to existing sheets, by sheet. */
  addedRows: { sheet: string; names: string[] }[];
  /** Header columns added to existing sheets, by sheet. */
  addedColumns: { sheet: string; headers: string[] }[];
  /** Settings items added to an existing 专报设置. */
  addedSettings: string[];
  /** Features the host could not apply (e.g. data validation before ExcelApi 1.8), in Chinese. */
  skippedFeatures: string[];
}

export interface ReadOptions {
  /**
   * Formula cells as {formula, result}, as ExcelJS reads them, for a caller that must not write them
   * (merge). In Excel the same syncs, with each range's formulas beside its values.
   */
  formulas?: boolean;
}

export interface WorkbookHost {
  /** Shown in the pane: "Excel" or "预览模式". */
  readonly label: string;
  /**
   * The values of the sheets the pipeline reads: at least every sheet whose name, without surrounding
   * spaces, is one of workbookSheetNames(catalog) (in Excel: 1 context.sync on ExcelApi 1.4+, 2 on 1.1).
   * Changes nothing.
   */
  readWorkbook(options?: ReadOptions): Promise<SheetGrid[]>;
  /** Adds what the template has and the workbook lacks; never overwrites a cell that exists. */
  createTemplate(options: { sample: boolean }): Promise<TemplateReport>;
  /**
   * Writes each edit's value into its cell (in Excel: one context.sync), text always as text; nothing
   * else changes. Callers plan the edits on a fresh readWorkbook, so their sheets exist.
   */
  applyEdits(edits: readonly CellEdit[]): Promise<void>;
  /**
   * 开始下一期 once the person confirmed `confirmed`: reads the sheets again with their formulas, plans
   * again (recheckNextPeriod) and writes only when the plan still says what was confirmed — in Excel in
   * one batch: ≤ 3 context.sync with the read, the writes in one. Otherwise writes nothing.
   */
  startNextPeriod(confirmed: NextPeriodPlan): Promise<NextPeriodApplied>;
  /** Selects a cell (or the sheet when cell is null) so a person can fix it. */
  selectCell(sheet: string, cell: string | null): Promise<void>;
}
