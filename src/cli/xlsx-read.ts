/**
 * Reading an .xlsx into the pipeline's SheetGrid shape, with ExcelJS. Never writes to the file.
 * The file's format is told from its bytes first, and its sheet names are read from the workbook part
 * alone, so a file that is not the right workbook is refused before ExcelJS parses any sheet.
 */
import { promises as fs } from "node:fs";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../core";
import { folderReason, sniffWorkbook } from "../files/sniff";
import { workbookSizeProblem } from "../files/workbook-size";
import { worksheetGrid } from "../files/worksheet-grid";
import { CliError, FileRefusal, readError } from "./errors";

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  grids: SheetGrid[];
}

/** Why a workbook with these sheet names is not the one wanted (a whole sentence), or undefined. */
export type SheetNamesCheck = (sheetNames: readonly string[]) => string | undefined;

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    const folder = (error as NodeJS.ErrnoException).code === "EISDIR" ? folderReason(basename(path)) : undefined;
    if (folder) throw new FileRefusal(path, folder);
    throw readError(path, error);
  }
}

/** The ExcelJS workbook (to edit a copy of it) and its grids (for the pipeline). */
export async function loadWorkbookFile(path: string, check?: SheetNamesCheck): Promise<LoadedWorkbook> {
  const data = await readBytes(path);
  const sniffed = sniffWorkbook(data, basename(path));
  if (sniffed.format !== "xlsx") throw new FileRefusal(path, sniffed.reason);
  const early = sniffed.sheetNames && check?.(sniffed.sheetNames);
  if (early) throw new CliError(early);
  const tooLarge = workbookSizeProblem(data);
  if (tooLarge) throw new CliError(`“${path}”：${tooLarge}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new CliError(`“${path}”不是有效的 Excel 工作簿（.xlsx），请在 Excel 中另存为“Excel 工作簿”后重试。`);
  }
  const late = sniffed.sheetNames ? undefined : check?.(workbook.worksheets.map((sheet) => sheet.name));
  if (late) throw new CliError(late);
  return { workbook, grids: workbook.worksheets.map(worksheetGrid) };
}

export async function readWorkbookFile(path: string, check?: SheetNamesCheck): Promise<SheetGrid[]> {
  return (await loadWorkbookFile(path, check)).grids;
}
