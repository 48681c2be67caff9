import { beforeAll, describe, expect, test } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { editedCopy, fileFingerprint, runCli, tempDir } from "../support/cli";

let dir: string;
let masterFile: string;

async function cellValue(path: string, sheet: string, address: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.getWorksheet(sheet)!.getCell(address).value;
}

beforeAll(async () => {
  dir = tempDir();
  const blank = join(dir, "blank.xlsx");
  await runCli("template", "--out", blank);
  masterFile = await editedCopy(blank, "master.xlsx", [["城乡融合", "C2", 462]]);
  await runCli("template", "--unit", "城乡融合", "--out", join(dir, "form.xlsx"));
});

describe("zhuanbao merge", () => {
  test("fills, lists a conflict and an unknown row, rejects a malformed file, and leaves the master alone", async () => {
    const form = join(dir, "form.xlsx");
    const unit = await editedCopy(form, "人社局.xlsx", [
      ["填报说明", "B2", "市人社局"],
      ["城乡融合", "C2", 470],
      ["城乡融合", "C3", 186],
      ["城乡融合", "D3", 210],
      ["城乡融合", "A6", "城镇登记失业人员再就业"],
      ["城乡融合", "B6", "人"],
      ["城乡融合", "C6", 120],
    ]);
    const broken = join(dir, "坏文件.xlsx");
    writeFileSync(broken, "not a workbook");
    const before = fileFingerprint(masterFile);
    const out = join(dir, "merged.xlsx");

    const run = await runCli("merge", masterFile, unit, broken, "--out", out);

    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toContain("已合并：市人社局");
    expect(lines).toContain("城乡融合：填入 2 个空单元格；冲突 1 处（采用报送值 0 处）；总表没有的指标 1 行");
    expect(lines).toContain("冲突 城乡融合!C2 “城镇新增就业”的本期值：总表 462，市人社局 470 → 保留总表值");
    expect(lines).toContain("新指标 城乡融合 “城镇登记失业人员再就业”（市人社局）未添加");
    expect(lines).toContain("总表没有的指标未添加，可加 --add-rows 添加到总表末尾。");
    expect(lines.find((line) => line.startsWith("未合并 坏文件.xlsx："))).toBe(
      "未合并 坏文件.xlsx：这不是 Excel 工作簿（.xlsx），请选择用 Excel 或 WPS 保存的 .xlsx 文件",
    );
    expect(fileFingerprint(masterFile)).toBe(before);
    expect(await cellValue(out, "城乡融合", "C2")).toBe(462);
    expect(await cellValue(out, "城乡融合", "C3")).toBe(186);
    expect(await cellValue(out, "城乡融合", "A6")).toBeNull();

    const preferUnit = await runCli(
      "merge",
      masterFile,
      unit,
      "--out",
      join(dir, "merged-unit.xlsx"),
      "--prefer",
      "unit",
      "--add-rows",
    );
    expect(preferUnit.code).toBe(0);
    expect(await cellValue(join(dir, "merged-unit.xlsx"), "城乡融合", "C2")).toBe(470);
    expect(await cellValue(join(dir, "merged-unit.xlsx"), "城乡融合", "A6")).toBe("城镇登记失业人员再就业");
  });

  test("a return that fails the checks is rejected whole with its issues", async () => {
    const unit = await editedCopy(join(dir, "form.xlsx"), "乱填.xlsx", [
      ["城乡融合", "C3", 186],
      ["城乡融合", "C4", -3],
    ]);
    const run = await runCli("merge", masterFile, unit, "--out", join(dir, "m2.xlsx"));
    expect(run.code).toBe(1);
    // Without a 报送单位 the return is named by its file, as in the pane.
    expect(run.stdout).toContain("未合并 乱填：有 1 处错误，整份未合并");
    expect(run.stdout).toContain("错误 城乡融合!C4 本期值为负数（-3），以“套”计的数量不能为负");
    expect(run.stdout).toContain("没有可合并的报送表，未写出文件。");
  });

  test("refuses to write over an input", async () => {
    const run = await runCli("merge", masterFile, join(dir, "form.xlsx"), "--out", masterFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("就是输入文件");
  });
});

describe("zhuanbao template --unit", () => {
  test("writes the chosen categories and a guide, protected without a password, input cells open", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "form.xlsx"));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["填报说明", "城乡融合"]);
    const sheet = workbook.getWorksheet("城乡融合")!;
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.algorithmName ?? protection.password).toBeUndefined();
    expect(sheet.getCell("C2").protection).toMatchObject({ locked: false });
    expect(sheet.getCell("A2").protection?.locked).not.toBe(false);
    expect(sheet.getCell("H2").protection?.locked).not.toBe(false);
    expect(sheet.getCell("A6").protection).toMatchObject({ locked: false });
    expect(sheet.getCell("E2").value).toMatchObject({ formula: expect.stringMatching(/^IF\(AND\(ISNUMBER\(C2\)/) });
    expect(String((sheet.getCell("E2").value as { formula: string }).formula)).not.toContain("ZB.");
    expect(sheet.getCell("J2").dataValidation).toMatchObject({ type: "list" });
  });

  test("an unknown category is named", async () => {
    const run = await runCli("template", "--unit", "城乡发展", "--out", join(dir, "x.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("没有类别“城乡发展”");
  });
});
