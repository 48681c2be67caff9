/**
 * Cell values as the hosts deliver them, read into one shape. Office.js gives numbers, strings
 * (errors as "#DIV/0!"), booleans and "" for empty; ExcelJS gives null, Date, {formula, result},
 * {error}, {richText} and {text, hyperlink}. Both go through `readCell`.
 */
import { datePhrase } from "../wording/phrases";

export type CellValue =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "date"; year: number; month: number; day: number }
  | { kind: "uncalculated"; formula: string };

const excelErrorCodes = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

// ExcelJS's object shapes are checked by hand rather than with zod: the custom functions read tables
// (ZB.HISTORY) through here, and their bundle stays without zod.
interface FormulaObject {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

const empty: CellValue = { kind: "empty" };

/** A formula cell: {formula?, sharedFormula?, result?} with the formulas as text, or null. */
function formulaCell(raw: object): FormulaObject | null {
  const { formula, sharedFormula } = raw as { formula?: unknown; sharedFormula?: unknown };
  const accepted =
    !Array.isArray(raw) &&
    (formula === undefined || typeof formula === "string") &&
    (sharedFormula === undefined || typeof sharedFormula === "string");
  return accepted ? raw : null;
}

/** The text runs of {richText: [{text}, …]}, or null when any run lacks its text. */
function richTextRuns(richText: unknown): string | null {
  if (!Array.isArray(richText)) return null;
  let text = "";
  for (const run of richText as unknown[]) {
    const part = run !== null && typeof run === "object" ? (run as { text?: unknown }).text : undefined;
    if (typeof part !== "string") return null;
    text += part;
  }
  return text;
}

function fromDate(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return empty;
  // ExcelJS builds dates in UTC from the serial number.
  return { kind: "date", year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function fromString(text: string): CellValue {
  if (text.trim() === "") return empty;
  if (excelErrorCodes.includes(text.trim())) return { kind: "error", code: text.trim() };
  return { kind: "text", value: text };
}

export function readCell(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return empty;
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "error", code: "#NUM!" };
  if (typeof raw === "string") return fromString(raw);
  if (typeof raw === "boolean") return { kind: "boolean", value: raw };
  if (raw instanceof Date) return fromDate(raw);
  if (typeof raw !== "object") return { kind: "error", code: "#VALUE!" };
  // The object's keys say which shape it is.
  if (isFormulaValue(raw)) {
    const formula = formulaCell(raw);
    if (formula) {
      const { result } = formula;
      if (result === undefined)
        return { kind: "uncalculated", formula: formula.formula ?? formula.sharedFormula ?? "" };
      return readCell(result);
    }
  } else if ("error" in raw) {
    const { error } = raw as { error: unknown };
    if (typeof error === "string") return { kind: "error", code: error };
  } else if ("richText" in raw) {
    const text = richTextRuns((raw as { richText: unknown }).richText);
    if (text !== null) return fromString(text);
  } else if ("hyperlink" in raw) {
    const { text, hyperlink } = raw as { text?: unknown; hyperlink: unknown };
    if (typeof hyperlink === "string") return readCell(text);
  }
  return { kind: "error", code: "#VALUE!" };
}

/** Whether a raw value is a formula cell, plain or shared ({sharedFormula} is a clone of another cell's formula). */
export function isFormulaValue(raw: unknown): boolean {
  return raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw);
}

/** The text a person sees for simple values (used for names, units, templates). */
export function cellText(cell: CellValue): string {
  switch (cell.kind) {
    case "text":
      return cell.value.trim();
    case "number":
      return String(cell.value);
    case "boolean":
      return cell.value ? "是" : "否";
    case "date":
      return datePhrase(cell);
    default:
      return "";
  }
}

/** `cellText(readCell(raw))` without building the cell for the strings and numbers most cells hold. */
export function rawCellText(raw: unknown): string {
  if (typeof raw === "string") {
    const text = raw.trim();
    return excelErrorCodes.includes(text) ? "" : text;
  }
  if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : "";
  return cellText(readCell(raw));
}

/** `readCell(raw).kind === "empty"` without building the cell. */
export function isEmptyCell(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === "string") return raw.trim() === "";
  if (typeof raw === "number") return false;
  return readCell(raw).kind === "empty";
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, with Excel's phantom 1900-02-29. */
export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const epoch = Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.round(serial) * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
