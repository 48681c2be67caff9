/**
 * `zhuanbao history FILE [--format csv|json] [--out F]`: the 历史数据 sheet as read by the pipeline
 * (the same reader and checks as the add-in), as CSV that Excel opens in Chinese or as JSON.
 */
import {
  historyColumns,
  type HistoryRecord,
  historySheetName,
  type Issue,
  kaijuBahao,
  readHistorySheet,
  readSettings,
  settingsSheetName,
  type SheetGrid,
} from "../core";
import type { OptionSpecs } from "./args";

export const historyUsage = `  zhuanbao history 文件.xlsx [--format csv|json] [--out 文件]
                                                     导出“历史数据”工作表（每期每个指标一行）`;

export const historyDetails = `  --format csv|json    输出格式（默认 csv：UTF-8 带 BOM，Excel 直接打开不乱码）
  --out 文件           写入文件而不是打印（不能是输入的工作簿）`;

export const historyOptions: OptionSpecs = {
  format: { type: "string", example: "json" },
  out: { type: "string", example: "历史数据.csv" },
};

export type HistoryFormat = "csv" | "json";

/** Excel reads a CSV as UTF-8 only after a byte order mark; without it Chinese comes out garbled. */
const byteOrderMark = "\uFEFF";

/**
 * One CSV field (RFC 4180). Text that Excel would take for a formula (=, +, -, @ first) gets an
 * apostrophe, as the .xlsx we write carries a quote prefix, so opening the file never runs anything.
 */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvText(records: readonly HistoryRecord[]): string {
  const lines = [historyColumns.map((column) => csvField(column.header)).join(",")];
  for (const record of records) lines.push(historyColumns.map((column) => csvField(record[column.key])).join(","));
  return `${byteOrderMark}${lines.join("\r\n")}\r\n`;
}

/** A record as JSON shows it: its columns by key and its 1-based sheet row. */
function jsonRecord(record: HistoryRecord): Record<string, string | number | null> {
  const entry: Record<string, string | number | null> = {};
  for (const column of historyColumns) entry[column.key] = record[column.key];
  entry.row = record.row + 1;
  return entry;
}

export interface HistoryExport {
  /** False without a readable 历史数据 sheet: nothing to export. */
  readable: boolean;
  text: string;
  issues: Issue[];
}

/** The 历史数据 of a workbook's grids in `format`, checked against its 专报设置's period. */
export function historyExport(grids: readonly SheetGrid[], format: HistoryFormat): HistoryExport {
  const byName = new Map(grids.map((grid) => [grid.name.trim(), grid]));
  const { settings } = readSettings(byName.get(settingsSheetName));
  const current =
    settings.year !== null && settings.month !== null ? { year: settings.year, month: settings.month } : null;
  const read = readHistorySheet(byName.get(historySheetName), { catalog: kaijuBahao, current });
  const text =
    format === "json"
      ? `${JSON.stringify({ records: read.records.map(jsonRecord), issues: read.issues }, null, 2)}\n`
      : csvText(read.records);
  return { readable: read.readable, text, issues: read.issues };
}
