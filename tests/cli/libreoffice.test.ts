/** A workbook saved by LibreOffice reads the same, and Calc's results for our formulas match core's. */
import { beforeAll, expect, test } from "@jest/globals";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { completionRate, growthRate } from "../../src/core";
import { runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice } from "../support/libreoffice";
import { referenceText } from "../support/sample";
import { describeWith, libreOffice } from "../support/tools";

const describeWithLibreOffice = describeWith(libreOffice);

describeWithLibreOffice("a workbook saved by LibreOffice", () => {
  let dir: string;
  let saved: string;

  beforeAll(async () => {
    dir = tempDir();
    const original = join(dir, "sample.xlsx");
    await runCli("template", "--sample", "--out", original);
    // Give two rows prior-year values so that the 同比 formulas have something to compute.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(original);
    const sheet = workbook.getWorksheet("城乡融合")!;
    sheet.getCell("F2").value = 400;
    sheet.getCell("F3").value = 0;
    await workbook.xlsx.writeFile(original);
    const outDir = join(dir, "out");
    mkdirSync(outDir);
    saved = convertWithLibreOffice(original, "xlsx", outDir);
  }, 180_000);

  test("generates the same text", async () => {
    const run = await runCli("generate", saved);
    expect(run.stdout).toBe(referenceText("bulletin-expected.txt"));
    expect(run.code).toBe(0);
  });

  test("Calc's values for the 完成率 and 同比 formulas equal core's calculations", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.getWorksheet("城乡融合")!;
    const result = (address: string) => (sheet.getCell(address).value as { result?: unknown }).result;
    const completion = completionRate(462, 500);
    const growth = growthRate(462, 400);
    expect(completion.ok && growth.ok).toBe(true);
    expect(result("E2")).toBeCloseTo(completion.ok ? completion.value : NaN, 12);
    expect(result("E3")).toBeCloseTo(186 / 210, 12);
    expect(result("G2")).toBeCloseTo(growth.ok ? growth.value : NaN, 12);
    // A prior of 0 leaves 同比 empty, as core does, instead of #DIV/0!.
    expect(result("G3") ?? "").toBe("");
  });
});

describeWithLibreOffice("a unit form recalculated by LibreOffice", () => {
  test("Calc computes the form's plain formulas to core's values", async () => {
    const dir = tempDir();
    const form = join(dir, "form.xlsx");
    await runCli("template", "--unit", "城乡融合", "--out", form);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(form);
    const sheet = workbook.getWorksheet("城乡融合")!;
    const figures: [string, number][] = [
      ["C2", 462],
      ["D2", 500],
      ["F2", 430],
      ["C3", 186],
      ["D3", 210],
      ["F3", 200],
    ];
    for (const [address, value] of figures) sheet.getCell(address).value = value;
    await workbook.xlsx.writeFile(form);
    const outDir = join(dir, "out");
    mkdirSync(outDir);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(convertWithLibreOffice(form, "xlsx", outDir));
    const result = (address: string) =>
      (recalculated.getWorksheet("城乡融合")!.getCell(address).value as { result?: unknown }).result;
    const expected: [string, ReturnType<typeof completionRate>][] = [
      ["E2", completionRate(462, 500)],
      ["G2", growthRate(462, 430)],
      ["E3", completionRate(186, 210)],
      ["G3", growthRate(186, 200)],
    ];
    for (const [address, calc] of expected) {
      expect(calc.ok).toBe(true);
      expect(result(address)).toBeCloseTo(calc.ok ? calc.value : NaN, 12);
    }
  }, 180_000);
});
