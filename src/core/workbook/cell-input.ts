/**
 * What a spreadsheet host (Excel through Office.js, WPS 表格 through ET) is given so that a cell holds a
 * value as it is. Both read what they are given like typing: "=…" becomes a formula, "2026-03" a date,
 * "462" a number; a leading apostrophe keeps text text.
 */
import type { CellBlock, TemplatePlan } from "./template-plan";
import type { FormulaCell } from "./workbook-template";

export function isFormulaCell(value: unknown): value is FormulaCell {
  return typeof value === "object" && value !== null && "formula" in value;
}

/** A value to write as a value: text always stays text. */
export function cellInput(value: number | string): number | string {
  return typeof value === "number" ? value : `'${value}`;
}

/** A planned write's cell (core's CellWrite): "" empties it, other text stays text. */
export function writeInput(value: number | string): number | string {
  return value === "" ? "" : cellInput(value);
}

/** A template cell as a formula write takes it; text the host would read as a formula keeps an apostrophe. */
export function formulaInput(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (isFormulaCell(value)) return `=${value.formula}`;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = String(value);
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** A block's cells as one rectangular matrix for a formula write (short rows padded with ""). */
export function formulaMatrix(block: CellBlock): (string | number | boolean)[][] {
  const width = block.values.reduce((widest, row) => Math.max(widest, row.length), 0);
  return block.values.map((row) => Array.from({ length: width }, (_, j) => formulaInput(row[j])));
}

/** Whether applying `plan` writes any formula (so the formula style matters to the person). */
export function planWritesFormulas(plan: TemplatePlan): boolean {
  const blocks = [
    ...plan.newSheets.map((grid) => grid.values),
    ...plan.extensions.flatMap((extension) => extension.blocks.map((block) => block.values)),
  ];
  return blocks.some((values) => values.some((row) => row.some(isFormulaCell)));
}
