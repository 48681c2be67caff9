/** The built pages' startup JavaScript stays within budgets/performance.json (gzip sizes), for each engine. */
import { expect, test } from "@jest/globals";
import { distDir, distPath, readDist } from "./dist";
import { pageScripts, type Engine } from "./support/bundle-sizes";
import { readPerformanceBudgets } from "./support/performance-budgets";

const { maxGzipBytes } = readPerformanceBudgets().initialJs;
const budgets = (Object.keys(maxGzipBytes) as Engine[]).flatMap((engine) =>
  Object.entries(maxGzipBytes[engine]).map(([page, budget]) => ({ engine, page, budget })),
);

test.each(budgets)(
  "$page's initial JavaScript for a $engine engine is within $budget bytes gzip",
  ({ engine, page, budget }) => {
    distPath(page);
    const { scripts, gzipBytes } = pageScripts(distDir, page, engine);
    expect(scripts).not.toEqual([]);
    expect(gzipBytes).toBeLessThanOrEqual(budget);
  },
);

test("a modern engine starts the pane with taskpane.js, Internet Explorer with legacy/taskpane.js, each beside the rescue script alone", () => {
  distPath("taskpane.html");
  expect(pageScripts(distDir, "taskpane.html", "modern").scripts.map((script) => script.file)).toEqual([
    "taskpane.js",
    "taskpane-rescue.js",
  ]);
  expect(pageScripts(distDir, "taskpane.html", "legacy").scripts.map((script) => script.file)).toEqual([
    "legacy/taskpane.js",
    "taskpane-rescue.js",
  ]);
});

test("the functions' initial JavaScript is functions.js, with no zod", () => {
  expect(pageScripts(distDir, "functions.html", "modern").scripts.map((script) => script.file)).toEqual([
    "functions.js",
  ]);
  // zod's error messages would show it was bundled (core/index.ts pulls it in; functions.ts must not).
  expect(readDist("functions.js")).not.toMatch(/Invalid input|ZodError|\$ZodType/);
});
