/** Reading a category sheet's indicator table into typed rows, noting every cell that needs a look. */
import * as z from "zod/mini";
import { GridReader, type SheetGrid } from "./grid";
import type { Issue } from "./issues";
import {
  defaultSentenceEnd,
  essentialColumnKeys,
  includeChoices,
  indicatorColumns,
  rateUnits,
  requiredColumnKeys,
  sentenceEnds,
  type ColumnSpec,
  type IndicatorColumnKey,
  type SentenceEnd,
} from "./layout";
import { readNumber, type NumberReading, type ReadingNote, type ReadingProblem } from "./numbers";

export interface IndicatorRow {
  sheet: string;
  /** Zero-based sheet row. */
  row: number;
  name: string;
  unit: string;
  actual: number | null;
  target: number | null;
  /** As typed (or as a formula left it); null when empty. */
  completion: number | null;
  prior: number | null;
  growth: number | null;
  template: string;
  sentenceEnd: SentenceEnd;
  include: boolean;
  lead: string;
  note: string;
  decimals: number | null;
  /** A1 address of each column present in the sheet. */
  cells: CellAddresses;
}

export type CellAddresses = Readonly<Partial<Record<IndicatorColumnKey, string>>>;

/** Keeps a row's number off the addresses' keys (Object.keys, JSON), as the getters are the content. */
const sheetRowKey = Symbol("sheetRow");

/**
 * Addresses computed when asked, from letters shared by the whole sheet: a row keeps one small
 * object instead of a dozen strings, which keeps large sheets' memory and GC time linear.
 */
function cellAddresses(
  reader: GridReader,
  columnIndex: ReadonlyMap<IndicatorColumnKey, number>,
): (row: number) => CellAddresses {
  // A class per sheet, its getters on the prototype: `new` is a plain allocation, where
  // Object.create with a property descriptor took about a microsecond per row.
  class RowCells {
    readonly [sheetRowKey]: number;
    constructor(sheetRow: number) {
      this[sheetRowKey] = sheetRow;
    }
  }
  for (const [key, index] of columnIndex) {
    const letters = reader.address(0, index).replace(/\d+$/, "");
    Object.defineProperty(RowCells.prototype, key, {
      enumerable: true,
      get(this: RowCells) {
        return `${letters}${this[sheetRowKey]}`;
      },
    });
  }
  return (row) => new RowCells(row + reader.originRow + 1) as CellAddresses;
}

export interface SheetRead {
  rows: IndicatorRow[];
  issues: Issue[];
  /** False when the sheet could not be read at all (missing sheet or essential header). */
  readable: boolean;
}

const choiceRow = z.object({
  sentenceEnd: z.enum(sentenceEnds),
  include: z.enum(includeChoices),
  decimals: z.nullable(z.int().check(z.gte(0), z.lte(6))),
});

/** The choice columns that hold something outside their lists. */
function choiceProblems(choices: { sentenceEnd: string; include: string; decimals: number | null }): Set<string> {
  const parsed = choiceRow.safeParse(choices);
  return new Set(parsed.success ? [] : parsed.error.issues.map((problem) => String(problem.path[0])));
}

const noteMessages: Record<ReadingNote, (header: string, text: string) => string> = {
  "number-as-text": (header, text) => `${header}“${text}”是以文本形式存储的数字，已按数值读取`,
  "fullwidth-digits": (header, text) => `${header}“${text}”含全角数字或符号，已按数值读取`,
  "number-with-unit": (header, text) => `${header}“${text}”带有单位，已按数值读取`,
  "percent-as-text": (header, text) => `${header}“${text}”是文本形式的百分数，已按数值读取`,
};

function problemIssue(problem: ReadingProblem, column: ColumnSpec, unit: string): Omit<Issue, "sheet" | "cell"> {
  const header = column.header;
  switch (problem.code) {
    case "not-a-number":
      return {
        severity: "error",
        code: "not-a-number",
        message: `${header}应为数字，实际为“${problem.text}”`,
        hint: column.kind === "ratio" ? "填写百分数，如 92.4%，或留空自动计算" : "只填数字，单位写在“单位”列",
      };
    case "unit-mismatch":
      return {
        severity: "error",
        code: "unit-mismatch",
        message: `${header}“${problem.text}”的单位“${problem.written}”与单位列“${unit || "（空）"}”不一致`,
        hint: "按“单位”列的单位只填数字",
      };
    case "excel-error":
      return {
        severity: "error",
        code: "excel-error",
        message: `${header}是错误值 ${problem.text}`,
        hint: problem.text === "#DIV/0!" ? "公式中除数为0，请检查目标值或上年同期值" : "请检查该单元格的公式或引用",
      };
    case "date-in-number":
      return {
        severity: "error",
        code: "date-in-number",
        message: `${header}被 Excel 识别成了日期（${problem.text}）`,
        hint: "将单元格格式设为“常规”后重新输入数字",
      };
    case "out-of-range":
      return {
        severity: "error",
        code: "out-of-range",
        message: `${header}“${problem.text}”超出可处理的范围`,
        hint: "请核对数值和单位，如用“亿元”代替“元”",
      };
    case "uncalculated":
      return {
        severity: "warning",
        code: "uncalculated",
        message: `${header}的公式 ${problem.text} 尚无计算结果，按空值处理`,
        hint: "在 Excel 中打开并保存一次，或按 F9 重新计算",
      };
  }
}

const numericKeys: readonly IndicatorColumnKey[] = ["actual", "target", "completion", "prior", "growth"];

export function isRateUnit(unit: string): boolean {
  return rateUnits.includes(unit);
}

/** The indicator table's header row (the row holding 指标名称) and the columns found in it by header text. */
export function indicatorTable(
  reader: GridReader,
): { headerRow: number; columns: Map<IndicatorColumnKey, number> } | null {
  const headerRow = reader.findHeaderRow(indicatorColumns[0]!.header);
  if (headerRow === null) return null;
  const headers = reader.headerColumns(headerRow);
  const columns = new Map<IndicatorColumnKey, number>();
  for (const column of indicatorColumns) {
    const index = headers.get(column.header);
    if (index !== undefined) columns.set(column.key, index);
  }
  return { headerRow, columns };
}

/** Reads one category sheet. `grid` undefined means the sheet does not exist. */
export function readIndicatorSheet(sheet: string, grid: SheetGrid | undefined): SheetRead {
  const issues: Issue[] = [];
  if (!grid) {
    issues.push({
      severity: "error",
      sheet,
      cell: null,
      code: "missing-sheet",
      message: `缺少工作表“${sheet}”`,
      hint: "点击“创建模板”补齐，工作表名须与类别名称完全一致",
    });
    return { rows: [], issues, readable: false };
  }
  const reader = new GridReader(grid);
  const nameHeader = indicatorColumns[0]!.header;
  const table = indicatorTable(reader);
  if (table === null) {
    issues.push({
      severity: "error",
      sheet,
      cell: null,
      code: "missing-column",
      message: `工作表“${sheet}”中找不到表头“${nameHeader}”`,
      hint: "表头行应包含 指标名称、单位、本期值 等列",
    });
    return { rows: [], issues, readable: false };
  }
  const { headerRow, columns: columnIndex } = table;
  const headerEnd = reader.rowWidth(headerRow);
  for (const key of requiredColumnKeys) {
    if (columnIndex.has(key)) continue;
    const column = indicatorColumns.find((c) => c.key === key)!;
    issues.push({
      severity: "error",
      sheet,
      cell: reader.address(headerRow, headerEnd),
      code: "missing-column",
      message: `工作表“${sheet}”缺少“${column.header}”列`,
      hint: "在表头行补上该列（列的位置不限），或点击“创建模板”补齐",
    });
  }
  if (essentialColumnKeys.some((key) => !columnIndex.has(key))) return { rows: [], issues, readable: false };

  const rows: IndicatorRow[] = [];
  const addresses = cellAddresses(reader, columnIndex);
  for (let r = headerRow + 1; r < reader.rowCount; r += 1) {
    if (reader.isBlankRow(r)) continue;
    const row = readRow(reader, sheet, r, columnIndex, addresses, issues);
    if (row) rows.push(row);
  }
  return { rows, issues, readable: true };
}

function readRow(
  reader: GridReader,
  sheet: string,
  r: number,
  columnIndex: Map<IndicatorColumnKey, number>,
  rowCells: (row: number) => CellAddresses,
  issues: Issue[],
): IndicatorRow | null {
  const cells = rowCells(r);
  const text = (key: IndicatorColumnKey) => {
    const index = columnIndex.get(key);
    return index === undefined ? "" : reader.text(r, index);
  };
  const name = text("name");
  const unit = text("unit");
  if (!name) {
    issues.push({
      severity: "warning",
      sheet,
      cell: cells.name ?? reader.address(r, 0),
      code: "name-missing",
      message: "该行填写了数据但没有指标名称，未纳入专报",
      hint: "补上指标名称，或删除该行",
    });
    return null;
  }

  for (const key of ["name", "unit", "lead"] as const) {
    if (!/[{}｛｝]/.test(text(key))) continue;
    issues.push({
      severity: "error",
      sheet,
      cell: cells[key] ?? null,
      code: "braces-in-text",
      message: `${indicatorColumns.find((c) => c.key === key)!.header}“${text(key)}”含有花括号`,
      hint: "花括号 { } 只用于表述模板中的占位符，请删去",
    });
  }

  const numbers: Partial<Record<IndicatorColumnKey, number | null>> = {};
  for (const key of numericKeys) {
    const index = columnIndex.get(key);
    const column = indicatorColumns.find((c) => c.key === key)!;
    const reading: NumberReading =
      index === undefined
        ? { ok: true, value: null, note: null, text: "" }
        : readNumber(reader.cell(r, index), { unit, ratio: column.kind === "ratio" });
    const cell = cells[key] ?? null;
    // A derived column's formula nobody has calculated yet (a file ExcelJS wrote) loses nothing:
    // completion and growth are computed from the raw values when empty.
    if (!reading.ok && reading.problem.code === "uncalculated" && column.formula) {
      numbers[key] = null;
      continue;
    }
    if (!reading.ok) {
      issues.push({ sheet, cell, ...problemIssue(reading.problem, column, unit) });
      numbers[key] = null;
      continue;
    }
    if (reading.note) {
      issues.push({
        severity: "warning",
        sheet,
        cell,
        code: reading.note,
        message: noteMessages[reading.note](column.header, reading.text),
        hint: "建议改为纯数字，以免其他表格公式出错",
      });
    }
    numbers[key] = reading.value;
  }

  const sentenceEndText = text("sentenceEnd");
  const includeText = text("include");
  const decimalsCell = columnIndex.get("decimals");
  const decimalsValue = decimalsCell === undefined ? null : reader.cell(r, decimalsCell);
  const choices = {
    sentenceEnd: sentenceEndText || defaultSentenceEnd,
    include: includeText || "是",
    decimals: decimalsValue && decimalsValue.kind === "number" ? decimalsValue.value : null,
  };
  const invalid = choiceProblems(choices);
  if (invalid.has("sentenceEnd")) {
    issues.push({
      severity: "warning",
      sheet,
      cell: cells.sentenceEnd ?? null,
      code: "sentence-end-invalid",
      message: `句末“${sentenceEndText}”不是可选的标点，按“${defaultSentenceEnd}”处理`,
      hint: `可选：${sentenceEnds.join(" ")}`,
    });
  }
  if (invalid.has("include")) {
    issues.push({
      severity: "warning",
      sheet,
      cell: cells.include ?? null,
      code: "include-invalid",
      message: `纳入专报“${includeText}”应为“是”或“否”，按“是”处理`,
      hint: "从下拉列表中选择",
    });
  }
  const decimalsText = decimalsCell === undefined ? "" : reader.text(r, decimalsCell);
  if (invalid.has("decimals") || (decimalsText && decimalsValue?.kind !== "number")) {
    issues.push({
      severity: "warning",
      sheet,
      cell: cells.decimals ?? null,
      code: "decimals-invalid",
      message: `小数位数“${decimalsText}”应为0至6的整数，按默认位数处理`,
      hint: "留空则金额保留2位、百分数保留1位",
    });
  }

  return {
    sheet,
    row: r + reader.originRow,
    name,
    unit,
    actual: numbers.actual ?? null,
    target: numbers.target ?? null,
    completion: numbers.completion ?? null,
    prior: numbers.prior ?? null,
    growth: numbers.growth ?? null,
    template: text("template"),
    sentenceEnd: invalid.has("sentenceEnd") ? defaultSentenceEnd : (choices.sentenceEnd as SentenceEnd),
    include: invalid.has("include") ? true : choices.include === "是",
    lead: text("lead"),
    note: text("note"),
    decimals: invalid.has("decimals") ? null : choices.decimals,
    cells,
  };
}
