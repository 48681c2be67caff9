import { describe, expect, test } from "@jest/globals";
import { ExcelHostError, excelHostError } from "../src/excel/office-errors";

describe("Office errors in words", () => {
  test("names the action and the remedy for known Office codes", () => {
    const error = excelHostError("创建模板", { code: "AccessDenied", message: "AccessDenied" });
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(error.message).toBe("工作簿受保护或为只读，无法创建模板。请在“审阅”选项卡中撤销工作簿和工作表保护后重试");
    expect(error.code).toBe("AccessDenied");
  });

  test("keeps an unknown Office code for whoever supports the office, but no technical text", () => {
    const error = excelHostError("读取工作簿", {
      code: "GeneralException",
      message: "An internal error has occurred.",
    });
    expect(error.message).toBe("Excel 未能读取工作簿，请重试（错误代码 GeneralException）");
  });

  test("says nothing technical about errors that are not Office's", () => {
    expect(excelHostError("读取工作簿", new TypeError("x is undefined")).message).toBe("Excel 未能读取工作簿，请重试");
  });

  test("passes an error already in words through unchanged", () => {
    const worded = new ExcelHostError("已说明", null);
    expect(excelHostError("创建模板", worded)).toBe(worded);
  });
});
