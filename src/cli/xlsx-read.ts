/** Reading an .xlsx into the pipeline's SheetGrid shape, with ExcelJS. Never writes to the file. */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../core";
import { workbookSizeProblem } from "../files/workbook-size";
import { worksheetGrid } from "../files/worksheet-grid";
import { CliError } from "./errors";

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  grids: SheetGrid[];
}

/** The ExcelJS workbook (to edit a copy of it) and its grids (for the pipeline). */
export async function loadWorkbookFile(path: string): Promise<LoadedWorkbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`找不到文件“${path}”，请检查路径。`);
    if (code === "EISDIR") throw new CliError(`“${path}”是文件夹，请指定 .xlsx 工作簿文件。`);
    throw new CliError(`无法读取文件“${path}”（${code ?? "未知原因"}）。`);
  }
  const tooLarge = workbookSizeProblem(data);
  if (tooLarge) throw new CliError(`“${path}”：${tooLarge}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new CliError(`“${path}”不是有效的 Excel 工作簿（.xlsx），请在 Excel 中另存为“Excel 工作簿”后重试。`);
  }
  return { workbook, grids: workbook.worksheets.map(worksheetGrid) };
}

export async function readWorkbookFile(path: string): Promise<SheetGrid[]> {
  return (await loadWorkbookFile(path)).grids;
}
