/**
 * Text starting with =, +, - or @ is written with Excel's quote prefix (quotePrefix="1" on its cell
 * style), in templates, forms and merged files (issue 12, point 8), read from the written XML.
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { kaijuBahao, unitFormGrids, workbookGrids, type SheetGrid } from "../../src/core";
import { withQuotePrefix } from "../../src/files/quote-prefix";
import { gridsToWorkbook, workbookBytes } from "../../src/files/xlsx-write";
import { runCli, tempDir } from "../support/cli";
import { setCell } from "../support/sample";

/** The cells of sheet `index` (1-based, as ExcelJS numbers them) whose style has quotePrefix="1". */
function quotedCells(xlsx: Uint8Array, index: number): string[] {
  const files = unzipSync(xlsx);
  const styles = strFromU8(files["xl/styles.xml"]!);
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  const xfs = cellXfs.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  expect(/<cellXfs count="(\d+)"/.exec(styles)![1]).toBe(String(xfs.length));
  const sheet = strFromU8(files[`xl/worksheets/sheet${index}.xml`]!);
  const quoted: string[] = [];
  for (const [, attributes] of sheet.matchAll(/<c\b([^>]*?)\/?>/g)) {
    const style = Number(/\ss="(\d+)"/.exec(attributes!)?.[1] ?? 0);
    if (/\squotePrefix="1"/.test(xfs[style]!)) quoted.push(/\sr="([A-Z]+\d+)"/.exec(attributes!)![1]!);
  }
  return quoted;
}

const hostile = ["=SUM(A1:A9)", "+86 热线", "-3℃以下天数", "@市民", '=HYPERLINK("http://x")'];

describe("the quote prefix", () => {
  test("a template's texts starting with =, +, - or @ are quote-prefixed, and nothing else", async () => {
    let grids: SheetGrid[] = workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
    hostile.forEach((text, i) => {
      grids = setCell(grids, "产业发展", `A${i + 2}`, text);
    });
    grids = setCell(grids, "产业发展", "L2", "-待核实");
    grids = setCell(grids, "产业发展", "L3", "a=b，-1");
    const bytes = await workbookBytes(await gridsToWorkbook(grids));

    expect(quotedCells(bytes, 2).sort()).toEqual(["A2", "A3", "A4", "A5", "A6", "L2"]);
    // Elsewhere only the sample's 月份连接号 “-” (专报设置!B10) starts so.
    const others = grids.flatMap((_, i) =>
      i === 1 ? [] : quotedCells(bytes, i + 1).map((cell) => `${i + 1}!${cell}`),
    );
    expect(others).toEqual(["1!B10"]);
    // The texts read back as they were, and the prefixed cells keep their other formats.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet("产业发展")!;
    expect(hostile.map((_, i) => sheet.getCell(`A${i + 2}`).value)).toEqual(hostile);
    expect(sheet.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
  });

  test("a file without such text is returned unchanged", async () => {
    const form = unitFormGrids(kaijuBahao, ["城乡融合"]);
    if (!form.ok) throw new Error("unknown category");
    const plain = new Uint8Array(await (await gridsToWorkbook(form.grids, { unitForm: true })).xlsx.writeBuffer());
    expect(withQuotePrefix(plain)).toBe(plain);
  });

  describe("zhuanbao merge", () => {
    let dir: string;
    beforeAll(async () => {
      dir = tempDir();
      await runCli("template", "--out", join(dir, "blank.xlsx"));
      await runCli("template", "--unit", "城乡融合", "--out", join(dir, "form.xlsx"));
    });

    test("text merged in and the master's own such text keep the prefix", async () => {
      const edit = async (source: string, name: string, cells: [string, string][]) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(join(dir, source));
        for (const [address, value] of cells) workbook.getWorksheet("城乡融合")!.getCell(address).value = value;
        await workbook.xlsx.writeFile(join(dir, name));
        return join(dir, name);
      };
      const master = await edit("blank.xlsx", "master.xlsx", [["L3", "+新增"]]);
      const unit = await edit("form.xlsx", "unit.xlsx", [
        ["L2", "-待核实"],
        ["K2", "@人社局"],
        ["A6", "=1+1 新指标"],
        ["B6", "人"],
        ["C6", "120"],
      ]);
      const out = join(dir, "merged.xlsx");

      const run = await runCli("merge", master, unit, "--out", out, "--add-rows");

      expect(run.code).toBe(0);
      const sheetIndex = workbookGrids(kaijuBahao, { sample: false, formulas: "plain" })
        .map((grid) => grid.name)
        .indexOf("城乡融合");
      const quoted = quotedCells(new Uint8Array(readFileSync(out)), sheetIndex + 1);
      expect(quoted.sort()).toEqual(expect.arrayContaining(["A6", "K2", "L2", "L3"]));
      expect(quoted).toHaveLength(4);
    });
  });
});
