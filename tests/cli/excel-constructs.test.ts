/**
 * Files saved by Excel carry constructs ExcelJS's own writer and LibreOffice rarely produce: shared
 * formulas filled down a column, cached error values, cached empty-string results, real date cells
 * and rich text. No Excel runs here, so this writes those constructs into the sample and reads it back.
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli, tempDir } from "../support/cli";
import { referenceText } from "../support/sample";

let path: string;

beforeAll(async () => {
  const dir = tempDir();
  const sample = join(dir, "sample.xlsx");
  await runCli("template", "--sample", "--out", sample);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(sample);
  const settings = workbook.getWorksheet("专报设置")!;
  settings.getCell("B5").value = new Date(Date.UTC(2025, 3, 28));
  settings.getCell("B5").numFmt = "yyyy年m月d日";
  settings.getCell("B2").value = {
    richText: [{ text: "汨罗市实施“开局八好”" }, { text: "工作专报", font: { bold: true } }],
  };
  const sheet = workbook.getWorksheet("城乡融合")!;
  // Excel fills a column with one shared formula: the master cell and dependents pointing at it.
  sheet.getCell("E2").value = {
    formula: 'IF(D2=0,"",C2/D2)',
    result: 462 / 500,
    shareType: "shared",
    ref: "E2:E5",
  } as ExcelJS.CellValue;
  sheet.getCell("E3").value = { sharedFormula: "E2", result: 186 / 210 } as ExcelJS.CellValue;
  sheet.getCell("E4").value = { sharedFormula: "E2", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  sheet.getCell("E5").value = { sharedFormula: "E2", result: "" } as ExcelJS.CellValue;
  path = join(dir, "excel-like.xlsx");
  await workbook.xlsx.writeFile(path);
}, 60_000);

describe("a workbook with Excel's constructs", () => {
  test("reads back as shared formulas, cached errors and dates", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet("城乡融合")!;
    expect(sheet.getCell("E3").value).toMatchObject({ sharedFormula: "E2" });
    expect(workbook.getWorksheet("专报设置")!.getCell("B5").value).toBeInstanceOf(Date);
  });

  test("generates the same bulletin, and flags the cached #DIV/0! by its cell", async () => {
    const run = await runCli("generate", path);
    const expected = referenceText("bulletin-expected.txt").split("\n");
    const lines = run.stdout.split("\n");
    // The 城乡融合 paragraph loses the row whose 完成率 is an error; every other line is the seed's.
    const changed = lines.filter((line) => !expected.includes(line));
    expect(changed).toEqual([
      "（二）城乡融合指标。城镇新增就业462人，完成月度目标92.4%；农业转移人口落户186人，完成月度目标88.6%。5个老旧小区改造前期工作有序推进。",
    ]);
    expect(run.stderr).toContain("错误 城乡融合!E4 完成率是错误值 #DIV/0!");
    expect(lines.length).toBe(expected.length);
  });
});
