/** A hostile return cannot rewrite the check report on screen: the CLI prints cells' control characters escaped. */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli, tempDir } from "../support/cli";

// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const raw = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
let hostileFile: string;

beforeAll(async () => {
  const dir = tempDir();
  const sample = join(dir, "sample.xlsx");
  expect((await runCli("template", "--sample", "--out", sample)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(sample);
  // XML cannot hold most C0 controls: Excel writes them as _xHHHH_, which ExcelJS reads back as the character.
  workbook.getWorksheet("城乡融合")!.getCell("A2").value = "城镇新增就业_x000D__x001B_[2K未发现问题\u202e";
  workbook.getWorksheet("城乡融合")!.getCell("C3").value = "abc_x001B_[2K";
  workbook.getWorksheet("文字材料")!.getCell("C2").value = "3月18日\u009b2J召开会议\u0007";
  hostileFile = join(dir, "hostile.xlsx");
  await workbook.xlsx.writeFile(hostileFile);
  // Writing, reading and rewriting the sample takes a few seconds on a loaded machine.
}, 30_000);

describe("control characters from cells in the CLI's output", () => {
  test("check prints them escaped and warns for each cell", async () => {
    const run = await runCli("check", hostileFile);
    expect(raw.test(run.stdout + run.stderr)).toBe(false);
    expect(run.stdout).toContain("警告 城乡融合!A2 单元格 A2 含有控制字符（\\u000d、\\u001b、\\u202e）");
    expect(run.stdout).toContain("警告 文字材料!C2");
    // A check that quotes a cell quotes it escaped.
    expect(run.stdout).toContain("实际为“abc\\u001b[2K”");
  });

  test("generate's text, HTML and JSON carry none raw; JSON keeps the value as escapes", async () => {
    for (const format of ["text", "html", "json"]) {
      const run = await runCli("generate", hostileFile, "--format", format);
      expect(raw.test(run.stdout + run.stderr)).toBe(false);
    }
    const json = JSON.parse((await runCli("generate", hostileFile, "--format", "json")).stdout) as {
      issues: { cell: string; code: string }[];
    };
    expect(json.issues).toContainEqual(expect.objectContaining({ cell: "C2", code: "control-characters" }));
  });
});
