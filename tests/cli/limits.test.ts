/** The CLI refuses a workbook beyond the documented limits before reading it, with exit 2 and one sentence. */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookLimits } from "../../src/core";
import { runCli, tempDir } from "../support/cli";
import { declareSize, sheetXml, workbook } from "../support/zip-workbooks";

let dir: string;

beforeAll(() => {
  dir = tempDir();
});

describe("a workbook beyond the limits", () => {
  test("too many rows in a sheet: check, generate and merge refuse it naming the sheet", async () => {
    const path = join(dir, "rows.xlsx");
    writeFileSync(path, workbook(sheetXml(workbookLimits.maxRowsPerSheet + 1, 1)));
    for (const argv of [
      ["check", path],
      ["generate", path],
      ["merge", path, path, "--out", join(dir, "合并.xlsx")],
    ]) {
      const run = await runCli(...argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("工作表“城乡融合”超过 200,000 行，超出专报助手能读取的上限，未读取。");
    }
  }, 30_000);

  test("a zip declaring more than 256 MB unzipped is refused", async () => {
    const path = join(dir, "bomb.xlsx");
    writeFileSync(path, declareSize(workbook(sheetXml(2, 1)), "xl/worksheets/sheet1.xml", 0xfffffff0));
    const run = await runCli("check", path);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `“${path}”：工作簿解压后超过 256 MB（超过 4 GB），超出专报助手能读取的上限，未读取。请删去无关的工作表或数据，保存后再试。\n`,
    );
  });
});
