/**
 * Create, check and generate must run on Excel 2016 (ExcelApi 1.1): every later member of the Excel
 * namespace used in src/excel must sit behind a guard (see tests/support/api-usage.ts).
 */
import { describe, expect, test } from "@jest/globals";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  createProgram,
  excelApiUses,
  isAboveBaseline,
  isGuarded,
  readBaseline,
  repositoryRoot,
  unguardedUses,
  type ApiUse,
} from "./support/api-usage";

const baseline = readBaseline();
const excelDir = join(repositoryRoot, "src", "excel");
const adapterFiles = readdirSync(excelDir)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => join(excelDir, name));

function memberTable(uses: readonly ApiUse[]): string {
  const rows = new Map<string, { set: string; needsGuard: boolean; guarded: number; total: number }>();
  for (const use of uses) {
    const row = rows.get(use.member) ?? {
      set: use.requirement ? `${use.requirement.set} ${use.requirement.version}` : "—",
      needsGuard: isAboveBaseline(use.requirement, baseline),
      guarded: 0,
      total: 0,
    };
    row.total += 1;
    if (isGuarded(use)) row.guarded += 1;
    rows.set(use.member, row);
  }
  const lines = [...rows]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([member, row]) => {
      const guarded = !row.needsGuard
        ? "not needed"
        : row.guarded === row.total
          ? "yes"
          : `NO (${row.total - row.guarded} of ${row.total} uses)`;
      return `${member.padEnd(44)} ${row.set.padEnd(14)} ${guarded}`;
    });
  return [`${"member".padEnd(44)} ${"api set".padEnd(14)} guarded?`, ...lines].join("\n");
}

describe("Excel API requirement sets", () => {
  const program = createProgram(adapterFiles);
  const uses = adapterFiles.flatMap((file) => excelApiUses(program, file));

  test("the adapter uses nothing above the baseline without a guard", () => {
    console.log(
      `Excel API members used in src/excel (baseline ${baseline.set} ${baseline.version}):\n${memberTable(uses)}`,
    );
    expect(unguardedUses(uses, baseline).map((use) => `${use.member} (${use.file}:${use.line})`)).toEqual([]);
  });

  test("the analysis sees the adapter's uses, baseline and guarded alike", () => {
    const byMember = (member: string) => uses.filter((use) => use.member === member);
    expect(byMember("Excel.run")).not.toEqual([]);
    expect(byMember("Excel.Worksheet.getUsedRange")[0]!.requirement).toEqual({ set: "ExcelApi", version: "1.1" });
    const validation = byMember("Excel.Range.dataValidation");
    expect(validation).not.toEqual([]);
    for (const use of validation) {
      expect(use.requirement).toEqual({ set: "ExcelApi", version: "1.8" });
      expect(isGuarded(use)).toBe(true);
    }
    expect(byMember("Excel.ListDataValidation.source")[0]!.requirement).toEqual({ set: "ExcelApi", version: "1.8" });
    expect(byMember("Excel.RangeFormat.columnWidth")[0]!.requirement).toEqual({ set: "ExcelApi", version: "1.2" });
    const byName = byMember("Excel.WorksheetCollection.getItemOrNullObject");
    expect(byName.map((use) => use.requirement)).toEqual([{ set: "ExcelApi", version: "1.4" }]);
    expect(byName.every(isGuarded)).toBe(true);
  });
});

describe("the requirement-set analysis", () => {
  const snippetPath = (name: string) => join(excelDir, `__${name}__.ts`);
  const prelude = `declare function supportsExcelApi(version: string): boolean;\n`;
  const snippets: Record<string, string> = {
    unguarded: `${prelude}export function f(range: Excel.Range) {\n  range.dataValidation.clear();\n}\n`,
    guarded: `${prelude}export function f(range: Excel.Range) {\n  if (supportsExcelApi("1.8") && range !== null) range.dataValidation.clear();\n}\n`,
    tooLow: `${prelude}export function f(range: Excel.Range) {\n  if (supportsExcelApi("1.7")) range.dataValidation.clear();\n}\n`,
    elseBranch: `${prelude}export function f(range: Excel.Range) {\n  if (supportsExcelApi("1.8")) return;\n  else range.format.columnWidth = 10;\n}\n`,
    negated: `${prelude}export function f(range: Excel.Range) {\n  if (!supportsExcelApi("1.8")) range.dataValidation.clear();\n}\n`,
    isSetSupported: `export function f(range: Excel.Range) {\n  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) range.dataValidation.clear();\n}\n`,
  };
  const virtual = Object.fromEntries(Object.entries(snippets).map(([name, text]) => [snippetPath(name), text]));
  const program = createProgram([], virtual);
  const unguarded = (name: string) =>
    unguardedUses(excelApiUses(program, snippetPath(name)), baseline)
      .map((use) => `${use.member}:${use.line}`)
      .sort();

  test("reports an unguarded ExcelApi 1.8 member", () => {
    expect(unguarded("unguarded")).toEqual(["Excel.DataValidation.clear:3", "Excel.Range.dataValidation:3"]);
  });

  test("accepts a use inside an if on a high enough version, with supportsExcelApi or isSetSupported", () => {
    expect(unguarded("guarded")).toEqual([]);
    expect(unguarded("isSetSupported")).toEqual([]);
  });

  test("does not count a lower version, the else branch or a negated condition as a guard", () => {
    expect(unguarded("tooLow")).toEqual(["Excel.DataValidation.clear:3", "Excel.Range.dataValidation:3"]);
    expect(unguarded("elseBranch")).toEqual(["Excel.RangeFormat.columnWidth:4"]);
    expect(unguarded("negated")).toEqual(["Excel.DataValidation.clear:3", "Excel.Range.dataValidation:3"]);
  });

  test("treats members without an Api set tag, and baseline members, as needing no guard", () => {
    const uses = excelApiUses(program, snippetPath("elseBranch"));
    const format = uses.find((use) => use.member === "Excel.Range.format")!;
    expect(isAboveBaseline(format.requirement, baseline)).toBe(false);
    expect(isAboveBaseline(null, baseline)).toBe(false);
  });
});
