/** The built bundles stay within budgets/bundle.json (gzip sizes). */
import { expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { distPath, readDist, rootDir } from "./dist";

interface Budget {
  page?: string;
  file?: string;
  maxGzipBytes: number;
}

const { bundles } = JSON.parse(readFileSync(join(rootDir, "budgets", "bundle.json"), "utf8")) as {
  bundles: Record<string, Budget>;
};

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(distPath(file)), { level: 9 }).length;
}

/** The scripts a page loads at startup, as its HTML lists them, without Microsoft's office.js. */
function initialScripts(page: string): string[] {
  const sources = [...readDist(page).matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map(([, src]) => src!);
  return sources.filter((src) => !/^https?:/.test(src) && !src.startsWith("office-js/"));
}

test("the pane's initial JavaScript is within budget", () => {
  const budget = bundles.taskpaneInitialJs!;
  const scripts = initialScripts(budget.page!);
  expect(scripts).toContain("taskpane.js");
  const total = scripts.reduce((sum, script) => sum + gzipBytes(script), 0);
  expect(total).toBeLessThanOrEqual(budget.maxGzipBytes);
});

test("the custom functions bundle is within budget and carries no zod", () => {
  const budget = bundles.functionsJs!;
  expect(gzipBytes(budget.file!)).toBeLessThanOrEqual(budget.maxGzipBytes);
  // zod's error messages would show it was bundled (core/index.ts pulls it in; functions.ts must not).
  expect(readDist(budget.file!)).not.toMatch(/Invalid input|ZodError|\$ZodType/);
});
