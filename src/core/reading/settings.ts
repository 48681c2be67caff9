/** Reading the 专报设置 sheet (项目 | 内容) into the period and masthead of a bulletin. */
import * as z from "zod/mini";
import { type CellValue, serialToDate } from "./cells";
import { GridReader, type SheetGrid } from "./grid";
import type { Issue } from "../spec/issues";
import { type SettingKey, settingsColumns, settingSpecs, settingsSheetName } from "../spec/layout";
import { datePhrase } from "../wording/phrases";

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface BulletinSettings {
  title: string;
  issueNumber: number | null;
  publisher: string;
  issueDate: CalendarDate | null;
  year: number | null;
  month: number | null;
  cumulativeFrom: number;
  cumulativeTo: number | null;
  dash: "-" | "—";
  scheduleByDays: boolean;
  /** Every item's text as {项目} placeholders print it, including items staff added. */
  items: Map<string, string>;
  /** Item → A1 address of its 内容 cell. */
  cells: Map<string, string>;
}

const month = z.int().check(z.gte(1), z.lte(12));
const settingsSchema = z.object({
  期号: z.nullable(z.int().check(z.gte(1))),
  统计年份: z.nullable(z.int().check(z.gte(2000), z.lte(2100))),
  统计月份: z.nullable(month),
  累计起始月份: z.nullable(month),
  累计截止月份: z.nullable(month),
  月份连接号: z.nullable(z.enum(["-", "—"])),
  序时进度口径: z.nullable(z.enum(["按月", "按天"])),
});

const settingMessages: Partial<Record<SettingKey, string>> = {
  期号: "期号应为正整数",
  统计年份: "统计年份应为四位年份，如 2026",
  统计月份: "统计月份应为1至12的整数",
  累计起始月份: "累计起始月份应为1至12的整数",
  累计截止月份: "累计截止月份应为1至12的整数",
  月份连接号: "月份连接号只能是“-”或“—”",
  序时进度口径: "序时进度口径只能是“按月”或“按天”",
};

function parseDateText(text: string): CalendarDate | null {
  const match = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return null;
  const [year, monthNumber, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (monthNumber < 1 || monthNumber > 12 || day < 1 || day > 31) return null;
  return { year, month: monthNumber, day };
}

function readDate(cell: CellValue): CalendarDate | null {
  if (cell.kind === "date") return { year: cell.year, month: cell.month, day: cell.day };
  if (cell.kind === "number" && cell.value > 1) return serialToDate(cell.value);
  if (cell.kind === "text") return parseDateText(cell.value);
  return null;
}

function readInteger(cell: CellValue): number | string | null {
  if (cell.kind === "number") return cell.value;
  if (cell.kind === "text") {
    const digits = cell.value.trim().replace(/^第|期$|年$|月$/g, "");
    return /^\d+$/.test(digits) ? Number(digits) : cell.value.trim();
  }
  return null;
}

function itemText(cell: CellValue, display: string): string {
  return cell.kind === "date" ? datePhrase(cell) : display;
}

export interface SettingsResult {
  settings: BulletinSettings;
  issues: Issue[];
}

export function readSettings(grid: SheetGrid | undefined): SettingsResult {
  const issues: Issue[] = [];
  const sheet = settingsSheetName;
  const settings: BulletinSettings = {
    title: "",
    issueNumber: null,
    publisher: "",
    issueDate: null,
    year: null,
    month: null,
    cumulativeFrom: 1,
    cumulativeTo: null,
    dash: "-",
    scheduleByDays: false,
    items: new Map(),
    cells: new Map(),
  };
  if (!grid) {
    issues.push({
      severity: "error",
      sheet,
      cell: null,
      code: "missing-sheet",
      message: `缺少工作表“${sheet}”`,
      hint: "点击“创建模板”补齐，或从模板复制该工作表",
    });
    return { settings, issues };
  }
  const reader = new GridReader(grid);
  const headerRow = reader.findHeaderRow(settingsColumns.item);
  const columns = headerRow === null ? null : reader.headerColumns(headerRow);
  const itemColumn = columns?.get(settingsColumns.item);
  const valueColumn = columns?.get(settingsColumns.value);
  if (headerRow === null || itemColumn === undefined || valueColumn === undefined) {
    const missing = itemColumn === undefined ? settingsColumns.item : settingsColumns.value;
    issues.push({
      severity: "error",
      sheet,
      cell: headerRow === null ? null : reader.address(headerRow, 0),
      code: "missing-column",
      message: `“${sheet}”缺少表头“${missing}”`,
      hint: `表头应为“${settingsColumns.item}”“${settingsColumns.value}”两列`,
    });
    return { settings, issues };
  }

  const rawCells = new Map<string, CellValue>();
  for (let row = headerRow + 1; row < reader.rowCount; row += 1) {
    const key = reader.text(row, itemColumn);
    if (!key || rawCells.has(key)) continue;
    const cell = reader.cell(row, valueColumn);
    rawCells.set(key, cell);
    settings.cells.set(key, reader.address(row, valueColumn));
    const text = itemText(cell, reader.text(row, valueColumn));
    if (/[{}｛｝]/.test(text)) {
      issues.push({
        severity: "error",
        sheet,
        cell: settings.cells.get(key) ?? null,
        code: "braces-in-text",
        message: `设置项“${key}”的内容含有花括号`,
        hint: "花括号 { } 只用于表述模板中的占位符，请删去",
      });
    } else if (text) {
      settings.items.set(key, text);
    }
  }

  const at = (key: string) => settings.cells.get(key) ?? null;
  for (const spec of settingSpecs) {
    if (spec.required && !settings.items.has(spec.key)) {
      const present = settings.cells.has(spec.key);
      issues.push({
        severity: "error",
        sheet,
        cell: at(spec.key),
        code: present ? "setting-empty" : "setting-missing",
        message: present ? `设置项“${spec.key}”未填写` : `缺少设置项“${spec.key}”`,
        hint: spec.description,
      });
    }
  }

  const integer = (key: SettingKey) => {
    const cell = rawCells.get(key);
    return cell ? readInteger(cell) : null;
  };
  const choice = (key: SettingKey) => settings.items.get(key) ?? null;
  const candidate = {
    期号: integer("期号"),
    统计年份: integer("统计年份"),
    统计月份: integer("统计月份"),
    累计起始月份: integer("累计起始月份"),
    累计截止月份: integer("累计截止月份"),
    月份连接号: choice("月份连接号"),
    序时进度口径: choice("序时进度口径"),
  };
  const parsed = settingsSchema.safeParse(candidate);
  const invalid = new Set<string>();
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      const key = String(problem.path[0]) as SettingKey;
      if (invalid.has(key)) continue;
      invalid.add(key);
      issues.push({
        severity: "error",
        sheet,
        cell: at(key),
        code: "setting-invalid",
        message: `${settingMessages[key] ?? `设置项“${key}”有误`}，实际为“${settings.items.get(key) ?? ""}”`,
        hint: settingSpecs.find((spec) => spec.key === key)?.description ?? "",
      });
    }
  }
  const valid = <T>(key: SettingKey, value: T): T | null => (invalid.has(key) ? null : value);
  const numberOrNull = (value: number | string | null) => (typeof value === "number" ? value : null);

  settings.title = settings.items.get("专报名称") ?? "";
  settings.publisher = settings.items.get("编发单位") ?? "";
  settings.issueNumber = valid("期号", numberOrNull(candidate.期号));
  settings.year = valid("统计年份", numberOrNull(candidate.统计年份));
  settings.month = valid("统计月份", numberOrNull(candidate.统计月份));
  settings.cumulativeFrom = valid("累计起始月份", numberOrNull(candidate.累计起始月份)) ?? 1;
  settings.cumulativeTo = valid("累计截止月份", numberOrNull(candidate.累计截止月份)) ?? settings.month;
  settings.dash = candidate.月份连接号 === "—" ? "—" : "-";
  settings.scheduleByDays = candidate.序时进度口径 === "按天";

  const dateCell = rawCells.get("印发日期");
  if (dateCell && dateCell.kind !== "empty") {
    settings.issueDate = readDate(dateCell);
    if (!settings.issueDate) {
      issues.push({
        severity: "error",
        sheet,
        cell: at("印发日期"),
        code: "setting-invalid",
        message: `印发日期“${settings.items.get("印发日期") ?? ""}”不是有效日期`,
        hint: "填写日期，或写作 2026年4月28日",
      });
    } else {
      settings.items.set("印发日期", datePhrase(settings.issueDate));
    }
  }
  if (settings.cumulativeTo !== null && settings.cumulativeFrom > settings.cumulativeTo) {
    issues.push({
      severity: "error",
      sheet,
      cell: at("累计起始月份"),
      code: "setting-invalid",
      message: `累计起始月份（${settings.cumulativeFrom}）晚于截止月份（${settings.cumulativeTo}）`,
      hint: "起始月份应不晚于截止月份",
    });
  }
  if (settings.issueDate && settings.year !== null && settings.issueDate.year !== settings.year) {
    issues.push({
      severity: "warning",
      sheet,
      cell: at("印发日期"),
      code: "date-year-mismatch",
      message: `印发日期为${settings.issueDate.year}年，统计年份为${settings.year}年，请核实`,
      hint: "年初印发上年度数据时可忽略此提示",
    });
  }
  return { settings, issues };
}
