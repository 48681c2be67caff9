/**
 * Office.js failures as the plain Chinese sentences the pane shows. Office errors carry a `code`
 * (OfficeExtension.Error); anything else is reported without its technical text.
 */

/** An Excel failure already put in words for a person. */
export class ExcelHostError extends Error {
  override readonly name = "ExcelHostError";
  constructor(
    message: string,
    /** The Office error code, when Office gave one. */
    readonly code: string | null,
  ) {
    super(message);
  }
}

const messagesByCode: Readonly<Record<string, (action: string) => string>> = {
  AccessDenied: (action) => `工作簿受保护或为只读，无法${action}。请在“审阅”选项卡中撤销工作簿和工作表保护后重试`,
  InvalidOperationInCellEditMode: (action) => `Excel 正在编辑单元格，无法${action}。请按 Enter 或 Esc 结束编辑后重试`,
  ItemAlreadyExists: (action) => `无法${action}：工作簿中已有同名的工作表或表格，请重命名后重试`,
  ItemNotFound: (action) => `无法${action}：找不到相应的工作表或单元格，可能已被重命名或删除`,
  InvalidReference: (action) => `无法${action}：单元格地址无效`,
  InvalidArgument: (action) => `无法${action}：工作表名称或单元格地址无效`,
  ApiNotFound: (action) => `此版本的 Excel 不支持${action}所需的功能，请更新 Office 后重试`,
  NotImplemented: (action) => `此版本的 Excel 不支持${action}所需的功能，请更新 Office 后重试`,
  UnsupportedOperation: (action) => `此版本的 Excel 不支持${action}所需的功能，请更新 Office 后重试`,
  RangeExceedsLimit: (action) => `工作表数据过多，无法${action}。请删除表格下方和右侧多余的行列后重试`,
  ResponsePayloadSizeLimitExceeded: (action) => `工作表数据过多，无法${action}。请删除表格下方和右侧多余的行列后重试`,
  Conflict: (action) => `工作簿正被其他操作占用，无法${action}，请稍后重试`,
  RequestAborted: (action) => `Excel 中断了操作，未能${action}，请重试`,
};

function officeCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const { code } = error as { code: unknown };
  return typeof code === "string" ? code : null;
}

/** The error to show for a failure while doing `action` (a verb phrase such as “创建模板”). */
export function excelHostError(action: string, error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const code = officeCode(error);
  const message = code ? messagesByCode[code] : undefined;
  if (message) return new ExcelHostError(message(action), code);
  const suffix = code ? `（错误代码 ${code}）` : "";
  return new ExcelHostError(`Excel 未能${action}，请重试${suffix}`, code);
}
