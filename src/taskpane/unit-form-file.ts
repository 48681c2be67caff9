/**
 * 下载报送表: a member unit's form for chosen categories, written as .xlsx in the browser with the
 * CLI's formatting (src/files/xlsx-write.ts: open cells, protection without a password, 填报说明). The
 * writer and ExcelJS are fetched as a chunk of their own on first use.
 */
import type { gridsToWorkbook, workbookBytes } from "../files/xlsx-write";
import { kaijuBahao } from "../core/spec";
import { unitFormGrids } from "../core/workbook";

export const xlsxMimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 报送表（城乡融合、民生实事）.xlsx */
export function unitFormFileName(categories: readonly string[]): string {
  return `报送表（${categories.join("、")}）.xlsx`;
}

/** The CLI's writer (src/files/xlsx-write.ts): the workbook formatted, then its bytes. */
export interface WorkbookWriter {
  gridsToWorkbook: typeof gridsToWorkbook;
  workbookBytes: typeof workbookBytes;
}

/** The form's bytes, formatted and written by `writer`. */
export async function unitFormBytes(categories: readonly string[], writer: WorkbookWriter): Promise<Uint8Array> {
  const form = unitFormGrids(kaijuBahao, categories);
  if (!form.ok) throw new Error(`unknown categories: ${form.unknown.join(", ")}`);
  return writer.workbookBytes(await writer.gridsToWorkbook(form.grids, { unitForm: true }));
}

/** The form's bytes, the writer and ExcelJS fetched on first use. */
export async function writeUnitForm(categories: readonly string[]): Promise<Uint8Array> {
  return unitFormBytes(categories, await import(/* webpackChunkName: "xlsx-writer" */ "../files/xlsx-write.js"));
}
