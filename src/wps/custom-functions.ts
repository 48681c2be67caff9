/**
 * The ZB functions in WPS 表格: the same implementations as in Excel (src/functions/functions.ts), whose
 * build appends one `CustomFunctions.associate(id, fn)` per function from their JSDoc. In WPS this
 * module provides that `CustomFunctions`: each association becomes wps.AddCustomFunction("ZB", id, …),
 * so both hosts register one table, from one source. WPS calls synchronously with scalars for single
 * cells, and shows the value returned; the adapter turns that into the 2-D shapes the functions take
 * and give, and an error into its code ("#N/A"), since WPS has no CustomFunctions.Error.
 */
import type { WpsAddinApi } from "./et-types";

export const zbNamespace = "ZB";

/** A function's entry in functions.json (custom-functions-metadata's format), the part used here. */
export interface FunctionMetadata {
  id: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean; repeating?: boolean }[];
}

/** The error codes cell-grid.ts uses, as WPS shows them. */
export const errorCodes = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;

/** What `new CustomFunctions.Error(code, message)` makes in WPS: the code is what the cell shows. */
export class WpsFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

type Implementation = (...args: unknown[]) => unknown;

/** One argument as a grid: a cell's value as [[v]], a row as [row]; omitted stays omitted. */
function asGrid(argument: unknown): unknown {
  if (argument === undefined || argument === null) return argument;
  if (!Array.isArray(argument)) return [[argument]];
  return argument.every(Array.isArray) ? argument : [argument];
}

/** A repeating parameter's arguments as the functions take them: one list of grids. */
function asGroup(rest: readonly unknown[]): unknown[] {
  const [only] = rest;
  const alreadyGrouped =
    rest.length === 1 && Array.isArray(only) && only.every((grid) => Array.isArray(grid) && grid.every(Array.isArray));
  return alreadyGrouped ? (only as unknown[]) : rest.map(asGrid);
}

function cellResult(value: unknown): unknown {
  return value instanceof WpsFunctionError ? value.code : value;
}

/** The functions' 2-D result as WPS shows it: one cell as its value, several as a 2-D array. */
function shownResult(result: unknown): unknown {
  if (!Array.isArray(result)) return cellResult(result);
  const rows = result as unknown[][];
  if (rows.length === 1 && rows[0]!.length === 1) return cellResult(rows[0]![0]);
  return rows.map((row) => row.map(cellResult));
}

/** `implementation` as WPS calls it, its repeating parameter (if any) gathered as Excel gathers it. */
export function wpsFunction(implementation: Implementation, metadata: FunctionMetadata | undefined): Implementation {
  const repeatingAt = metadata ? metadata.parameters.findIndex((parameter) => parameter.repeating) : -1;
  return (...args: unknown[]) => {
    const fixed = repeatingAt < 0 ? args : args.slice(0, repeatingAt);
    const grids = fixed.map(asGrid);
    if (repeatingAt >= 0 && args.length > repeatingAt) grids.push(asGroup(args.slice(repeatingAt)));
    return shownResult(implementation.apply(undefined, grids));
  };
}

/** The description WPS shows in its function wizard, from functions.json. */
function wizardOptions(metadata: FunctionMetadata): object {
  return {
    description: metadata.description ?? "",
    parameters: metadata.parameters.map((parameter) => ({
      name: parameter.name,
      description: parameter.description ?? "",
      type: parameter.optional ? "any?" : "any",
    })),
    result: { type: "any" },
  };
}

/** The `CustomFunctions` the functions' build calls, registering each function with WPS. */
export function customFunctionsForWps(wps: WpsAddinApi, metadata: readonly FunctionMetadata[]) {
  const byId = new Map(metadata.map((entry) => [entry.id, entry]));
  return {
    associate(id: string, implementation: Implementation): void {
      const entry = byId.get(id);
      wps.AddCustomFunction?.(zbNamespace, id, wpsFunction(implementation, entry), entry ? wizardOptions(entry) : {});
    },
    Error: WpsFunctionError,
    ErrorCode: errorCodes,
  };
}
