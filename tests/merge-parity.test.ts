/**
 * The same files merged by the pane (导入报送表: readReturnFiles, MergeSession) and by `zhuanbao merge`
 * give the same report, line for line (issue 12, point 3): labels made unique, 完成率 as a percentage,
 * rejected returns with their issues. The CLI adds only its own lines after the report.
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import * as sniffer from "../src/files/sniff";
import { worksheetGrid } from "../src/files/worksheet-grid";
import { MergeSession } from "../src/taskpane/merge-session";
import { type ChosenFile, readReturnFiles } from "../src/taskpane/return-files";
import { editedCopy, runCli, tempDir } from "./support/cli";

let dir: string;

function chosen(path: string): ChosenFile {
  const bytes = readFileSync(path);
  return {
    name: path.slice(path.lastIndexOf("/") + 1),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

beforeAll(async () => {
  dir = tempDir();
  await runCli("template", "--out", join(dir, "blank.xlsx"));
  await runCli("template", "--unit", "城乡融合", "--out", join(dir, "form.xlsx"));
});

describe("the merge report in the pane and the CLI", () => {
  test("is the same for the same files", async () => {
    const master = await editedCopy(join(dir, "blank.xlsx"), "总表.xlsx", [
      ["城乡融合", "C2", 462],
      ["城乡融合", "E3", 0.9],
    ]);
    const form = join(dir, "form.xlsx");
    const returns = [
      await editedCopy(form, "a.xlsx", [
        ["填报说明", "B2", { richText: [{ text: "市人社", font: { bold: true } }, { text: "局" }] }],
        ["城乡融合", "C2", 470],
        ["城乡融合", "E3", 0.95],
        ["城乡融合", "A6", "城镇登记失业人员再就业"],
        ["城乡融合", "B6", "人"],
        ["城乡融合", "C6", 120],
      ]),
      await editedCopy(form, "b.xlsx", [
        ["填报说明", "B2", { formula: '"市人社"&"局"', result: "市人社局" }],
        ["城乡融合", "C2", 480],
      ]),
      await editedCopy(form, "乱填.xlsx", [["城乡融合", "C4", -3]]),
    ];

    const cli = await runCli("merge", master, ...returns, "--out", join(dir, "合并.xlsx"));

    const masterBook = new ExcelJS.Workbook();
    await masterBook.xlsx.readFile(master);
    const files = await readReturnFiles(
      returns.map(chosen),
      async () => ExcelJS,
      async () => sniffer,
    );
    const pane = MergeSession.fromFiles(masterBook.worksheets.map(worksheetGrid), files).reportLines();

    expect(pane).toContain("已合并：市人社局、市人社局（b.xlsx）");
    expect(pane).toContain("冲突 城乡融合!E3 “农业转移人口落户”的完成率：总表 90%，市人社局 95% → 保留总表值");
    expect(pane).toContain("未合并 乱填：有 1 处错误，整份未合并");
    expect(cli.stdout.trimEnd().split("\n")).toEqual([
      ...pane,
      "总表没有的指标未添加，可加 --add-rows 添加到总表末尾。",
      `合并结果已写入：${join(dir, "合并.xlsx")}（总表文件未改动）`,
    ]);
  });
});
