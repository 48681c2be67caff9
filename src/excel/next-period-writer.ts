/**
 * 开始下一期 in Excel, a chunk the pane loads on first use: the read again, the plan again, and the plan
 * queued on the workbook for one sync: 历史数据 added when missing (as
 * 创建模板 adds a sheet), then the writes in the plan's order — the archive, 专报设置, the clearing (a
 * range per column) — and the number formats of appended history rows. Only the cells the plan names
 * change.
 */
import {
  rangeAddress,
  recheckNextPeriod,
  sheetFormat,
  workbookSheetNames,
  writeInput,
  type Catalog,
  type CellWrite,
  type NextPeriodApplied,
  type NextPeriodPlan,
} from "../core";
import { supportsExcelApi } from "./api-support";
import { readSheetGrids } from "./read-sheets";
import { queueNewSheet, queueProtection } from "./template-writer";

function writeRange(worksheet: Excel.Worksheet, write: CellWrite): void {
  const values = write.values.map((row) => row.map(writeInput));
  worksheet.getRange(rangeAddress(write.row, write.column, values.length, values[0]!.length)).values = values;
}

/** A write that only empties cells of one column. */
function isColumnClearing(write: CellWrite): boolean {
  return write.values.every((row) => row.length === 1 && row[0] === "");
}

/**
 * A column's emptied runs as one range from the first to the last, the cells between them null, which
 * Office.js leaves as they are (formulas and blanks): one command per column instead of one per run.
 */
function queueColumnClearings(worksheet: Excel.Worksheet, writes: readonly CellWrite[]): void {
  const byColumn = new Map<number, CellWrite[]>();
  for (const write of writes) {
    const runs = byColumn.get(write.column);
    if (runs) runs.push(write);
    else byColumn.set(write.column, [write]);
  }
  for (const [column, runs] of byColumn) {
    const first = runs[0]!.row;
    const last = runs[runs.length - 1]!;
    const values: ("" | null)[][] = Array.from({ length: last.row + last.values.length - first }, () => [null]);
    for (const run of runs) run.values.forEach((_, i) => (values[run.row - first + i]![0] = ""));
    worksheet.getRange(rangeAddress(first, column, values.length, 1)).values = values;
  }
}

/** Queues `plan`; nothing is synced here. */
export function queueNextPeriod(context: Excel.RequestContext, plan: NextPeriodPlan): void {
  const worksheets = context.workbook.worksheets;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => {
    let worksheet = sheets.get(name);
    if (!worksheet) {
      worksheet = worksheets.getItem(name);
      sheets.set(name, worksheet);
    }
    return worksheet;
  };
  const history = plan.history.sheet;
  if (plan.newSheet) sheets.set(plan.newSheet.name, queueNewSheet(worksheets, plan.newSheet));
  // 历史数据 is protected without a password against accidental edits (core's format plan): lifted for
  // the archive and set again after it, in the same batch. Before ExcelApi 1.7 it cannot be lifted: a
  // protected sheet then fails the first command, and nothing is applied.
  const protect = sheetFormat({ name: history, values: [] }).protect;
  if (protect && !plan.newSheet && supportsExcelApi("1.7")) sheet(history).protection.unprotect();
  const clearings = new Map<string, CellWrite[]>();
  for (const write of plan.writes) {
    if (!isColumnClearing(write)) {
      writeRange(sheet(write.sheet), write);
      continue;
    }
    const runs = clearings.get(write.sheet);
    if (runs) runs.push(write);
    else clearings.set(write.sheet, [write]);
  }
  // The plan lists each sheet's clearings column by column, top down, after the archive and 专报设置.
  for (const [name, writes] of clearings) queueColumnClearings(sheet(name), writes);
  for (const format of plan.numberFormats) {
    const range = sheet(format.sheet).getRange(rangeAddress(format.row, format.column, format.rows, 1));
    range.numberFormat = Array.from({ length: format.rows }, () => [format.numberFormat]);
  }
  if (protect) queueProtection(sheet(history));
}

/**
 * Reads the sheets again with their formulas (1 sync on ExcelApi 1.4+, 2 on 1.1), plans again and,
 * when the plan is the one confirmed, sends every write in one more sync.
 */
export async function applyNextPeriod(
  context: Excel.RequestContext,
  confirmed: NextPeriodPlan,
  catalog: Catalog,
): Promise<NextPeriodApplied> {
  const grids = await readSheetGrids(context, workbookSheetNames(catalog), { formulas: true });
  const result = recheckNextPeriod(grids, confirmed, { catalog });
  if (!result.applied) return result;
  queueNextPeriod(context, result.plan);
  await context.sync();
  return result;
}
