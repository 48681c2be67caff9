import { beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { fileFingerprint, runCli, tempDir } from "../support/cli";
import { referenceLines, referenceText } from "../support/sample";

const expectedText = referenceText("bulletin-expected.txt");

/** The paragraphs between 【主要指标】 and the next section heading. */
function indicatorBlock(text: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf("【主要指标】");
  const end = lines.findIndex((line, i) => i > start && line.startsWith("【"));
  return lines.slice(start + 1, end);
}

let dir: string;
let sampleFile: string;

/** A copy of the sample with one cell changed, written by ExcelJS. */
async function sampleWith(sheet: string, address: string, value: ExcelJS.CellValue, name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(sampleFile);
  workbook.getWorksheet(sheet)!.getCell(address).value = value;
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

beforeAll(async () => {
  dir = tempDir();
  sampleFile = join(dir, "sample.xlsx");
  const run = await runCli("template", "--sample", "--out", sampleFile);
  expect(run.code).toBe(0);
});

describe("zhuanbao generate", () => {
  test("with no file prints the embedded sample's whole bulletin and the seed's date warning on stderr", async () => {
    const run = await runCli("generate");
    expect(run).toMatchObject({ code: 0, stdout: expectedText });
    expect(indicatorBlock(run.stdout)).toEqual(referenceLines("indicators-expected.txt"));
    expect(run.stderr).toContain("警告 专报设置!B5 印发日期为2025年，统计年份为2026年，请核实");
  });

  test("through a written .xlsx gives the same text", async () => {
    const run = await runCli("generate", sampleFile);
    expect(run).toMatchObject({ code: 0, stdout: expectedText });
  });

  test("--format html prints the escaped, styled fragment", async () => {
    const withPayload = await sampleWith("文字材料", "C2", "<img src=x onerror=alert(1)>", "payload.xlsx");
    const run = await runCli("generate", withPayload, "--format", "html");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(run.stdout).not.toContain("<img");
    expect(run.stdout).toContain("font-size:16pt");
  });

  test("--format docx writes a Word document to --out, never over the input", async () => {
    const out = join(dir, "专报.docx");
    const run = await runCli("generate", sampleFile, "--format", "docx", "--out", out);
    expect(run.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect((await runCli("generate", sampleFile, "--format", "docx")).stderr).toContain("请用 --out 指定");
    expect((await runCli("generate", sampleFile, "--format", "docx", "--out", sampleFile)).stderr).toContain(
      "就是输入文件",
    );
  });

  test("--format json gives sections and issues", async () => {
    const run = await runCli("generate", sampleFile, "--format", "json");
    const parsed = JSON.parse(run.stdout) as { sections: { category: string; text: string }[]; issues: unknown[] };
    expect(parsed.sections.map((s) => s.text)).toEqual(referenceLines("indicators-expected.txt"));
    expect(parsed.issues).toHaveLength(1);
  });

  test("rows with errors are left out, issues go to stderr; --strict exits 1", async () => {
    const broken = await sampleWith("城乡融合", "C2", "四百六十二", "broken.xlsx");
    const lenient = await runCli("generate", broken);
    expect(lenient.code).toBe(0);
    expect(indicatorBlock(lenient.stdout)[1]).toMatch(/^（二）城乡融合指标。农业转移人口落户186人/);
    expect(lenient.stderr).toContain("错误 城乡融合!C2 本期值应为数字，实际为“四百六十二”");
    expect((await runCli("generate", broken, "--strict")).code).toBe(1);
    expect((await runCli("generate", sampleFile, "--strict")).code).toBe(0);
  });
});

describe("zhuanbao check", () => {
  test("a clean workbook: the warning, a summary, exit 0", async () => {
    const run = await runCli("check", sampleFile);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      "警告 专报设置!B5 印发日期为2025年，统计年份为2026年，请核实（年初印发上年度数据时可忽略此提示）",
      "共 1 个问题：错误 0 个，警告 1 个，提示 0 个。",
    ]);
  });

  test("--format json is an array of issue objects; errors exit 1", async () => {
    const broken = await sampleWith("乡村振兴", "C4", -32, "negative.xlsx");
    const run = await runCli("check", broken, "--format", "json");
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(issues).toContainEqual({
      severity: "error",
      sheet: "乡村振兴",
      cell: "C4",
      code: "negative-count",
      message: "本期值为负数（-32），以“户”计的数量不能为负",
      hint: "请核对报送数据",
    });
  });

  test("never writes to its input", async () => {
    const before = fileFingerprint(sampleFile);
    await runCli("check", sampleFile);
    await runCli("generate", sampleFile);
    expect(fileFingerprint(sampleFile)).toBe(before);
  });
});

describe("files that cannot be read get one Chinese sentence and exit 2", () => {
  test("a missing file", async () => {
    const run = await runCli("check", join(dir, "nope.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^找不到文件“.*nope\.xlsx”，请检查路径。\n$/);
  });

  test("a file that is not a workbook", async () => {
    const path = join(dir, "notes.xlsx");
    writeFileSync(path, "这不是工作簿");
    const run = await runCli("generate", path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("这不是 Excel 工作簿（.xlsx）");
  });

  test("a workbook without the bulletin's sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").getCell("A1").value = "别的表";
    const path = join(dir, "other.xlsx");
    await workbook.xlsx.writeFile(path);
    const run = await runCli("check", path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("中没有专报所需的工作表");
  });

  test("usage mistakes", async () => {
    expect((await runCli("template")).stderr).toContain("请用 --out 指定要生成的文件");
    expect((await runCli("check", sampleFile, "--format", "xml")).stderr).toContain("选项 --format 只能是 text、json");
    expect((await runCli("publish")).code).toBe(2);
    expect((await runCli("--help")).stdout).toContain("zhuanbao template [--sample] --out");
  });

  test("the installed bin prints no stack trace", () => {
    const bin = join(__dirname, "..", "..", "bin", "zhuanbao.js");
    const result = spawnSync(process.execPath, [bin, "check", join(dir, "missing.xlsx")], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("找不到文件");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the template", () => {
  test("a blank template checks with errors only for the period still to fill", async () => {
    const path = join(dir, "blank.xlsx");
    expect((await runCli("template", "--out", path)).code).toBe(0);
    const run = await runCli("check", path, "--format", "json");
    const errors = (JSON.parse(run.stdout) as { severity: string; cell: string }[]).filter(
      (i) => i.severity === "error",
    );
    expect(errors.map((e) => e.cell)).toEqual(["B3", "B5", "B6", "B7"]);
  });

  test("carries number formats and the 句末 / 纳入专报 drop-downs", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(sampleFile);
    const sheet = workbook.getWorksheet("城乡融合")!;
    expect(sheet.getCell("E2").numFmt).toBe("0.0%");
    expect(sheet.getCell("I2").dataValidation).toMatchObject({ type: "list", formulae: ['"，,；,。,、"'] });
    expect(sheet.getCell("J50").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
  });
});
