/**
 * jest.config.js's two projects hold the right tests: every test that reaches dist/, Chromium or
 * LibreOffice (through any test helper it imports) is in `built`, whose globalSetup builds dist/, and
 * nothing else is — so `npm run test:unit` never builds and never needs a browser.
 */
import { expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const rootDir = join(__dirname, "..");

/** The test files of a project, relative to the repository, as jest itself lists them. */
function listTests(project: string): string[] {
  const jest = join(rootDir, "node_modules", "jest", "bin", "jest.js");
  const run = spawnSync(process.execPath, [jest, "--listTests", "--json", "--selectProjects", project], {
    cwd: rootDir,
    encoding: "utf8",
  });
  return (JSON.parse(run.stdout) as string[]).map((file) => relative(rootDir, file)).sort();
}

/** The helpers that mean "needs the build, a browser or LibreOffice". */
const builtOnly = ["tests/dist.ts", "tests/support/browser.ts", "tests/support/libreoffice.ts"];

/** Every file under tests/ that `file` imports, directly or through another one. */
function testImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, specifier] of readFileSync(join(rootDir, file), "utf8").matchAll(/from\s+"(\.[^"]+)"/g)) {
    const target = relative(rootDir, resolve(dirname(join(rootDir, file)), `${specifier}.ts`));
    if (!target.startsWith("tests/") || seen.has(target) || !existsSync(join(rootDir, target))) continue;
    seen.add(target);
    testImports(target, seen);
  }
  return seen;
}

const needsBuild = (file: string) => [...testImports(file)].some((helper) => builtOnly.includes(helper));

test("the built project holds exactly the tests that need dist/, a browser or LibreOffice", () => {
  const unit = listTests("unit");
  const built = listTests("built");
  expect(unit.length).toBeGreaterThan(20);
  expect(built.filter((file) => unit.includes(file))).toEqual([]);
  expect(unit.filter(needsBuild)).toEqual([]);
  expect(built.filter((file) => !needsBuild(file))).toEqual([]);
});

test("the import scan follows helpers: functions.test.ts reaches dist/ through functions-runtime.ts", () => {
  expect([...testImports("tests/functions.test.ts")]).toEqual(
    expect.arrayContaining(["tests/functions-runtime.ts", "tests/dist.ts"]),
  );
  expect(needsBuild("tests/core/wording.test.ts")).toBe(false);
});
