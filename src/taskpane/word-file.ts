/**
 * 下载 Word 文档: the .docx is rendered by src/files/export-docx, loaded only when asked (it pulls in the
 * docx package, a chunk of its own), and saved with file-saving.ts.
 */
import type { BulletinDocument, BulletinMasthead } from "../core/bulletin";

export const docxMimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Characters Windows does not allow in file names, besides control characters. */
const forbiddenInFileNames = '\\/:*?"<>|';

function allowedInFileNames(character: string): boolean {
  return character.charCodeAt(0) >= 0x20 && !forbiddenInFileNames.includes(character);
}

/** 汨罗市实施“开局八好”工作专报第2期.docx; 专报.docx while the masthead is empty. */
export function bulletinFileName(masthead: BulletinMasthead): string {
  const name = Array.from(`${masthead.title.trim()}${masthead.issue.trim()}`).filter(allowedInFileNames).join("");
  return `${name.trim() || "专报"}.docx`;
}

export type DocxRenderer = (doc: BulletinDocument) => Promise<Uint8Array>;

/** The docx export, fetched as its own chunk on first use. */
export async function loadDocxRenderer(): Promise<DocxRenderer> {
  const { renderBulletinDocx } = await import(/* webpackChunkName: "word-export" */ "../files/export-docx.js");
  return renderBulletinDocx;
}
