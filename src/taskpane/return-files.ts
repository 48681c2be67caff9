/**
 * Member units' returns chosen with 导入报送表, read in the browser: the files are sent nowhere.
 * Each file's format is told from its bytes and its sheet names from the workbook part first
 * (src/files/sniff.ts), so a .xls, .et, .ods … or an unrelated workbook is named without parsing it;
 * ExcelJS (its browser build) is fetched as its own chunk when a file needs it.
 */
import type * as ExcelJsModule from "exceljs";
import type * as SniffModule from "../files/sniff";
import type { SheetGrid } from "../core/reading";
import { notAReturn } from "../core/workbook";
import { worksheetGrid } from "../files/worksheet-grid";

/** A chosen file as the pane got it: its sheets, or why it could not be read. */
export type ReturnFile = { fileName: string; grids: SheetGrid[] } | { fileName: string; unreadable: string };

/** The part of a browser File the reader needs. */
export interface ChosenFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A file that looks like an .xlsx (a zip with a workbook part) but that ExcelJS cannot read. */
export const notAWorkbook =
  "不是有效的 Excel 工作簿（.xlsx），文件可能已损坏，请在 Excel 或 WPS 中打开后重新“另存为”Excel 工作簿(*.xlsx)再导入";

/** ExcelJS's browser build, fetched as its own chunk on first use. */
async function loadExcelJs(): Promise<typeof ExcelJsModule> {
  return (await import("exceljs")).default;
}

/** The format check, with the zip reader it uses: its own small chunk, fetched on first import. */
async function loadSniffer(): Promise<typeof SniffModule> {
  return import(/* webpackChunkName: "file-check" */ "../files/sniff.js");
}

/** Why the browser could not read a chosen file (moved, deleted or no permission since it was chosen). */
export const unreadableFile = "无法读取：没有读取权限，或文件在选择后已被移动、删除";

async function readReturnFile(
  file: ChosenFile,
  sniffer: typeof SniffModule,
  excelJs: () => Promise<typeof ExcelJsModule>,
): Promise<ReturnFile> {
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return { fileName: file.name, unreadable: unreadableFile };
  }
  const sniffed = sniffer.sniffWorkbook(new Uint8Array(bytes), file.name);
  if (sniffed.format !== "xlsx") return { fileName: file.name, unreadable: sniffed.reason };
  const notReturn = sniffed.sheetNames && notAReturn(sniffed.sheetNames);
  if (notReturn) return { fileName: file.name, unreadable: notReturn };
  const tooLarge = sniffer.workbookSizeProblem(new Uint8Array(bytes));
  if (tooLarge) return { fileName: file.name, unreadable: tooLarge };
  try {
    const ExcelJS = await excelJs();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    return { fileName: file.name, grids: workbook.worksheets.map(worksheetGrid) };
  } catch {
    return { fileName: file.name, unreadable: notAWorkbook };
  }
}

/** Reads each file on its own: one bad file does not stop the others. ExcelJS is loaded once, if needed. */
export async function readReturnFiles(
  files: readonly ChosenFile[],
  load: () => Promise<typeof ExcelJsModule> = loadExcelJs,
  loadSniff: () => Promise<typeof SniffModule> = loadSniffer,
): Promise<ReturnFile[]> {
  const sniffer = await loadSniff();
  let loading: Promise<typeof ExcelJsModule> | undefined;
  const excelJs = () => (loading ??= load());
  return Promise.all(files.map((file) => readReturnFile(file, sniffer, excelJs)));
}
