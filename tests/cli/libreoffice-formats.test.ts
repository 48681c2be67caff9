/**
 * Real files of other formats, saved by LibreOffice from the sample: each is named with how to save it
 * as .xlsx (issue 12 point 10 — the .ods of the sample used to be told its sheets were missing).
 */
import { beforeAll, expect, test } from "@jest/globals";
import { mkdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { sniffWorkbook } from "../../src/files/sniff";
import { runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice } from "../support/libreoffice";
import { describeWith, libreOffice } from "../support/tools";

describeWith(libreOffice)("the sample saved by LibreOffice as .ods and .xls", () => {
  const saved = new Map<string, string>();

  beforeAll(async () => {
    const dir = tempDir();
    const original = join(dir, "sample.xlsx");
    expect((await runCli("template", "--sample", "--out", original)).code).toBe(0);
    const outDir = join(dir, "out");
    mkdirSync(outDir);
    for (const format of ["ods", "xls"]) saved.set(format, convertWithLibreOffice(original, format, outDir));
  }, 240_000);

  test.each([
    ["ods", "这是 OpenDocument 电子表格（.ods）"],
    ["xls", "这是旧版 Excel 97-2003 工作簿（.xls）"],
  ])(".%s: check and generate name the format, not missing sheets", async (format, expected) => {
    const path = saved.get(format)!;
    expect(sniffWorkbook(readFileSync(path), basename(path)).format).toBe(format);
    for (const command of ["check", "generate"]) {
      const run = await runCli(command, path);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(expected);
      expect(run.stderr).not.toContain("没有专报所需的工作表");
    }
  });
});
