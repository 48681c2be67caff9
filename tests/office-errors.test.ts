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

  test.each([
    [{ code: "ResponsePayloadSizeLimitExceeded", message: "The response payload size has exceeded the limit." }, "读"],
    [{ code: "RequestPayloadSizeLimitExceeded", message: "The request payload size has exceeded the limit." }, "写"],
    [{ code: "GeneralException", message: "The response payload size has exceeded the limit." }, "读"],
    [{ message: "Request payload too large" }, "写"],
    [new Error("payload too large"), "读"],
  ])("words Office's payload-size error %j as too much to %s in one request", (error, way) => {
    const worded = excelHostError("校验数据", error);
    expect(worded.message).toBe(
      way === "读"
        ? "工作表数据过多，超过 Excel 一次能传给加载项的上限（网页版 Excel 约 5 MB），无法校验数据。请删除表格下方和右侧多余的行列（如整列填充到表底的内容），保存后重试"
        : "要写入的数据过多，超过 Excel 一次能从加载项接收的上限（网页版 Excel 约 5 MB），无法校验数据。请分几次进行（如每次少导入几个报送表）后重试",
    );
    expect(worded.code).toBe("code" in error ? error.code : null);
  });

  test("a message about something else that exceeds a limit is not taken for a payload error", () => {
    expect(
      excelHostError("读取工作簿", { code: "GeneralException", message: "Formula length exceeds limit" }).message,
    ).toBe("Excel 未能读取工作簿，请重试（错误代码 GeneralException）");
  });

  test("says nothing technical about errors that are not Office's", () => {
    expect(excelHostError("读取工作簿", new TypeError("x is undefined")).message).toBe("Excel 未能读取工作簿，请重试");
  });

  test("passes an error already in words through unchanged", () => {
    const worded = new ExcelHostError("已说明", null);
    expect(excelHostError("创建模板", worded)).toBe(worded);
  });
});
