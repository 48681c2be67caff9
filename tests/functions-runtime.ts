/**
 * The built dist/functions.js run as Excel's JavaScript-only runtime runs it: a bare script context
 * with no window, document or Excel API, only a stand-in `CustomFunctions` (associate, Error, ErrorCode).
 */
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { errorCodes } from "../src/wps/custom-functions";
import { distPath } from "./dist";

// Excel's CustomFunctions.ErrorCode values are the codes a cell shows, as WPS's stand-in has them.
export { errorCodes };

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

/** What WPS would hold after loading the add-in's entry script, dist/wps/main.js. */
export interface WpsEntry {
  /** Every function registered with wps.AddCustomFunction, by namespace.name. */
  functions: Map<string, CustomFunction>;
  /** The page's globals (the ribbon's callbacks among them). */
  globals: Record<string, unknown>;
}

/** dist/wps/main.js in a bare context with a stand-in `wps` whose AddCustomFunction records each registration. */
export function loadWpsEntry(pageUrl = "https://intranet/zhuanbao/wps/index.html"): WpsEntry {
  const functions = new Map<string, CustomFunction>();
  const wps = {
    AddCustomFunction(namespace: string, name: string, implementation: CustomFunction) {
      const id = `${namespace}.${name}`;
      if (functions.has(id)) throw new Error(`${id} added twice`);
      functions.set(id, implementation);
    },
  };
  const globals: Record<string, unknown> = { wps, location: { href: pageUrl } };
  globals.window = globals;
  const context = createContext(globals);
  runInContext(readFileSync(distPath("wps/main.js"), "utf8"), context, { filename: "wps/main.js" });
  return { functions, globals };
}
