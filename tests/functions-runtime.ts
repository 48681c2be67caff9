/**
 * The built dist/functions.js run as Excel's JavaScript-only runtime runs it: a bare script context
 * with no window, document or Excel API, only a stand-in `CustomFunctions` (associate, Error, ErrorCode).
 */
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { distPath } from "./dist";

export const errorCodes = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;

export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type CustomFunction = (...args: unknown[]) => unknown;

/** Every function the bundle registers, by id. */
export function loadFunctions(): Map<string, CustomFunction> {
  const registered = new Map<string, CustomFunction>();
  const CustomFunctions = {
    associate(id: string, implementation: CustomFunction) {
      if (registered.has(id)) throw new Error(`${id} associated twice`);
      registered.set(id, implementation);
    },
    Error: StandInError,
    ErrorCode: errorCodes,
  };
  const context = createContext({ CustomFunctions });
  runInContext(readFileSync(distPath("functions.js"), "utf8"), context, { filename: "functions.js" });
  return registered;
}
