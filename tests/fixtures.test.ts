/**
 * The repository stands on its own: the golden texts and the manifest schemas the tests read are
 * copies in tests/fixtures/ (each listed, with its source, in tests/fixtures/README.md), and no test,
 * script or configuration reaches outside the project for them (../shared is not there in a clone).
 */
import { expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const rootDir = join(__dirname, "..");
const fixturesDir = join(__dirname, "fixtures");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test("every fixture is listed in tests/fixtures/README.md with where it came from", () => {
  const readme = readFileSync(join(fixturesDir, "README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map(([, here, source]) => ({ here, source }));
  const listed = (file: string) =>
    rows.some(({ here }) => (here!.endsWith("/*") ? file.startsWith(here!.slice(0, -1)) : file === here));
  const fixtures = filesUnder(fixturesDir)
    .map((file) => relative(fixturesDir, file))
    .filter((file) => file !== "README.md");
  expect(fixtures.length).toBeGreaterThan(3);
  expect(fixtures.filter((file) => !listed(file))).toEqual([]);
  for (const { source } of rows) expect(source).toMatch(/^\.\.\/shared\//);
});

test("no test, script or configuration reads ../shared", () => {
  const sources = [
    ...filesUnder(join(rootDir, "tests")).filter((file) => !file.startsWith(fixturesDir) && file !== __filename),
    ...filesUnder(join(rootDir, "scripts")),
    ...["jest.config.js", "webpack.config.js", "package.json", "tsconfig.json"].map((file) => join(rootDir, file)),
  ];
  const outside = /\.\.\/shared\b|["']\.\.["'],\s*["']shared["']/;
  expect(
    sources.filter((file) => outside.test(readFileSync(file, "utf8"))).map((file) => relative(rootDir, file)),
  ).toEqual([]);
});
