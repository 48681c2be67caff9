import { beforeAll, describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { historyHeaders, historySheetName } from "../../src/core";
import { fileFingerprint, runCli, tempDir } from "../support/cli";

let dir: string;
let workbookFile: string;

/** The sample template with these rows under 历史数据's header. */
async function withHistory(rows: unknown[][], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, "sample.xlsx"));
  const sheet = workbook.getWorksheet(historySheetName)!;
  // Row by row from row 2: the template's formatted spare rows would put addRow below them.
  rows.forEach((values, i) => {
    sheet.getRow(i + 2).values = values as ExcelJS.CellValue[];
  });
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

const row = (year: number, month: number, name: string, actual: number | string, unit = "人") => [
  year,
  month,
  month,
  "",
  "民生实事",
  name,
  unit,
  actual,
  500,
  0.5,
  "",
  "",
  "",
  "",
];

beforeAll(async () => {
  dir = tempDir();
  expect((await runCli("template", "--sample", "--out", join(dir, "sample.xlsx"))).code).toBe(0);
  workbookFile = await withHistory([row(2026, 2, "城镇新增就业", 300), row(2026, 3, '=危险, "引号"', 462)], "h.xlsx");
}, 30_000);

describe("历史数据 in the template", () => {
  test("comes last, header only, formatted by the plan and protected without a password; other sheets stay open", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "sample.xlsx"));
    expect(workbook.worksheets.at(-1)!.name).toBe(historySheetName);
    const sheet = workbook.getWorksheet(historySheetName)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...historyHeaders]);
    expect(sheet.getCell("A2").value).toBeNull();
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.algorithmName ?? protection.password).toBeUndefined();
    expect(sheet.getColumn(1).width).toBe(10);
    expect(sheet.getCell("J2").numFmt).toBe("0.0%");
    expect(sheet.getCell("N2").dataValidation).toMatchObject({ type: "list", formulae: ['"达到或超时序进度,滞后"'] });
    const category = workbook.getWorksheet("产业发展") as unknown as { sheetProtection?: unknown };
    expect(category.sheetProtection).toBeUndefined();
  });
});

describe("zhuanbao history", () => {
  test("prints CSV with a BOM and CRLF lines, the header first, text that looks like a formula kept as text", async () => {
    const run = await runCli("history", workbookFile);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.startsWith("\uFEFF")).toBe(true);
    const lines = run.stdout.slice(1).split("\r\n");
    expect(lines).toEqual([
      historyHeaders.join(","),
      "2026,2,2,,民生实事,城镇新增就业,人,300,500,0.5,,,,",
      `2026,3,3,,民生实事,"'=危险, ""引号""",人,462,500,0.5,,,,`,
      "",
    ]);
  });

  test("--format json gives each record by column key with its sheet row, and the issues", async () => {
    const run = await runCli("history", workbookFile, "--format", "json");
    const parsed = JSON.parse(run.stdout) as { records: Record<string, unknown>[]; issues: unknown[] };
    expect(parsed.records[0]).toEqual({
      year: 2026,
      month: 2,
      cumulativeMonth: 2,
      issue: null,
      category: "民生实事",
      name: "城镇新增就业",
      unit: "人",
      actual: 300,
      target: 500,
      completion: 0.5,
      prior: null,
      growth: null,
      level: null,
      status: null,
      row: 2,
    });
    expect(parsed.issues).toEqual([]);
  });

  test("--out writes the file atomically and refuses the input itself", async () => {
    const out = join(dir, "历史.csv");
    const run = await runCli("history", workbookFile, "--out", out);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("已导出历史数据（CSV）");
    expect(readFileSync(out, "utf8")).toBe((await runCli("history", workbookFile)).stdout);
    expect(readdirSync(dir).filter((name) => name.includes(".tmp"))).toEqual([]);
    const before = fileFingerprint(workbookFile);
    const refused = await runCli("history", workbookFile, "--out", workbookFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("就是输入文件");
    expect(fileFingerprint(workbookFile)).toBe(before);
  });

  test("the sheet's problems go to stderr with their cells; errors exit 1", async () => {
    const file = await withHistory(
      [
        row(2026, 2, "城镇新增就业", 300),
        row(2026, 2, "城镇新增就业", 301),
        row(2026, 13, "X", 1),
        row(2026, 9, "Y", 1),
      ],
      "bad.xlsx",
    );
    const run = await runCli("history", file);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      "警告 历史数据!F3 2026年2月的“城镇新增就业”（民生实事）在历史数据中重复，第2行已有（删除重复的行；比较时用先出现的一行）",
      "错误 历史数据!B4 统计月份应为1至12的整数，实际为“13”（本行不参与历史比较）",
      "错误 历史数据!C4 累计截止月份应为1至12的整数，实际为“13”（本行不参与历史比较）",
      "警告 历史数据!B5 历史数据的2026年9月晚于本期2026年4月（核对统计年份、统计月份，或专报设置的本期）",
      "",
    ]);
  });

  test("a workbook without 历史数据, or with its header broken, is refused with exit 2", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("专报设置").addRow(["项目", "内容"]);
    const without = join(dir, "without.xlsx");
    await workbook.xlsx.writeFile(without);
    const run = await runCli("history", without);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("没有“历史数据”工作表");

    const broken = new ExcelJS.Workbook();
    await broken.xlsx.readFile(join(dir, "sample.xlsx"));
    broken.getWorksheet(historySheetName)!.getCell("H1").value = "数值";
    const brokenFile = join(dir, "broken.xlsx");
    await broken.xlsx.writeFile(brokenFile);
    const refused = await runCli("history", brokenFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("找不到表头“本期值”");
  });

  test("strict options and --help", async () => {
    const typo = await runCli("history", workbookFile, "--formt", "json");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("最接近的是 --format");
    const wrong = await runCli("history", workbookFile, "--format", "xlsx");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("只能是 csv、json");
    expect((await runCli("history", workbookFile, "other.xlsx")).code).toBe(2);
    const help = await runCli("history", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--format csv|json");
    expect((await runCli("--help")).stdout).toContain("zhuanbao history");
  });
});
