/**
 * Cell-by-cell evaluation over the ranges Excel passes to the ZB functions. Every argument is a 2-D
 * array (one cell is [[v]]); the result has the arguments' common shape, with Excel's broadcasting (a
 * single cell, row or column repeats), so a whole column is one call and spills.
 */
import { readNumber } from "../core/reading";

/** Whatever a cell holds as Excel passes it: a number, text, TRUE/FALSE, or blank (null or ""). */
export type CellInput = unknown;
export type CellGrid = readonly (readonly CellInput[])[];
export type CellOutput = number | string | CustomFunctions.Error;

type FailureCode = "#VALUE!" | "#N/A" | "#DIV/0!";

/** One cell's failure: it becomes an Excel error in that cell only, never an exception to Excel. */
export class CellFailure {
  constructor(
    readonly code: FailureCode,
    readonly message: string,
  ) {}
}

export function invalidValue(message: string): never {
  throw new CellFailure("#VALUE!", message);
}

export function notAvailable(message: string): never {
  throw new CellFailure("#N/A", message);
}

export function divisionByZero(): never {
  throw new CellFailure("#DIV/0!", "");
}

function excelError(failure: CellFailure): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (failure.code) {
    case "#VALUE!":
      return new CustomFunctions.Error(codes.invalidValue, failure.message);
    case "#N/A":
      return new CustomFunctions.Error(codes.notAvailable, failure.message);
    case "#DIV/0!":
      // Excel shows no custom message for #DIV/0!.
      return new CustomFunctions.Error(codes.divisionByZero);
  }
}

const shapeMismatch = new CellFailure("#N/A", "各参数区域的行数或列数不一致");

/** An omitted optional argument arrives as null or undefined: it reads as one blank cell. */
function asGrid(argument: CellGrid | null | undefined): CellGrid {
  return Array.isArray(argument) && argument.length > 0 ? argument : [[null]];
}

/**
 * Applies `each` to every cell position. An argument with one row (or column) repeats down (or
 * across); a position outside a larger argument's range gets #N/A, as Excel's own array arithmetic does.
 */
export function cellwise(
  args: readonly (CellGrid | null | undefined)[],
  each: (cells: CellInput[]) => CellOutput,
): CellOutput[][] {
  const grids = args.map(asGrid);
  let rows = 1;
  let columns = 1;
  for (const grid of grids) {
    rows = Math.max(rows, grid.length);
    for (const row of grid) columns = Math.max(columns, row.length);
  }
  const cells: CellInput[] = grids.map(() => null);
  const rowOfEach: (readonly CellInput[] | undefined)[] = new Array<readonly CellInput[] | undefined>(grids.length);
  const result: CellOutput[][] = new Array<CellOutput[]>(rows);
  for (let r = 0; r < rows; r += 1) {
    for (let i = 0; i < grids.length; i += 1) {
      const grid = grids[i]!;
      rowOfEach[i] = grid[grid.length === 1 ? 0 : r];
    }
    const line: CellOutput[] = new Array<CellOutput>(columns);
    for (let c = 0; c < columns; c += 1) {
      let fits = true;
      for (let i = 0; i < grids.length && fits; i += 1) {
        const row = rowOfEach[i];
        const column = row && row.length === 1 ? 0 : c;
        if (!row || column >= row.length) fits = false;
        else cells[i] = row[column];
      }
      line[c] = fits ? evaluate(each, cells) : excelError(shapeMismatch);
    }
    result[r] = line;
  }
  return result;
}

function evaluate(each: (cells: CellInput[]) => CellOutput, cells: CellInput[]): CellOutput {
  try {
    return each(cells);
  } catch (failure) {
    if (failure instanceof CellFailure) return excelError(failure);
    throw failure;
  }
}

export function isBlank(cell: CellInput): cell is null | undefined | "" {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function shown(cell: CellInput): string {
  return typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);
}

/**
 * A figure, or null when blank. Text is read as a careful colleague would (core's readNumber):
 * "462", "４６２", "92.4%" where a ratio is meant, and "462人" when the row's unit is 人.
 */
export function readFigure(cell: CellInput, label: string, ratio = false, unit = ""): number | null {
  if (typeof cell === "number") return cell;
  if (isBlank(cell)) return null;
  if (typeof cell === "string") {
    const reading = readNumber({ kind: "text", value: cell }, { unit, ratio });
    if (reading.ok && reading.value !== null) return reading.value;
  }
  return invalidValue(`${label}应为数值，而不是“${shown(cell)}”`);
}

/** A whole number within [min, max], or null when blank. */
export function readWholeNumber(cell: CellInput, label: string, min: number, max: number): number | null {
  const value = readFigure(cell, label);
  if (value === null) return null;
  if (!Number.isInteger(value) || value < min || value > max) {
    return invalidValue(`${label}应为${min}至${max}的整数，而不是“${shown(cell)}”`);
  }
  return value;
}

/** Decimal places (0–10), or null when blank for core's defaults. */
export function readDecimals(cell: CellInput): number | null {
  return readWholeNumber(cell, "小数位数", 0, 10);
}

/** Text as typed; a number is taken as its digits. Booleans are not text. */
export function readText(cell: CellInput, label: string): string {
  if (isBlank(cell)) return "";
  if (typeof cell !== "string" && typeof cell !== "number")
    return invalidValue(`${label}应为文字，而不是“${shown(cell)}”`);
  return String(cell);
}

/** TRUE/FALSE, 1/0, or the 专报设置 wording 按天/按日 and 按月; false when blank. */
export function readSwitch(cell: CellInput, label: string, onWords: readonly string[], offWords: readonly string[]) {
  if (isBlank(cell)) return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number" && (cell === 0 || cell === 1)) return cell === 1;
  if (typeof cell === "string") {
    const word = cell.trim().toUpperCase();
    if (word === "TRUE" || onWords.includes(word)) return true;
    if (word === "FALSE" || offWords.includes(word)) return false;
  }
  return invalidValue(`${label}应为 TRUE 或 FALSE（或“${onWords[0]}”“${offWords[0]}”），而不是“${shown(cell)}”`);
}
