/**
 * What a chosen file really is, from its first bytes and (for a zip) its entry names, before any
 * spreadsheet library parses it: so a .xls, .et, .ods, .xlsb, .numbers, password-protected, empty or
 * truncated file is named as such, and an .xlsx's sheet names are known without reading its sheets.
 * Pure (no Node): the CLI and the pane's import both call it.
 */
import { strFromU8 } from "fflate";
import { readEntry, zipEntries } from "./zip";
/** The size limits travel with the format check: one chunk for everything told before ExcelJS parses. */
export { workbookSizeProblem } from "./workbook-size";

export type FileFormat =
  | "xlsx"
  | "empty"
  | "truncated-zip"
  | "encrypted"
  | "xls"
  | "et"
  | "ods"
  | "xlsb"
  | "numbers"
  | "word"
  | "old-office"
  | "csv"
  | "not-a-spreadsheet";

export type Sniffed =
  /** An .xlsx; `sheetNames` from its workbook part, or null when that part could not be read. */
  | { format: "xlsx"; sheetNames: string[] | null }
  /** Anything else, with a Chinese reason (no final 。) naming it and how to save it as .xlsx. */
  | { format: Exclude<FileFormat, "xlsx">; reason: string };

const saveAsXlsx = "“另存为”Excel 工作簿(*.xlsx)后再试";

const reasons: Record<Exclude<FileFormat, "xlsx">, string> = {
  empty: "这是空文件（0 字节），可能保存或复制时中断了，请重新保存或重新索取后再试",
  "truncated-zip": "这个文件不完整（末尾缺失，可能只复制或下载了一部分），请重新保存、复制或下载后再试",
  encrypted: `这个工作簿设有打开密码（已加密），无法读取，请在 Excel 中打开，于“文件 > 信息 > 保护工作簿”中删除密码，再${saveAsXlsx}`,
  xls: `这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中${saveAsXlsx}`,
  et: `这是 WPS 表格 .et 文件，请在 WPS 中${saveAsXlsx}`,
  ods: "这是 OpenDocument 电子表格（.ods），请在 LibreOffice Calc 或 WPS 中“另存为”Excel 2007-365 工作簿(*.xlsx)后再试",
  xlsb: `这是 Excel 二进制工作簿（.xlsb），请在 Excel 中${saveAsXlsx}`,
  numbers: "这是 Apple Numbers 表格（.numbers），请在 Numbers 中用“文件 > 导出到 > Excel”导出为 .xlsx 后再试",
  word: "这是 Word 文档，不是工作簿，请选择 Excel 工作簿（.xlsx）",
  "old-office": `这是旧版 Office 文件，不是 Excel 工作簿（.xlsx），请用 Excel 或 WPS 打开后${saveAsXlsx}`,
  csv: `这是 CSV 文本文件，只能存一张表，请把数据填入专报模板，${saveAsXlsx}`,
  "not-a-spreadsheet": "这不是 Excel 工作簿（.xlsx），请选择用 Excel 或 WPS 保存的 .xlsx 文件",
};

function refused(format: Exclude<FileFormat, "xlsx">): Sniffed {
  return { format, reason: reasons[format] };
}

const ole2Signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function extension(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : "";
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The entry names of a compound file (OLE2) directory, or [] when it cannot be followed. Reads only
 * the header's FAT sectors (the first 109, which cover files up to ~7 MB at 512-byte sectors; a larger
 * file whose directory lies beyond them falls back to the extension).
 */
export function compoundFileNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512 || !startsWith(bytes, ole2Signature)) return [];
  const data = view(bytes);
  const sectorSize = 1 << data.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(data.getUint32(0x2c, true), 109); i += 1)
    fatSectors.push(data.getUint32(0x4c + 4 * i, true));
  const nextSector = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    const at = fatSector === undefined ? -1 : sectorOffset(fatSector) + 4 * (sector % perSector);
    return at < 0 || at + 4 > bytes.length ? 0xfffffffe : data.getUint32(at, true);
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let sector = data.getUint32(0x30, true); sector < 0xfffffffa && !seen.has(sector); sector = nextSector(sector)) {
    seen.add(sector);
    const start = sectorOffset(sector);
    if (start + sectorSize > bytes.length) break;
    for (let entry = start; entry < start + sectorSize; entry += 128) {
      const length = data.getUint16(entry + 0x40, true);
      if (length < 2 || length > 64 || bytes[entry + 0x42] === 0) continue;
      let name = "";
      for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(data.getUint16(entry + i, true));
      names.push(name);
    }
  }
  return names;
}

function sniffCompoundFile(bytes: Uint8Array, fileName: string): Sniffed {
  const names = new Set(compoundFileNames(bytes));
  if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) return refused("encrypted");
  if (extension(fileName) === "et" || names.has("ETExtData")) return refused("et");
  if (names.has("Workbook") || names.has("Book")) return refused("xls");
  if (names.has("WordDocument")) return refused("word");
  if (extension(fileName) === "xls") return refused("xls");
  return refused("old-office");
}

/** The parts read from a zip besides its names: small ones only, so a hostile zip costs nothing here. */
const smallPart = 4 * 1024 * 1024;

const xmlEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code =
        entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return xmlEntities[entity] ?? whole;
  });
}

/** The sheet names in a workbook part (`<sheet name="…" …/>`, any namespace prefix), in order. */
export function workbookSheetNamesFromXml(xml: string): string[] {
  const names: string[] = [];
  const sheet = /<(?:[\w.-]+:)?sheet\b[^>]*?\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let match = sheet.exec(xml); match !== null; match = sheet.exec(xml)) {
    names.push(decodeXml(match[1] ?? match[2] ?? ""));
  }
  return names;
}

/** The workbook part's path from the package relationships (xl/workbook.xml unless they say otherwise). */
function workbookPartPath(rels: string | undefined): string {
  const target = rels && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0];
  const path = target && /Target="\/?([^"]+)"/.exec(target)?.[1];
  return path ?? "xl/workbook.xml";
}

function sniffZip(bytes: Uint8Array): Sniffed {
  const entries = zipEntries(bytes);
  if (entries === null) return refused("truncated-zip");
  const names = entries.map((entry) => entry.name);
  const text = (name: string) => {
    const entry = entries.find((candidate) => candidate.name === name);
    const part = entry && readEntry(bytes, entry, smallPart);
    return part ? strFromU8(part) : undefined;
  };
  const mimetype = text("mimetype")?.trim();
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return refused("ods");
  if (mimetype?.startsWith("application/vnd.oasis.opendocument")) return refused("not-a-spreadsheet");
  const has = (test: (name: string) => boolean) => names.some(test);
  if (has((name) => /^xl\/workbook\.bin$/i.test(name))) return refused("xlsb");
  if (has((name) => /^Index\//.test(name) || name.endsWith(".iwa"))) return refused("numbers");
  if (has((name) => /^word\//.test(name))) return refused("word");
  const workbookPath = workbookPartPath(text("_rels/.rels"));
  if (!has((name) => name === workbookPath || /^xl\/workbook\.xml$/i.test(name))) return refused("not-a-spreadsheet");
  const workbookXml = text(workbookPath) ?? text("xl/workbook.xml");
  return { format: "xlsx", sheetNames: workbookXml === undefined ? null : workbookSheetNamesFromXml(workbookXml) };
}

/** What `bytes` (a file named `fileName`) is; only an "xlsx" may go on to a spreadsheet library. */
export function sniffWorkbook(bytes: Uint8Array, fileName: string): Sniffed {
  if (bytes.length === 0) return refused("empty");
  if (startsWith(bytes, ole2Signature)) return sniffCompoundFile(bytes, fileName);
  if (startsWith(bytes, [0x50, 0x4b])) return sniffZip(bytes);
  if (extension(fileName) === "numbers") return refused("numbers");
  if (extension(fileName) === "csv") return refused("csv");
  return refused("not-a-spreadsheet");
}

/** The reason a directory named like a Numbers package (macOS keeps .numbers as a folder) gives. */
export function folderReason(fileName: string): string | undefined {
  return extension(fileName) === "numbers" ? reasons.numbers : undefined;
}
