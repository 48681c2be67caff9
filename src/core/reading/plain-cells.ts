/**
 * The cell values every host gives as plain JavaScript values (numbers, strings, booleans, blanks,
 * dates), read without zod: the custom functions, which get only these, read tables through here and
 * stay free of zod; `readCell` (cells.ts) adds ExcelJS's object shapes on top.
 */
import type { CellValue } from "./cells";
import { datePhrase } from "../wording/phrases";

export const excelErrorCodes: readonly string[] = [
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

export const emptyCell: CellValue = { kind: "empty" };

function fromDate(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return emptyCell;
  // ExcelJS builds dates in UTC from the serial number.
  return { kind: "date", year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function fromString(text: string): CellValue {
  if (text.trim() === "") return emptyCell;
  if (excelErrorCodes.includes(text.trim())) return { kind: "error", code: text.trim() };
  return { kind: "text", value: text };
}

/** A plain value's cell; null for an object, which only `readCell` reads. */
export function readPlainCell(raw: unknown): CellValue | null {
  if (raw === null || raw === undefined) return emptyCell;
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "error", code: "#NUM!" };
  if (typeof raw === "string") return fromString(raw);
  if (typeof raw === "boolean") return { kind: "boolean", value: raw };
  if (raw instanceof Date) return fromDate(raw);
  if (typeof raw !== "object") return { kind: "error", code: "#VALUE!" };
  return null;
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
