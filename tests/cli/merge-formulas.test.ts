/**
 * `zhuanbao merge` on files with shared formulas, as Excel and ExcelJS write a filled-down column
 * (issue 12, point 5): the master's formulas stay formulas, shared ones included, and the file is written;
 * a return's shared 完成率 is a formula, not a constant to copy.
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli, tempDir } from "../support/cli";

let dir: string;

/** 城乡融合's 完成率 (E) and 同比 (G) of rows 2–5 filled down as one shared formula each, without results. */
function shareDerivedColumns(sheet: ExcelJS.Worksheet, results?: number[]): void {
  sheet.fillFormula("E2:E5", 'IF(D2=0,"",C2/D2)', results ?? []);
  sheet.fillFormula("G2:G5", 'IF(F2=0,"",C2/F2-1)', results ?? []);
}

async function fromCopy(
  source: string,
  name: string,
  edit: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  edit(workbook.getWorksheet("城乡融合")!, workbook);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function sheetOf(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.getWorksheet("城乡融合")!;
}

beforeAll(async () => {
  dir = tempDir();
  await runCli("template", "--out", join(dir, "blank.xlsx"));
  await runCli("template", "--unit", "城乡融合", "--out", join(dir, "form.xlsx"));
});

describe("merge and shared formulas", () => {
  test("the master's shared formulas are kept and the merged file is written", async () => {
    const master = await fromCopy(join(dir, "blank.xlsx"), "master.xlsx", (sheet) => shareDerivedColumns(sheet));
    const unit = await fromCopy(join(dir, "form.xlsx"), "unit.xlsx", (sheet, workbook) => {
      workbook.getWorksheet("填报说明")!.getCell("B2").value = "市人社局";
      sheet.getCell("C2").value = 470;
      sheet.getCell("D2").value = 500;
      sheet.getCell("E2").value = 0.95;
      sheet.getCell("E3").value = 0.5;
      sheet.getCell("G2").value = 0.13;
    });
    const out = join(dir, "merged.xlsx");

    const run = await runCli("merge", master, unit, "--out", out);

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("城乡融合：填入 2 个空单元格；冲突 0 处");
    const merged = await sheetOf(out);
    expect(merged.getCell("C2").value).toBe(470);
    expect(merged.getCell("D2").value).toBe(500);
    expect(merged.getCell("E2").value).toMatchObject({ formula: 'IF(D2=0,"",C2/D2)', shareType: "shared" });
    expect(merged.getCell("E3").value).toMatchObject({ sharedFormula: "E2" });
    expect(merged.getCell("G2").value).toMatchObject({ formula: 'IF(F2=0,"",C2/F2-1)', shareType: "shared" });
  });

  test("a return's shared 完成率 and 同比 formulas are not copied into the master as constants", async () => {
    const master = await fromCopy(join(dir, "blank.xlsx"), "typed-master.xlsx", (sheet) => {
      // A master whose derived cells are empty: anything written there would come from the return.
      for (let row = 2; row <= 5; row += 1)
        for (const column of ["E", "G"]) sheet.getCell(`${column}${row}`).value = null;
    });
    const unit = await fromCopy(join(dir, "form.xlsx"), "shared-unit.xlsx", (sheet) => {
      sheet.getCell("C3").value = 186;
      sheet.getCell("D3").value = 200;
      shareDerivedColumns(sheet, [0.924, 0.93, 0.9, 0.8]);
    });
    const out = join(dir, "merged-shared.xlsx");

    const run = await runCli("merge", master, unit, "--out", out, "--format", "json");

    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as { edits: { cell: string }[] };
    expect(plan.edits.map((edit) => edit.cell)).toEqual(["C3", "D3"]);
    const merged = await sheetOf(out);
    for (const cell of ["E3", "E4", "G3"]) expect(merged.getCell(cell).value).toBeNull();
  });
});
