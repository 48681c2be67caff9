/**
 * Whether the page runs in WPS 表格: WPS puts ET's Application on the add-in's pages as
 * `window.Application` and on its `wps` object. WPS 文字 and 演示 have an Application too, without
 * ActiveWorkbook, so only an Application that has it counts.
 */
import type { EtApplication } from "./et-types";

export interface WpsEnvironment {
  app: EtApplication;
  /** wps.AddCustomFunction exists (WPS 12.1.0.20540+): ZB formulas can be written. */
  customFunctions: boolean;
}

/** The globals this decision reads: `window` in the pane. */
export interface WpsScope {
  Application?: unknown;
  wps?: unknown;
}

function member(host: unknown, name: string): unknown {
  return typeof host === "object" && host !== null ? (host as Record<string, unknown>)[name] : undefined;
}

function isSpreadsheet(app: unknown): app is EtApplication {
  try {
    return typeof app === "object" && app !== null && member(app, "ActiveWorkbook") !== undefined;
  } catch {
    return false;
  }
}

export function findWps(scope: WpsScope): WpsEnvironment | null {
  const wps = scope.wps;
  const app = [scope.Application, member(wps, "Application")].find(isSpreadsheet);
  if (!app) return null;
  return { app, customFunctions: typeof member(wps, "AddCustomFunction") === "function" };
}
