// The file check of src/files/workbook-size.ts (reported, not asserted) on two files written to a
// temporary folder: a large realistic workbook (200,000 rows × 13 cells, the row limit, compressed as
// Excel does) and a zip bomb (a worksheet declaring 1,000 bytes that inflates to 512 MB of spaces).
// Each file is checked in a fresh Node process, which reports the time and how far its peak resident
// memory rose above what reading the file took. For the bomb, inflateEntry itself reports how many
// bytes it produced past the declared size before the refusal (the overshoot) and its largest piece.
"use strict";
const { execFileSync } = require("node:child_process");
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const build = "../build/bench";

function realisticSheet(rows) {
  const parts = ["<worksheet><sheetData>"];
  for (let r = 1; r <= rows; r += 1) {
    parts.push(
      `<row r="${r}" spans="1:13"><c r="A${r}" t="s"><v>${r % 977}</v></c><c r="B${r}" t="s"><v>3</v></c>` +
        `<c r="C${r}"><v>${(r * 7.31) % 10000}</v></c><c r="D${r}"><v>${(r * 3.7) % 9000}</v></c>` +
        `<c r="E${r}"><f>C${r}/D${r}</f><v>1.0${r % 97}</v></c><c r="F${r}"><v>${r % 31}</v></c>` +
        `<c r="G${r}" t="s"><v>5</v></c><c r="H${r}" t="s"><v>6</v></c><c r="I${r}"/><c r="J${r}"/>` +
        `<c r="K${r}" t="s"><v>7</v></c><c r="L${r}"/><c r="M${r}" t="s"><v>${r % 13}</v></c></row>`,
    );
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

/** In a child process: checks `file`, prints {ms, riseMB, problem}. */
function measure(file) {
  const { workbookSizeProblem } = require(`${build}/src/files/workbook-size`);
  const bytes = new Uint8Array(readFileSync(file));
  if (global.gc) global.gc();
  const before = process.resourceUsage().maxRSS;
  const start = process.hrtime.bigint();
  const problem = workbookSizeProblem(bytes);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const riseMB = (process.resourceUsage().maxRSS - before) / 1024;
  process.stdout.write(JSON.stringify({ ms, riseMB, problem }));
}

/** In this process: inflates the bomb's sheet until it passes its declared size, as workbook-size does. */
function overshoot(bytes) {
  const { inflateEntry, zipEntries } = require(`${build}/src/files/zip`);
  const entry = zipEntries(bytes).find((candidate) => candidate.name === "xl/worksheets/sheet1.xml");
  let produced = 0;
  let largest = 0;
  try {
    inflateEntry(bytes, entry, (chunk) => {
      produced += chunk.length;
      largest = Math.max(largest, chunk.length);
      if (produced > entry.originalSize) throw new Error("refused");
    });
  } catch {
    // the refusal
  }
  return { overshoot: produced - entry.originalSize, largest };
}

const mb = (bytes) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

module.exports = function benchZip() {
  const dir = mkdtempSync(join(tmpdir(), "zhuanbao-bench-zip-"));
  try {
    const { zipSync, strToU8 } = require("fflate");
    const realistic = zipSync(
      {
        "xl/workbook.xml": strToU8(
          '<workbook xmlns:r="r"><sheets><sheet name="产业发展" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        "xl/_rels/workbook.xml.rels": strToU8(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        "xl/worksheets/sheet1.xml": strToU8(realisticSheet(200_000)),
      },
      { level: 6 },
    );
    const bombBytes = require(`${build}/tests/support/zip-workbooks`).bombWorkbook(512);
    const files = [
      ["200,000 rows × 13 cells (the row limit)", "realistic.xlsx", realistic],
      ["zip bomb, 1,000 bytes declared, 512 MB inflated", "bomb.xlsx", bombBytes],
    ];
    const lines = [];
    const figures = {};
    for (const [label, name, bytes] of files) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const runs = [0, 1, 2].map(() =>
        JSON.parse(
          execFileSync(process.execPath, ["--expose-gc", join(__dirname, "bench-zip.js"), "measure", path], {
            encoding: "utf8",
          }),
        ),
      );
      const ms = Math.min(...runs.map((run) => run.ms));
      const rise = Math.min(...runs.map((run) => run.riseMB));
      const verdict = runs[0].problem === null ? "passes" : `refused: ${runs[0].problem.slice(0, 24)}…`;
      lines.push(
        `  ${label}, ${mb(bytes.length)} zipped: ${ms.toFixed(0)} ms, peak RSS +${rise.toFixed(0)} MB (best of 3 processes); ${verdict}`,
      );
      figures[name] = { ms, riseMB: rise };
    }
    const { overshoot: over, largest } = overshoot(bombBytes);
    lines.push(
      `  zip bomb: ${mb(over)} inflated past the declared size before the refusal; largest piece ${mb(largest)}`,
    );
    figures.bombOvershoot = over;
    return { title: "Workbook size check (src/files/workbook-size.ts)", lines, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (require.main === module) {
  if (process.argv[2] === "measure") measure(process.argv[3]);
  else console.log(module.exports().lines.join("\n"));
}
