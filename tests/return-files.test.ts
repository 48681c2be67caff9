/**
 * 下载报送表's form and 导入报送表's reading of the chosen files, with Node's ExcelJS standing in for its browser build: a
 * unit form written as .xlsx comes back as the grids the merge needs; a file that is not one is named.
 */
import { describe, expect, test } from "@jest/globals";
import ExcelJS from "exceljs";
import { kaijuBahao, unitFormGrids, workbookGrids, workbookLimits } from "../src/core";
import { MemoryWorkbook } from "../src/core/workbook/memory-workbook";
import * as sniffer from "../src/files/sniff";
import { gridsToWorkbook, workbookBytes } from "../src/files/xlsx-write";
import { PaneController } from "../src/taskpane/pane-controller";
import { type ChosenFile, notAWorkbook, readReturnFiles, unreadableFile } from "../src/taskpane/return-files";
import { unitFormBytes } from "../src/taskpane/unit-form-file";
import { compoundFile, xlsxWithUnreadableSheets, zipOf } from "./support/file-formats";
import { setCell } from "./support/sample";
import { sheetXml, workbook } from "./support/zip-workbooks";
import { paneChunks } from "./support/pane-chunks";

const loadExcelJs = async () => ExcelJS;
const loadSniff = async () => sniffer;

function chosen(name: string, bytes: Uint8Array): ChosenFile {
  return {
    name,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

async function unitFormFile(name: string, cells: [string, string, unknown][]): Promise<ChosenFile> {
  const form = unitFormGrids(kaijuBahao, ["城乡融合"]);
  if (!form.ok) throw new Error("unknown category");
  const grids = form.grids.map((grid) => ({ ...grid, values: grid.values.map((row) => [...row]) }));
  for (const [sheet, address, value] of cells) setCell(grids, sheet, address, value);
  const workbook = await gridsToWorkbook(grids, { unitForm: true });
  return chosen(name, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

describe("readReturnFiles", () => {
  test("refuses a file beyond the size limits before ExcelJS parses it", async () => {
    const big = chosen("全年.xlsx", workbook(sheetXml(workbookLimits.maxRowsPerSheet + 1, 1)));
    const files = await readReturnFiles([big], loadExcelJs, loadSniff);
    expect(files).toEqual([
      {
        fileName: "全年.xlsx",
        unreadable: expect.stringMatching(/^工作表“城乡融合”超过 200,000 行，超出专报助手能读取的上限，未读取。/),
      },
    ]);
  });
  test("reads a unit form into its sheets and names a file that is not a workbook", async () => {
    const form = await unitFormFile("人社局.xlsx", [
      ["填报说明", "B2", "市人社局"],
      ["城乡融合", "C2", 470],
    ]);
    const files = await readReturnFiles(
      [form, chosen("照片.jpg", new TextEncoder().encode("not a zip"))],
      loadExcelJs,
      loadSniff,
    );
    expect(files.map((file) => file.fileName)).toEqual(["人社局.xlsx", "照片.jpg"]);
    expect(files[1]).toEqual({
      fileName: "照片.jpg",
      unreadable: "这不是 Excel 工作簿（.xlsx），请选择用 Excel 或 WPS 保存的 .xlsx 文件",
    });
    const grids = "grids" in files[0]! ? files[0].grids : [];
    expect(grids.map((grid) => grid.name)).toEqual(["填报说明", "城乡融合"]);
    expect(grids[1]!.values[1]![2]).toBe(470);
  });

  test("names each foreign format, without loading ExcelJS for files it need not parse", async () => {
    let loads = 0;
    const counting = async () => {
      loads += 1;
      return ExcelJS;
    };
    const files = await readReturnFiles(
      [
        chosen("乡镇.et", compoundFile(["Workbook"])),
        chosen("旧表.xls", compoundFile(["Workbook"])),
        chosen("加密.xlsx", compoundFile(["EncryptionInfo", "EncryptedPackage"])),
        chosen("表.ods", zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet" })),
        chosen("空.xlsx", new Uint8Array(0)),
        chosen("财务.xlsx", xlsxWithUnreadableSheets(["Sheet1"])),
      ],
      counting,
      loadSniff,
    );
    expect(files.map((file) => ("unreadable" in file ? file.unreadable.split("，")[0] : "read"))).toEqual([
      "这是 WPS 表格 .et 文件",
      "这是旧版 Excel 97-2003 工作簿（.xls）",
      "这个工作簿设有打开密码（已加密）",
      "这是 OpenDocument 电子表格（.ods）",
      "这是空文件（0 字节）",
      "没有任何类别工作表（产业发展、城乡融合、乡村振兴、区域协同、文体惠民、民生实事、双碳管控）",
    ]);
    expect(loads).toBe(0);
  });

  test("a file the browser can no longer read, and a damaged .xlsx, are named as such", async () => {
    const gone: ChosenFile = { name: "已删除.xlsx", arrayBuffer: () => Promise.reject(new Error("NotReadableError")) };
    const damaged = xlsxWithUnreadableSheets(["城乡融合"]);
    const files = await readReturnFiles([gone, chosen("坏.xlsx", damaged)], loadExcelJs, loadSniff);
    expect(files).toEqual([
      { fileName: "已删除.xlsx", unreadable: unreadableFile },
      { fileName: "坏.xlsx", unreadable: notAWorkbook },
    ]);
  });

  test("feeds 导入报送表: the file's figures fill the workbook's empty cells", async () => {
    const form = await unitFormFile("人社局.xlsx", [
      ["填报说明", "B2", "市人社局"],
      ["城乡融合", "C2", 470],
      ["城乡融合", "D2", 500],
    ]);
    const pane = new PaneController(
      new MemoryWorkbook(workbookGrids(kaijuBahao, { sample: false, formulas: "plain" })),
      undefined,
      paneChunks,
    );
    await pane.importReturns(() => readReturnFiles([form], loadExcelJs, loadSniff));
    expect(pane.view.merge).toMatchObject({ merged: ["市人社局"], editCount: 2, rejected: [] });
  });
});

describe("unitFormBytes (下载报送表)", () => {
  test("writes the unit's form for the chosen categories, which 导入报送表 reads back", async () => {
    const bytes = await unitFormBytes(["城乡融合", "民生实事"], { gridsToWorkbook, workbookBytes });
    const [file] = await readReturnFiles([chosen("报送表.xlsx", bytes)], loadExcelJs, loadSniff);
    const grids = file && "grids" in file ? file.grids : [];
    expect(grids.map((grid) => grid.name)).toEqual(["填报说明", "城乡融合", "民生实事"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    // Protected without a password: only the unit's cells are open.
    expect(workbook.getWorksheet("城乡融合")!.getCell("A2").protection?.locked).not.toBe(false);
    expect(workbook.getWorksheet("城乡融合")!.getCell("C2").protection?.locked).toBe(false);
  });

  test("refuses a category the catalog lacks", async () => {
    await expect(unitFormBytes(["不存在"], { gridsToWorkbook, workbookBytes })).rejects.toThrow("不存在");
  });
});
