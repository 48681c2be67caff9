/**
 * `zhuanbao next` killed while it writes (issue 14: "the CLI killed mid-write leaves no partial file"):
 * the built CLI in a child process, killed with SIGKILL after half of the new workbook is on disk
 * (tests/support/kill-mid-write.js). What was at --out before is left as it was, and the input too.
 */
import { describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileFingerprint, runCli, tempDir } from "../support/cli";

const bin = join(__dirname, "..", "..", "bin", "zhuanbao.js");
const killer = join(__dirname, "..", "support", "kill-mid-write.js");

function nextKilledMidWrite(input: string, out: string): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, ["--require", killer, bin, "next", input, "--out", out], { encoding: "utf8" });
}

describe("zhuanbao next killed mid-write", () => {
  test("leaves an existing file at --out as it was, and the input", async () => {
    const folder = tempDir();
    const input = join(folder, "第2期.xlsx");
    expect((await runCli("template", "--sample", "--out", input)).code).toBe(0);
    const out = join(folder, "第3期.xlsx");
    copyFileSync(input, out);
    const outBefore = fileFingerprint(out);
    const inputBefore = fileFingerprint(input);

    const run = nextKilledMidWrite(input, out);
    expect(run.signal).toBe("SIGKILL");

    expect(fileFingerprint(out)).toBe(outBefore);
    expect(fileFingerprint(input)).toBe(inputBefore);
    // What the kill cut short is a hidden temporary file beside it, never the file named --out.
    const leftovers = readdirSync(folder).filter((file) => file !== "第2期.xlsx" && file !== "第3期.xlsx");
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.第3期\.xlsx\.\d+\.[0-9a-f]+\.tmp$/);
    expect(statSync(join(folder, leftovers[0]!)).size).toBeGreaterThan(0);
  });

  test("leaves no file at --out when there was none", async () => {
    const folder = tempDir();
    const input = join(folder, "第2期.xlsx");
    expect((await runCli("template", "--sample", "--out", input)).code).toBe(0);
    const out = join(folder, "第3期.xlsx");

    const run = nextKilledMidWrite(input, out);
    expect(run.signal).toBe("SIGKILL");
    expect(existsSync(out)).toBe(false);
  });
});
