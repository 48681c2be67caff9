/**
 * Cell values as the hosts deliver them, read into one shape. Office.js gives numbers, strings
 * (errors as "#DIV/0!"), booleans and "" for empty; ExcelJS gives null, Date, {formula, result},
 * {error}, {richText} and {text, hyperlink}. Both go through `readCell`.
 */
import * as z from "zod/mini";
import { cellText, excelErrorCodes, fromString, readPlainCell } from "./plain-cells";

export { cellText } from "./plain-cells";

export type CellValue =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "date"; year: number; month: number; day: number }
  | { kind: "uncalculated"; formula: string };

const errorObject = z.object({ error: z.string() });
const formulaObject = z.object({
  formula: z.optional(z.string()),
  sharedFormula: z.optional(z.string()),
  result: z.optional(z.unknown()),
});
const richTextObject = z.object({ richText: z.array(z.object({ text: z.string() })) });
const hyperlinkObject = z.object({ text: z.unknown(), hyperlink: z.string() });

/**
 * A formula cell as `formulaObject` reads it. The shape it accepts is checked first without zod, whose
 * parse allocates a result object and issue lists: a large sheet has a formula cell in every row.
 */
function formulaCell(raw: object): z.infer<typeof formulaObject> | null {
  const { formula, sharedFormula } = raw as { formula?: unknown; sharedFormula?: unknown };
  const accepted =
    !Array.isArray(raw) &&
    (formula === undefined || typeof formula === "string") &&
    (sharedFormula === undefined || typeof sharedFormula === "string");
  if (accepted) return raw;
  const parsed = formulaObject.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function readCell(raw: unknown): CellValue {
  const plain = readPlainCell(raw);
  if (plain) return plain;
  if (raw === null || typeof raw !== "object") return { kind: "error", code: "#VALUE!" };
  // Pick the one schema the object's keys point to: a failed zod parse is costly on large sheets.
  if (isFormulaValue(raw)) {
    const formula = formulaCell(raw);
    if (formula) {
      const { result } = formula;
      if (result === undefined)
        return { kind: "uncalculated", formula: formula.formula ?? formula.sharedFormula ?? "" };
      return readCell(result);
    }
  } else if ("error" in raw) {
    const error = errorObject.safeParse(raw);
    if (error.success) return { kind: "error", code: error.data.error };
  } else if ("richText" in raw) {
    const richText = richTextObject.safeParse(raw);
    if (richText.success) return fromString(richText.data.richText.map((run) => run.text).join(""));
  } else if ("hyperlink" in raw) {
    const hyperlink = hyperlinkObject.safeParse(raw);
    if (hyperlink.success) return readCell(hyperlink.data.text);
  }
  return { kind: "error", code: "#VALUE!" };
}

/** Whether a raw value is a formula cell, plain or shared ({sharedFormula} is a clone of another cell's formula). */
export function isFormulaValue(raw: unknown): boolean {
  return raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw);
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
