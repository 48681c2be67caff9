/** `zhuanbao next`: a new file for the next period; the input never touched; refusals with reasons. */
import { afterEach, beforeAll, describe, expect, jest, test } from "@jest/globals";
import { existsSync, promises as fsp, readdirSync, readFileSync, symlinkSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { historySheetName, readHistorySheet, readSettings, settingsSheetName } from "../../src/core";
import { gridsToWorkbook, workbookBytes } from "../../src/files/xlsx-write";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { fileFingerprint, runCli, tempDir } from "../support/cli";
import { withCells } from "../support/sample";

let dir: string;
let sample: string;
/** Each test reads and writes whole workbooks with ExcelJS: seconds on a busy machine, not 5. */
const fileTimeout = 60_000;

beforeAll(async () => {
  dir = tempDir();
  sample = join(dir, "第2期.xlsx");
  expect((await runCli("template", "--sample", "--out", sample)).code).toBe(0);
}, fileTimeout);

afterEach(() => {
  jest.restoreAllMocks();
});

describe("zhuanbao next", () => {
  test(
    "writes the next period to --out, archives the current one, and leaves the input as it was",
    async () => {
      const before = fileFingerprint(sample);
      const out = join(dir, "第3期.xlsx");
      const run = await runCli("next", sample, "--out", out);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^把2026年4月（第2期）的 \d+ 行数据写入“历史数据”。$/);
      expect(lines).toContain("专报设置：期号 2 → 3；统计月份 4 → 5；累计截止月份 3 → 4；清空印发日期。");
      expect(lines[lines.length - 1]).toMatch(
        /^已生成第3期（2026年5月）的工作簿：.*第3期\.xlsx；“.*第2期\.xlsx”（第2期）未改动。$/,
      );
      expect(fileFingerprint(sample)).toBe(before);

      const grids = await readWorkbookFile(out);
      const settings = readSettings(grids.find((grid) => grid.name === settingsSheetName)).settings;
      expect([settings.issueNumber, settings.year, settings.month, settings.cumulativeTo]).toEqual([3, 2026, 5, 4]);
      expect(settings.issueDate).toBeNull();
      const history = readHistorySheet(grids.find((grid) => grid.name === historySheetName));
      expect(history.issues).toEqual([]);
      expect(history.records.length).toBeGreaterThan(0);
      expect(new Set(history.records.map((record) => `${record.year}-${record.month}`))).toEqual(new Set(["2026-4"]));

      // 印发日期 was cleared: until it is filled in, the next period is refused.
      const refused = await runCli("next", out, "--out", join(dir, "未填.xlsx"));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("错误 专报设置!B5 设置项“印发日期”未填写");
      const filled = new ExcelJS.Workbook();
      await filled.xlsx.readFile(out);
      filled.getWorksheet(settingsSheetName)!.getCell("B5").value = "2026年5月28日";
      const third = join(dir, "第4期.xlsx");
      const input = join(dir, "第3期已填.xlsx");
      await fsp.writeFile(input, await workbookBytes(filled));
      expect((await runCli("next", input, "--out", third)).code).toBe(0);
      const more = readHistorySheet((await readWorkbookFile(third)).find((grid) => grid.name === historySheetName));
      expect(new Set(more.records.map((record) => record.month))).toEqual(new Set([4, 5]));
    },
    fileTimeout,
  );

  test(
    "refuses a workbook with errors: exit 1, every error with its cell, no file written",
    async () => {
      const bad = join(dir, "有错误.xlsx");
      const workbook = await gridsToWorkbook(withCells([["产业发展", "C2", "很多"]]));
      await fsp.writeFile(bad, await workbookBytes(workbook));
      const out = join(dir, "不应生成.xlsx");
      const run = await runCli("next", bad, "--out", out);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^工作簿中有 \d+ 个错误，改正后才能开始下一期：\n/);
      expect(run.stderr).toContain("错误 产业发展!C2 本期值应为数字");
      expect(run.stderr.trimEnd().endsWith("未生成文件。")).toBe(true);
      expect(existsSync(out)).toBe(false);
    },
    fileTimeout,
  );

  test.each([
    ["the input itself", () => sample],
    [
      "a symlink to the input",
      () => {
        const link = join(dir, `link-${Date.now()}.xlsx`);
        symlinkSync(sample, link);
        return link;
      },
    ],
  ])(
    "refuses --out that is %s before reading anything (exit 2)",
    async (_, makeOut) => {
      const before = fileFingerprint(sample);
      const run = await runCli("next", sample, "--out", makeOut());
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^--out“.+”(就是|与)输入文件“.+”.*请另选一个文件名，输入文件不会被改动。\n$/);
      expect(fileFingerprint(sample)).toBe(before);
    },
    fileTimeout,
  );

  test(
    "strict options: --out is required, others are refused with the nearest one; --help lists them",
    async () => {
      expect((await runCli("next", sample)).stderr).toBe("请用 --out 指定要生成的文件，如 --out 下一期.xlsx。\n");
      const typo = await runCli("next", sample, "--outt", "x.xlsx");
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain("最接近的是 --out");
      const help = await runCli("next", "--help");
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("--out 下一期.xlsx");
      expect((await runCli("--help")).stdout).toContain("zhuanbao next 文件.xlsx --out 下一期.xlsx");
    },
    fileTimeout,
  );

  test(
    "the output comes into being only by renaming a complete temporary file in the same folder",
    async () => {
      const folder = tempDir();
      const out = join(folder, "下一期.xlsx");
      const realRename = fsp.rename;
      const renames: { from: string; size: number; targetExisted: boolean }[] = [];
      jest.spyOn(fsp, "rename").mockImplementation(async (from, to) => {
        renames.push({ from: String(from), size: statSync(from).size, targetExisted: existsSync(to) });
        return realRename(from, to);
      });
      expect((await runCli("next", sample, "--out", out)).code).toBe(0);
      expect(renames).toHaveLength(1);
      const [rename] = renames;
      expect(dirname(rename!.from)).toBe(folder);
      expect(rename!.targetExisted).toBe(false);
      expect(rename!.size).toBe(readFileSync(out).length);
      expect(readdirSync(folder)).toEqual(["下一期.xlsx"]);
    },
    fileTimeout,
  );

  test(
    "a write that fails midway leaves no file at --out and no temporary file",
    async () => {
      const folder = tempDir();
      const out = join(folder, "下一期.xlsx");
      jest.spyOn(fsp, "rename").mockRejectedValue(Object.assign(new Error("full"), { code: "ENOSPC" }));
      const run = await runCli("next", sample, "--out", out);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("磁盘空间不足");
      expect(readdirSync(folder)).toEqual([]);
    },
    fileTimeout,
  );
});
