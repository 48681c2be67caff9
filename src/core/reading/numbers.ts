/**
 * Reading a figure from a cell the way a careful colleague would: numbers as numbers, and the usual
 * slips (数字存成文本, full-width digits, "462人", "92.4%") read with a note so the checks can warn.
 */
import type { CellValue } from "./cells";

export type ReadingNote = "number-as-text" | "fullwidth-digits" | "number-with-unit" | "percent-as-text";

export type ReadingProblem =
  | { code: "not-a-number"; text: string }
  | { code: "unit-mismatch"; text: string; written: string }
  | { code: "excel-error"; text: string }
  | { code: "date-in-number"; text: string }
  | { code: "uncalculated"; text: string }
  | { code: "out-of-range"; text: string };

export type NumberReading =
  { ok: true; value: number | null; note: ReadingNote | null; text: string } | { ok: false; problem: ReadingProblem };

const fullwidthMap: Readonly<Record<string, string>> = {
  "０": "0",
  "１": "1",
  "２": "2",
  "３": "3",
  "４": "4",
  "５": "5",
  "６": "6",
  "７": "7",
  "８": "8",
  "９": "9",
  "．": ".",
  "－": "-",
  "＋": "+",
  "％": "%",
  "，": ",",
  "\u3000": " ",
};

function toHalfwidth(text: string): string {
  return text.replace(/[０-９．－＋％，\u3000]/g, (ch) => fullwidthMap[ch] ?? ch);
}

const numberWithSuffix = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(.*)$/;
const looksLikeUnit = /^(?:%|[\u4e00-\u9fff]{1,4})$/;

export interface NumberContext {
  /** The row's 单位, to accept "462人" when the unit is 人. */
  unit: string;
  /** A ratio column (完成率, 同比) accepts "92.4%" as 0.924. */
  ratio: boolean;
}

function readText(text: string, context: NumberContext): NumberReading {
  const trimmed = text.trim();
  const halfwidth = toHalfwidth(trimmed).replace(/\s+/g, "");
  const fullwidth = halfwidth !== trimmed.replace(/\s+/g, "");
  const match = numberWithSuffix.exec(halfwidth);
  if (!match) return { ok: false, problem: { code: "not-a-number", text: trimmed } };
  const value = Number(match[1]!.replace(/,/g, ""));
  const suffix = match[2]!;
  const note: ReadingNote | null = fullwidth ? "fullwidth-digits" : null;
  if (suffix === "") return { ok: true, value, note: note ?? "number-as-text", text: trimmed };
  if (suffix === "%" && context.ratio)
    return { ok: true, value: value / 100, note: note ?? "percent-as-text", text: trimmed };
  if (context.unit !== "" && toHalfwidth(context.unit) === suffix) {
    return { ok: true, value, note: note ?? "number-with-unit", text: trimmed };
  }
  if (looksLikeUnit.test(suffix))
    return { ok: false, problem: { code: "unit-mismatch", text: trimmed, written: suffix } };
  return { ok: false, problem: { code: "not-a-number", text: trimmed } };
}

/** Beyond Excel's 15 significant digits a figure is a typing slip, and its ×100 may overflow. */
const largestFigure = 1e15;

export function readNumber(cell: CellValue, context: NumberContext): NumberReading {
  const reading = readAny(cell, context);
  if (reading.ok && reading.value !== null && Math.abs(reading.value) >= largestFigure) {
    return { ok: false, problem: { code: "out-of-range", text: reading.text || String(reading.value) } };
  }
  return reading;
}

function readAny(cell: CellValue, context: NumberContext): NumberReading {
  switch (cell.kind) {
    case "empty":
      return { ok: true, value: null, note: null, text: "" };
    case "number":
      // A real number needs no text: it is only ever quoted when out of range.
      return { ok: true, value: cell.value, note: null, text: "" };
    case "text":
      return readText(cell.value, context);
    case "error":
      return { ok: false, problem: { code: "excel-error", text: cell.code } };
    case "date":
      return { ok: false, problem: { code: "date-in-number", text: `${cell.year}-${cell.month}-${cell.day}` } };
    case "uncalculated":
      return { ok: false, problem: { code: "uncalculated", text: `=${cell.formula}` } };
    case "boolean":
      return { ok: false, problem: { code: "not-a-number", text: cell.value ? "TRUE" : "FALSE" } };
  }
}
