/** Reading a category sheet's indicator table into typed rows, noting every cell that needs a look. */
import * as z from "zod/mini";
import type { RowNumbers } from "../calc/figures";
import { GridReader, type SheetGrid } from "./grid";
import type { Issue } from "../spec/issues";
import {
  columnByKey,
  defaultSentenceEnd,
  essentialColumnKeys,
  includeChoices,
  indicatorColumns,
  requiredColumnKeys,
  sentenceEnds,
  type ColumnSpec,
  type IndicatorColumnKey,
  type SentenceEnd,
} from "../spec/layout";
import { type ReadingNote, type ReadingProblem, readNumber } from "./numbers";

export interface IndicatorRow extends RowNumbers {
  sheet: string;
  /** Zero-based sheet row. */
  row: number;
  name: string;
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

const noProblems: ReadonlySet<string> = new Set();

/** The choice columns that hold something outside their lists. */
function choiceProblems(choices: {
  sentenceEnd: string;
  include: string;
  decimals: number | null;
}): ReadonlySet<string> {
  // What choiceRow accepts, checked first without zod: nearly every row holds valid choices.
  const { sentenceEnd, include, decimals } = choices;
  const valid =
    (sentenceEnds as readonly string[]).includes(sentenceEnd) &&
    (includeChoices as readonly string[]).includes(include) &&
    (decimals === null || (Number.isInteger(decimals) && decimals >= 0 && decimals <= 6));
  if (valid) return noProblems;
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

type NumericKey = "actual" | "target" | "completion" | "prior" | "growth";

const numericKeys: readonly NumericKey[] = ["actual", "target", "completion", "prior", "growth"];

type TextKey = "name" | "unit" | "lead" | "template" | "note" | "sentenceEnd" | "include";

/** The columns of one sheet as every row reads them, found once per sheet. */
interface SheetColumns {
  text: Readonly<Record<TextKey, number | undefined>>;
  numeric: readonly { key: NumericKey; index: number; column: ColumnSpec }[];
  decimals: number | undefined;
  addresses: (row: number) => CellAddresses;
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

/** A category sheet opened for reading: its rows are read one at a time as the iteration asks. */
export interface IndicatorSheet {
  /**
   * The indicator rows in sheet order, to iterate once. A caller can finish with each row while it is
   * fresh: on sheets of tens of thousands of rows, passing over all of them again costs more than the
   * work per row.
   */
  rows: Iterable<IndicatorRow>;
  /** Problems with the sheet itself, then each row's reading problems, added as its row is read. */
  issues: Issue[];
  /** False when the sheet could not be read at all (missing sheet or essential header). */
  readable: boolean;
}

/** Reads one category sheet. `grid` undefined means the sheet does not exist. */
export function readIndicatorSheet(sheet: string, grid: SheetGrid | undefined): SheetRead {
  const opened = openIndicatorSheet(sheet, grid);
  const rows = [...opened.rows];
  return { rows, issues: opened.issues, readable: opened.readable };
}

/** Opens one category sheet; `grid` undefined means the sheet does not exist. */
export function openIndicatorSheet(sheet: string, grid: SheetGrid | undefined): IndicatorSheet {
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
    issues.push({
      severity: "error",
      sheet,
      cell: reader.address(headerRow, headerEnd),
      code: "missing-column",
      message: `工作表“${sheet}”缺少“${columnByKey(key).header}”列`,
      hint: "在表头行补上该列（列的位置不限），或点击“创建模板”补齐",
    });
  }
  if (essentialColumnKeys.some((key) => !columnIndex.has(key))) return { rows: [], issues, readable: false };

  const columns: SheetColumns = {
    text: {
      name: columnIndex.get("name"),
      unit: columnIndex.get("unit"),
      lead: columnIndex.get("lead"),
      template: columnIndex.get("template"),
      note: columnIndex.get("note"),
      sentenceEnd: columnIndex.get("sentenceEnd"),
      include: columnIndex.get("include"),
    },
    numeric: numericKeys.flatMap((key) => {
      const index = columnIndex.get(key);
      return index === undefined ? [] : [{ key, index, column: columnByKey(key) }];
    }),
    decimals: columnIndex.get("decimals"),
    addresses: cellAddresses(reader, columnIndex),
  };
  function* rows(): Generator<IndicatorRow> {
    for (let r = headerRow + 1; r < reader.rowCount; r += 1) {
      if (reader.isBlankRow(r)) continue;
      const row = readRow(reader, sheet, r, columns, issues);
      if (row) yield row;
    }
  }
  return { rows: rows(), issues, readable: true };
}

function columnText(reader: GridReader, r: number, index: number | undefined): string {
  return index === undefined ? "" : reader.text(r, index);
}

function bracesIssue(sheet: string, cell: string | undefined, key: "name" | "unit" | "lead", text: string): Issue {
  return {
    severity: "error",
    sheet,
    cell: cell ?? null,
    code: "braces-in-text",
    message: `${columnByKey(key).header}“${text}”含有花括号`,
    hint: "花括号 { } 只用于表述模板中的占位符，请删去",
  };
}

const braces = /[{}｛｝]/;

function readRow(
  reader: GridReader,
  sheet: string,
  r: number,
  columns: SheetColumns,
  issues: Issue[],
): IndicatorRow | null {
  const cells = columns.addresses(r);
  const name = columnText(reader, r, columns.text.name);
  const unit = columnText(reader, r, columns.text.unit);
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

  const lead = columnText(reader, r, columns.text.lead);
  if (braces.test(name)) issues.push(bracesIssue(sheet, cells.name, "name", name));
  if (braces.test(unit)) issues.push(bracesIssue(sheet, cells.unit, "unit", unit));
  if (braces.test(lead)) issues.push(bracesIssue(sheet, cells.lead, "lead", lead));

  const numbers: Record<NumericKey, number | null> = {
    actual: null,
    target: null,
    completion: null,
    prior: null,
    growth: null,
  };
  for (const { key, index, column } of columns.numeric) {
    const reading = readNumber(reader.cell(r, index), { unit, ratio: column.kind === "ratio" });
    const cell = cells[key] ?? null;
    // A derived column's formula nobody has calculated yet (a file ExcelJS wrote) loses nothing:
    // completion and growth are computed from the raw values when empty.
    if (!reading.ok && reading.problem.code === "uncalculated" && column.formula) continue;
    if (!reading.ok) {
      issues.push({ sheet, cell, ...problemIssue(reading.problem, column, unit) });
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

  const sentenceEndText = columnText(reader, r, columns.text.sentenceEnd);
  const includeText = columnText(reader, r, columns.text.include);
  const decimalsValue = columns.decimals === undefined ? null : reader.cell(r, columns.decimals);
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
  const decimalsText = columnText(reader, r, columns.decimals);
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
    actual: numbers.actual,
    target: numbers.target,
    completion: numbers.completion,
    prior: numbers.prior,
    growth: numbers.growth,
    template: columnText(reader, r, columns.text.template),
    sentenceEnd: invalid.has("sentenceEnd") ? defaultSentenceEnd : (choices.sentenceEnd as SentenceEnd),
    include: invalid.has("include") ? true : choices.include === "是",
    lead,
    note: columnText(reader, r, columns.text.note),
    decimals: invalid.has("decimals") ? null : choices.decimals,
    cells,
  };
}
