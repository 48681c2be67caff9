/**
 * 开始下一期's plan queued on the workbook for the caller's one sync: 历史数据 added when missing (as
 * 创建模板 adds a sheet), then every write in the plan's order — the archive, 专报设置, the clearing —
 * and the number formats of appended history rows. Only the cells the plan names are written.
 */
import { columnLetter, writeInput, type CellWrite, type NextPeriodPlan } from "../core";
import { queueNewSheet } from "./template-writer";

function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetter(column)}${row + 1}`;
  return rows === 1 && columns === 1 ? start : `${start}:${columnLetter(column + columns - 1)}${row + rows}`;
}

function writeRange(worksheet: Excel.Worksheet, write: CellWrite): void {
  const values = write.values.map((row) => row.map(writeInput));
  worksheet.getRange(rangeAddress(write.row, write.column, values.length, values[0]!.length)).values = values;
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
  if (plan.newSheet) sheets.set(plan.newSheet.name, queueNewSheet(worksheets, plan.newSheet));
  for (const write of plan.writes) writeRange(sheet(write.sheet), write);
  for (const format of plan.numberFormats) {
    const range = sheet(format.sheet).getRange(rangeAddress(format.row, format.column, format.rows, 1));
    range.numberFormat = Array.from({ length: format.rows }, () => [format.numberFormat]);
  }
}
