/**
 * The language level of each built bundle, parsed as each engine would: the legacy pane (and its
 * chunks) as ES5 for Internet Explorer 11, the modern pane as ES2020, the custom functions as ES2016 —
 * the JavaScript-only runtime of Windows builds before 2403 and of Office 2021 (docs/compatibility.md).
 */
import { describe, expect, test } from "@jest/globals";
import { parse, type Options } from "acorn";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { distDir, readDist } from "./dist";

function scriptsIn(folder: string): string[] {
  readDist("taskpane.html");
  return readdirSync(join(distDir, folder))
    .filter((file) => file.endsWith(".js"))
    .map((file) => (folder ? `${folder}/${file}` : file));
}

function parseError(file: string, ecmaVersion: Options["ecmaVersion"]): string | null {
  try {
    parse(readDist(file), { ecmaVersion, sourceType: "script" });
    return null;
  } catch (error) {
    return `${file}: ${(error as Error).message}`;
  }
}

describe("the legacy bundle", () => {
  const files = () => scriptsIn("legacy");

  test("is the pane, the commands and the chunks they load", () => {
    const names = files().map((file) => file.replace(/^legacy\//, "").replace(/\.[0-9a-f]{8}\.js$/, ""));
    expect(names).toEqual(expect.arrayContaining(["taskpane.js", "commands.js", "docx", "exceljs", "word-export"]));
  });

  test("parses as ES5, every file of it", () => {
    expect(
      files()
        .map((file) => parseError(file, 5))
        .filter(Boolean),
    ).toEqual([]);
  });

  test("an ES2015 construct would be caught", () => {
    expect(() => parse("const answer = () => 42;", { ecmaVersion: 5 })).toThrow();
  });
});

test("the modern bundle and its chunks parse as ES2020", () => {
  const modern = scriptsIn("").filter((file) => file !== "functions.js" && !file.endsWith("-rescue.js"));
  expect(modern).toContain("taskpane.js");
  expect(modern.map((file) => parseError(file, 2020)).filter(Boolean)).toEqual([]);
});

test("the pane's rescue script parses as ES3: every engine that opens the page runs it, Internet Explorer 11 too", () => {
  expect(parseError("taskpane-rescue.js", 3)).toBeNull();
});

// functions.js for Excel's JavaScript-only runtime; wps/main.js (the same functions, the WPS ribbon) for
// WPS webviews whose Chromium version is not documented.
describe.each(["functions.js", "wps/main.js"])("the custom functions bundle %s", (file) => {
  test("parses as ES2016", () => {
    expect(parseError(file, 2016)).toBeNull();
  });

  test("calls no built-in newer than ES2016", () => {
    const newer =
      /\.(padStart|padEnd|flat|flatMap|trimStart|trimEnd|matchAll|replaceAll|allSettled|fromEntries|getOwnPropertyDescriptors)\b|Object\.(entries|values)\b|\bglobalThis\b/g;
    expect(readDist(file).match(newer) ?? []).toEqual([]);
  });
});
