/** Running the CLI in-process or as built, with captured output, and small file helpers for CLI tests. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** The CLI as installed: bin/zhuanbao.js over build/ (`npm run build:cli`), in a child process. */
export function runBuiltCli(...argv: string[]): CliRun {
  const bin = join(__dirname, "..", "..", "bin", "zhuanbao.js");
  const result = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8" });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "zhuanbao-"));
}

/** Content hash and modification time: what "never writes to its input" must leave alone. */
export function fileFingerprint(path: string): string {
  return `${createHash("sha256").update(readFileSync(path)).digest("hex")}@${statSync(path).mtimeMs}`;
}

/** A copy of the workbook `source`, named `name` in the same folder, with each [sheet, address, value] written. */
export async function editedCopy(
  source: string,
  name: string,
  edits: readonly [sheet: string, address: string, value: ExcelJS.CellValue][],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  for (const [sheet, address, value] of edits) workbook.getWorksheet(sheet)!.getCell(address).value = value;
  const path = join(dirname(source), name);
  await workbook.xlsx.writeFile(path);
  return path;
}
