/**
 * The Word export (the docx package), ExcelJS (导入报送表, 下载报送表) and 部署自检 are chunks of their
 * own in dist/: the pane's initial JavaScript carries none, and taskpane.html neither loads nor prefetches them.
 */
import { expect, test } from "@jest/globals";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readDist, distDir } from "./dist";

/**
 * Strings only the docx package writes (the .docx's parts) and only ExcelJS writes (an .xlsx's theme part;
 * not xl/workbook.xml, which the format check looks for, nor xl/sharedStrings.xml or xl/styles.xml, which
 * the quote-prefix rewrite in the xlsx-writer chunk reads).
 */
const docxMarker = "word/document.xml";
const excelJsMarker = "xl/theme/theme1.xml";

function chunkFiles(): string[] {
  readDist("taskpane.js");
  return readdirSync(distDir).filter((file) => /^[\w-]+\.[0-9a-f]{8}\.js$/.test(file));
}

const chunksHolding = (marker: string) => chunkFiles().filter((file) => readDist(file).includes(marker));

test("the initial taskpane JavaScript carries no docx or ExcelJS code", () => {
  const initial = readDist("taskpane.js");
  expect(initial).not.toContain(docxMarker);
  expect(initial).not.toContain(excelJsMarker);
});

test("the docx package and ExcelJS each sit in a separate chunk file", () => {
  const docxChunks = chunksHolding(docxMarker);
  const excelJsChunks = chunksHolding(excelJsMarker);
  expect(docxChunks).toHaveLength(1);
  expect(excelJsChunks).toHaveLength(1);
  expect(docxChunks[0]).not.toBe(excelJsChunks[0]);
  expect(docxChunks[0]).toMatch(/^docx\./);
  expect(excelJsChunks[0]).toMatch(/^exceljs\./);
  // The pane's own code for each feature, loaded with its library.
  expect(chunkFiles()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^word-export\./), expect.stringMatching(/^xlsx-writer\./)]),
  );
});

test("开始下一期's planning and writers are a chunk of their own, in both bundles", () => {
  // The refusal's sentence: written only by core's next-period.ts.
  const marker = "改正后才能开始下一期";
  for (const initial of ["taskpane.js", "legacy/taskpane.js"]) expect(readDist(initial)).not.toContain(marker);
  const nextPeriodChunks = chunksHolding(marker);
  expect(nextPeriodChunks).toHaveLength(1);
  expect(nextPeriodChunks[0]).toMatch(/^next-period\./);
  const legacy = readdirSync(join(distDir, "legacy")).filter((file) => readDist(`legacy/${file}`).includes(marker));
  expect(legacy).toEqual([expect.stringMatching(/^next-period\./)]);
});

test("the page loads the chunks only when asked: no script tag, no prefetch", () => {
  const page = readDist("taskpane.html");
  for (const chunk of chunkFiles()) expect(page).not.toContain(chunk);
  expect(page).not.toMatch(/rel="?(prefetch|preload)/);
  expect(readDist("taskpane.js")).not.toMatch(/prefetch|preload/);
});

/**
 * A sentence only src/deploy's doctor writes, and a string only core-js's URL class holds (the legacy
 * bundle leaves that class out everywhere but src/deploy: webpack.config.js).
 */
const doctorMarker = "请用 npm run release -- --url 本站地址 重新生成发布包";
const urlClassMarker = "Invalid scheme";

test("部署自检 is a chunk of its own in both bundles; neither initial bundle carries the checks or the URL class", () => {
  for (const folder of ["", "legacy"]) {
    const initial = readDist(join(folder, "taskpane.js"));
    expect([folder, initial.includes(doctorMarker), initial.includes(urlClassMarker)]).toEqual([folder, false, false]);
    const chunks = readdirSync(join(distDir, folder)).filter((file) => /^[\w-]+\.[0-9a-f]{8}\.js$/.test(file));
    const holding = chunks.filter((file) => readDist(join(folder, file)).includes(doctorMarker));
    expect([folder, holding]).toEqual([folder, [expect.stringMatching(/^self-check\./)]]);
  }
  // The URL class comes with the legacy self-check, in its chunk or one webpack split off beside it.
  const legacyChunks = readdirSync(join(distDir, "legacy")).filter((file) => /\.[0-9a-f]{8}\.js$/.test(file));
  expect(legacyChunks.filter((file) => readDist(join("legacy", file)).includes(urlClassMarker))).toHaveLength(1);
});
