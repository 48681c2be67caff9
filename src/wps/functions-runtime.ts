/**
 * First module of the WPS entry page's bundle: installs the `CustomFunctions` that the ZB functions'
 * associate calls (appended by the build) register with, before those functions load. A WPS without
 * wps.AddCustomFunction (before 12.1.0.20540) gets one that registers nothing: the ribbon still works.
 * ZB_FUNCTIONS_METADATA is functions.json's list, put in by the build (webpack.config.js).
 */
import type { WpsAddinApi } from "./et-types";
import { customFunctionsForWps, type FunctionMetadata } from "./custom-functions";

declare const ZB_FUNCTIONS_METADATA: FunctionMetadata[];

// window rather than globalThis, which WPS builds on Chromium before 71 lack.
const scope = window as unknown as { wps?: WpsAddinApi; CustomFunctions?: unknown };
const wps = scope.wps;
const withFunctions = wps && typeof wps.AddCustomFunction === "function";
scope.CustomFunctions = customFunctionsForWps(withFunctions ? wps : ({} as WpsAddinApi), ZB_FUNCTIONS_METADATA);
