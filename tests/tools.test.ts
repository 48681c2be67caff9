/**
 * A test that needs a program the machine lacks (Chromium, LibreOffice…) is skipped with a notice on a
 * developer's machine and fails the run with CI=true: a CI run never passes by skipping. Checked by
 * running jest on a test file whose tool is missing, with and without CI.
 */
import { afterAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isCi } from "./support/tools";

const rootDir = join(__dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "zhuanbao-tools-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, "missing-tool.test.ts"),
  `import { test } from "@jest/globals";
import { describeWith } from ${JSON.stringify(join(rootDir, "tests", "support", "tools"))};
describeWith({ name: "Imaginary", present: false, install: "apt-get install imaginary" })("needs Imaginary", () => {
  test("would run", () => undefined);
});
`,
);

function jestWith(env: Record<string, string | undefined>): { status: number | null; output: string } {
  const config = {
    testEnvironment: "node",
    transform: {
      "^.+\\.ts$": [join(rootDir, "node_modules", "ts-jest"), { tsconfig: join(rootDir, "tsconfig.json") }],
    },
  };
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  const run = spawnSync(
    process.execPath,
    [
      join(rootDir, "node_modules", "jest", "bin", "jest.js"),
      "--rootDir",
      dir,
      "--config",
      JSON.stringify(config),
      "--ci",
    ],
    { encoding: "utf8", env: childEnv as NodeJS.ProcessEnv, timeout: 120_000 },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("a test whose program is missing", () => {
  test("fails the run with CI=true, naming the program and how to install it", () => {
    const run = jestWith({ CI: "true" });
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      "CI=true and a program these tests need is missing: Imaginary — apt-get install imaginary",
    );
    expect(run.output).toMatch(/Tests:\s+1 failed, 1 skipped, 2 total/);
  }, 130_000);

  test("is skipped with a notice elsewhere", () => {
    const run = jestWith({ CI: undefined });
    expect(run.status).toBe(0);
    expect(run.output).toContain("Skipping tests that need what is not installed: Imaginary");
    expect(run.output).toMatch(/Tests:\s+1 skipped, 1 total/);
  }, 130_000);
});

test("CI counts as set unless it is empty, false or 0", () => {
  expect([undefined, "", "false", "0", "FALSE"].map((value) => isCi({ CI: value }))).toEqual([
    false,
    false,
    false,
    false,
    false,
  ]);
  expect(["true", "1", "yes"].map((value) => isCi({ CI: value }))).toEqual([true, true, true]);
});
