/**
 * Member units' returns chosen with 导入报送表, read in the browser: the files are sent nowhere.
 * ExcelJS (its browser build) is fetched as its own chunk on first use.
 */
import type * as ExcelJsModule from "exceljs";
import type * as SizeModule from "../files/workbook-size";
import type { SheetGrid } from "../core/reading";
import { worksheetGrid } from "../files/worksheet-grid";

/** A chosen file as the pane got it: its sheets, or why it could not be read. */
export type ReturnFile = { fileName: string; grids: SheetGrid[] } | { fileName: string; unreadable: string };

/** The part of a browser File the reader needs. */
export interface ChosenFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export const notAWorkbook =
  "不是有效的 Excel 工作簿（.xlsx）。若是 .xls 或 WPS 格式，请在 Excel 或 WPS 中另存为“Excel 工作簿(*.xlsx)”后重新导入";

/** ExcelJS's browser build, fetched as its own chunk on first use. */
async function loadExcelJs(): Promise<typeof ExcelJsModule> {
  return (await import("exceljs")).default;
}

/** The size check (src/files/workbook-size.ts, with fflate's inflater): its own chunk, fetched on first import. */
async function loadSizeCheck(): Promise<typeof SizeModule> {
  return import(/* webpackChunkName: "workbook-size" */ "../files/workbook-size.js");
}

/** Reads each file on its own: one bad file does not stop the others. A file beyond the size limits is not parsed. */
export async function readReturnFiles(
  files: readonly ChosenFile[],
  load: () => Promise<typeof ExcelJsModule> = loadExcelJs,
  loadSize: () => Promise<typeof SizeModule> = loadSizeCheck,
): Promise<ReturnFile[]> {
  const ExcelJS = await load();
  const { workbookSizeProblem } = await loadSize();
  return Promise.all(
    files.map(async (file): Promise<ReturnFile> => {
      try {
        const bytes = await file.arrayBuffer();
        const tooLarge = workbookSizeProblem(new Uint8Array(bytes));
        if (tooLarge) return { fileName: file.name, unreadable: tooLarge };
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes);
        return { fileName: file.name, grids: workbook.worksheets.map(worksheetGrid) };
      } catch {
        return { fileName: file.name, unreadable: notAWorkbook };
      }
    }),
  );
}
