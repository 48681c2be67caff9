/**
 * 开始下一期 in WPS, a chunk the pane loads on first use: the plan made again and written through ET, in
 * the plan's order: 历史数据 (added when missing, as 创建模板 adds a sheet) with its number formats, then 专报设置, then the clearing. Each write is one 2-D Value2
 * assignment. ET has no batch: each assignment takes effect at once, so a failure midway leaves the
 * steps before it done; the archive comes first, so the period's figures are never lost, and the error
 * says which steps were done (docs/使用说明.md).
 */
import {
  rangeAddress,
  recheckNextPeriod,
  settingsSheetName,
  sheetFormat,
  workbookSheetNames,
  writeInput,
  type Catalog,
  type CellWrite,
  type NextPeriodApplied,
  type NextPeriodPlan,
} from "../core";
import { callIfPresent, type EtWorkbook, type EtWorksheet, type EtWorksheets } from "./et-types";
import { readSheetGrids } from "./read-sheets";
import { writeNewSheet } from "./template-writer";
import { WpsHostError } from "./wps-errors";

function writeRange(worksheet: EtWorksheet, write: CellWrite): void {
  const values = write.values.map((row) => row.map(writeInput));
  worksheet.Range(rangeAddress(write.row, write.column, values.length, values[0]!.length)).Value2 = values;
}

/** What went wrong midway, with the steps done and not done, so the person can finish by hand. */
function midwayError(done: readonly string[], left: readonly string[]): WpsHostError {
  return new WpsHostError(
    `WPS 表格在开始下一期时中途出错。已完成：${done.join("、")}；未完成：${left.join("、")}。` +
      "WPS 没有批量写入，已完成的部分不会撤回：请核对工作簿，手动完成未完成的部分。",
  );
}

export function writeNextPeriod(worksheets: EtWorksheets, plan: NextPeriodPlan): void {
  const sheets = new Map<string, EtWorksheet>();
  const sheet = (name: string) => {
    let worksheet = sheets.get(name);
    if (!worksheet) {
      worksheet = worksheets.Item(name);
      sheets.set(name, worksheet);
    }
    return worksheet;
  };
  const history = plan.history.sheet;
  const isSettings = (write: CellWrite) => write.sheet.trim() === settingsSheetName;
  const steps: { name: string; run: () => void }[] = [
    {
      name: `第${plan.current.issue}期数据写入“${history}”`,
      run: () => {
        if (plan.newSheet) {
          const worksheet = worksheets.Add();
          writeNewSheet(worksheet, plan.newSheet);
          sheets.set(plan.newSheet.name, worksheet);
        }
        // 历史数据 is protected without a password (core's format plan): lifted for the archive and set
        // again where this WPS has Unprotect and Protect; elsewhere a protected sheet fails this step.
        const protect = sheetFormat({ name: history, values: [] }).protect;
        if (protect && !plan.newSheet) callIfPresent(sheet(history), "Unprotect");
        for (const write of plan.writes) if (write.sheet === history) writeRange(sheet(write.sheet), write);
        for (const format of plan.numberFormats) {
          sheet(format.sheet).Range(rangeAddress(format.row, format.column, format.rows, 1)).NumberFormat =
            format.numberFormat;
        }
        if (protect) callIfPresent(sheet(history), "Protect");
      },
    },
    {
      name: `${settingsSheetName}改为第${plan.next.issue}期`,
      run: () => {
        for (const write of plan.writes) if (isSettings(write)) writeRange(sheet(write.sheet), write);
      },
    },
    {
      name: "清空本期数据",
      run: () => {
        for (const write of plan.writes) {
          if (write.sheet !== history && !isSettings(write)) writeRange(sheet(write.sheet), write);
        }
      },
    },
  ];
  steps.forEach((step, i) => {
    try {
      step.run();
    } catch (error) {
      // A failure while archiving leaves 专报设置 and the figures as they were: running 开始下一期 again
      // replaces the period's rows, so the host's usual sentence serves.
      if (i === 0) throw error;
      throw midwayError(
        steps.slice(0, i).map((done) => done.name),
        steps.slice(i).map((left) => left.name),
      );
    }
  });
}

/** Reads again with formulas, plans again, and writes the plan if it is still the one confirmed. */
export function applyNextPeriod(workbook: EtWorkbook, confirmed: NextPeriodPlan, catalog: Catalog): NextPeriodApplied {
  const grids = readSheetGrids(workbook, workbookSheetNames(catalog), { formulas: true });
  const result = recheckNextPeriod(grids, confirmed, { catalog });
  if (result.applied) writeNextPeriod(workbook.Worksheets, result.plan);
  return result;
}
