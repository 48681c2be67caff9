/**
 * The sentences for a workbook beyond the documented limits (src/core/spec/limits.ts), shared by the
 * file check (CLI, 导入报送表) and the hosts (Excel, WPS), which know the used ranges' sizes.
 */
import { describe, expect, test } from "@jest/globals";
import { sheetSizeProblem, unzippedSizeProblem, usedRangesSizeProblem, workbookLimits } from "../../src/core";

const { maxRowsPerSheet, maxCells } = workbookLimits;

describe("sheetSizeProblem", () => {
  test("a sheet up to the row limit, within the cell limit, is no problem", () => {
    expect(sheetSizeProblem("产业发展", maxRowsPerSheet, 15)).toBeNull();
    expect(sheetSizeProblem("产业发展", maxRowsPerSheet)).toBeNull();
    expect(sheetSizeProblem("产业发展", 1, 1)).toBeNull();
  });

  test("one row more names the sheet, the limit and, from a host, the used range", () => {
    expect(sheetSizeProblem("产业发展", 1_048_576, 13)).toBe(
      "工作表“产业发展”超过 200,000 行（已用区域 1,048,576 行 × 13 列），超出专报助手能读取的上限，未读取。" +
        "请删去多余的行（如整列填充到表底的内容）或把数据拆分到几个工作簿，保存后再试。",
    );
    expect(sheetSizeProblem("文字材料", maxRowsPerSheet + 1)).toBe(
      "工作表“文字材料”超过 200,000 行，超出专报助手能读取的上限，未读取。" +
        "请删去多余的行（如整列填充到表底的内容）或把数据拆分到几个工作簿，保存后再试。",
    );
  });

  test("a sheet within the rows but wider than the cell limit names its used range", () => {
    expect(sheetSizeProblem("城乡融合", 200, 16_384)).toBe(
      "工作表“城乡融合”超过 3,000,000 个单元格（已用区域 200 行 × 16,384 列），超出专报助手能读取的上限，未读取。" +
        "请删去多余的行列（如整行或整列填充到表尾的内容）或把数据拆分到几个工作簿，保存后再试。",
    );
    expect(sheetSizeProblem("城乡融合", 183, 16_384)).toBeNull();
  });
});

describe("usedRangesSizeProblem", () => {
  test("used ranges up to the cell limit together are no problem", () => {
    const half = { rows: maxCells / 20 / 2, columns: 20 };
    expect(
      usedRangesSizeProblem([
        { sheet: "产业发展", ...half },
        { sheet: "城乡融合", ...half },
      ]),
    ).toBeNull();
    expect(usedRangesSizeProblem([])).toBeNull();
    expect(usedRangesSizeProblem(maxCells)).toBeNull();
  });

  test("a sheet beyond a limit on its own is named as sheetSizeProblem names it", () => {
    expect(
      usedRangesSizeProblem([
        { sheet: "专报设置", rows: 12, columns: 2 },
        { sheet: "产业发展", rows: 1_048_576, columns: 13 },
      ]),
    ).toBe(sheetSizeProblem("产业发展", 1_048_576, 13));
  });

  test("more names the total and the largest sheet; counted cells name the limit only", () => {
    expect(
      usedRangesSizeProblem([
        { sheet: "产业发展", rows: 150_000, columns: 13 },
        { sheet: "城乡融合", rows: 100_000, columns: 15 },
        { sheet: "专报设置", rows: 12, columns: 2 },
      ]),
    ).toBe(
      "工作簿的单元格超过 3,000,000 个（所读工作表的已用区域共 3,450,024 个单元格，最大的是“产业发展”，150,000 行 × 13 列），" +
        "超出专报助手能读取的上限，未读取。请删去无关的工作表或多余的行列，或把数据拆分到几个工作簿，保存后再试。",
    );
    expect(usedRangesSizeProblem(maxCells + 1)).toBe(
      "工作簿的单元格超过 3,000,000 个，超出专报助手能读取的上限，未读取。请删去无关的工作表或多余的行列，或把数据拆分到几个工作簿，保存后再试。",
    );
  });
});

describe("unzippedSizeProblem", () => {
  test("names the limit and the size, past 4 GB as such", () => {
    expect(unzippedSizeProblem(workbookLimits.maxUnzippedBytes)).toBeNull();
    expect(unzippedSizeProblem(workbookLimits.maxUnzippedBytes + 1)).toBe(
      "工作簿解压后超过 256 MB（257 MB），超出专报助手能读取的上限，未读取。请删去无关的工作表或数据，保存后再试。",
    );
    expect(unzippedSizeProblem(Infinity)).toMatch(/^工作簿解压后超过 256 MB（超过 4 GB），/);
    expect(unzippedSizeProblem(2 ** 32)).toMatch(/（超过 4 GB）/);
  });
});
