/**
 * Workbooks beyond the documented limits (src/core/spec/limits.ts) are refused from the zip alone:
 * too many rows or cells, too many bytes declared, or a part that inflates beyond what it declared.
 */
import { describe, expect, test } from "@jest/globals";
import { strToU8 } from "fflate";
import { workbookLimits } from "../../src/core";
import { workbookSizeProblem } from "../../src/files/workbook-size";
import { declareSize, sheetXml, workbook } from "../support/zip-workbooks";

describe("workbookSizeProblem", () => {
  const { maxRowsPerSheet, maxCells, maxUnzippedBytes } = workbookLimits;

  test("a workbook within the limits passes, up to exactly the row limit", () => {
    expect(workbookSizeProblem(workbook(sheetXml(10, 3)))).toBeNull();
    expect(workbookSizeProblem(workbook(sheetXml(maxRowsPerSheet, 1)))).toBeNull();
  }, 30_000);

  test("one row more than the limit is refused, naming the sheet", () => {
    expect(workbookSizeProblem(workbook(sheetXml(2, 1), sheetXml(maxRowsPerSheet + 1, 1)))).toBe(
      `工作表“文字材料”超过 ${maxRowsPerSheet.toLocaleString("en-US")} 行，超出专报助手能读取的上限，未读取。请删去多余的行（如整列填充到表底的内容）或把数据拆分到几个工作簿，保存后再试。`,
    );
  });

  test("more cells than the limit across the sheets is refused", () => {
    const perRow = 40;
    const rows = Math.ceil(maxCells / perRow / 2) + 1;
    const problem = workbookSizeProblem(workbook(sheetXml(rows, perRow), sheetXml(rows, perRow)));
    expect(problem).toMatch(/^工作簿的单元格超过 3,000,000 个，超出专报助手能读取的上限，未读取。/);
    expect(workbookSizeProblem(workbook(sheetXml(rows, perRow)))).toBeNull();
  }, 30_000);

  test("a zip declaring more bytes than the limit is refused before anything is inflated", () => {
    const declared = declareSize(workbook(sheetXml(2, 1)), "xl/worksheets/sheet1.xml", maxUnzippedBytes + 1);
    expect(workbookSizeProblem(declared)).toMatch(
      /^工作簿解压后超过 256 MB（257 MB），超出专报助手能读取的上限，未读取。/,
    );
  });

  test("a part that inflates beyond its declared size (a zip bomb's lie) is refused", () => {
    const lying = declareSize(workbook(sheetXml(5000, 1)), "xl/worksheets/sheet1.xml", 1000);
    expect(workbookSizeProblem(lying)).toMatch(
      /^工作簿中的“xl\/worksheets\/sheet1.xml”解压后比它声明的大小（1,000 字节）更大/,
    );
  });

  test("bytes that are no zip are left to the reader", () => {
    expect(workbookSizeProblem(strToU8("not a zip"))).toBeNull();
    expect(workbookSizeProblem(new Uint8Array(0))).toBeNull();
  });
});
