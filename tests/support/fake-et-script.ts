/**
 * The ET stand-in (fake-et.ts) as a script for a browser page: transpiled as it is, run before the
 * page's own scripts, it puts a fresh stand-in at window.Application (and at window.__fakeEt for the
 * test to inspect and type into), as WPS puts ET's Application on an add-in's pages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import type { EtSheetSeed, FakeEt } from "./fake-et";

/** What the page has once the script ran. */
export interface WindowWithEt {
  __fakeEt: FakeEt;
}

export function fakeEtInitScript(seeds: readonly EtSheetSeed[] = [{ name: "Sheet1", values: [] }]): string {
  const source = readFileSync(join(__dirname, "fake-et.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  return [
    "(function () {",
    "var exports = {};",
    outputText,
    `var fake = new exports.FakeEt(${JSON.stringify(seeds)});`,
    "window.__fakeEt = fake;",
    "window.Application = fake.application;",
    "})();",
  ].join("\n");
}
