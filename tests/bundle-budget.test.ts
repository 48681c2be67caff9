/** The built pages' startup JavaScript stays within budgets/performance.json (gzip sizes). */
import { expect, test } from "@jest/globals";
import { distDir, distPath, readDist } from "./dist";
import { pageScripts } from "./support/bundle-sizes";
import { readPerformanceBudgets } from "./support/performance-budgets";

const { maxGzipBytes } = readPerformanceBudgets().initialJs;

test.each(Object.keys(maxGzipBytes))("%s's initial JavaScript is within budget", (page) => {
  distPath(page);
  const { scripts, gzipBytes } = pageScripts(distDir, page);
  expect(scripts).not.toEqual([]);
  expect(gzipBytes).toBeLessThanOrEqual(maxGzipBytes[page]!);
});

test("the pane's initial JavaScript is taskpane.js and the functions' is functions.js, with no zod", () => {
  expect(pageScripts(distDir, "taskpane.html").scripts.map((script) => script.file)).toContain("taskpane.js");
  expect(pageScripts(distDir, "functions.html").scripts.map((script) => script.file)).toEqual(["functions.js"]);
  // zod's error messages would show it was bundled (core/index.ts pulls it in; functions.ts must not).
  expect(readDist("functions.js")).not.toMatch(/Invalid input|ZodError|\$ZodType/);
});
