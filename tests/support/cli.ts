/** Running the CLI in-process with captured output, and small file helpers for CLI tests. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "zhuanbao-"));
}

/** Content hash and modification time: what "never writes to its input" must leave alone. */
export function fileFingerprint(path: string): string {
  return `${createHash("sha256").update(readFileSync(path)).digest("hex")}@${statSync(path).mtimeMs}`;
}
