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

/** Office limits what one request may carry each way (Excel on the web: about 5 MB). */
const tooMuchToRead = (action: string) =>
  `工作表数据过多，超过 Excel 一次能传给加载项的上限（网页版 Excel 约 5 MB），无法${action}。请删除表格下方和右侧多余的行列（如整列填充到表底的内容），保存后重试`;
const tooMuchToWrite = (action: string) =>
  `要写入的数据过多，超过 Excel 一次能从加载项接收的上限（网页版 Excel 约 5 MB），无法${action}。请分几次进行（如每次少导入几个报送表）后重试`;

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
  RangeExceedsLimit: (action) =>
    `工作表数据过多，超过 Excel 一次能读写的单元格数，无法${action}。请删除表格下方和右侧多余的行列（如整列填充到表底的内容），保存后重试`,
  ResponsePayloadSizeLimitExceeded: (action) => tooMuchToRead(action),
  RequestPayloadSizeLimitExceeded: (action) => tooMuchToWrite(action),
  Conflict: (action) => `工作簿正被其他操作占用，无法${action}，请稍后重试`,
  RequestAborted: (action) => `Excel 中断了操作，未能${action}，请重试`,
};

/**
 * Some Office builds report an oversized payload with a general code (or none) and only say so in the
 * message ("The response payload size has exceeded the limit", "payload too large").
 */
function payloadMessage(error: unknown, action: string): string | null {
  if (typeof error !== "object" || error === null || !("message" in error)) return null;
  const { message } = error as { message: unknown };
  if (typeof message !== "string" || !/payload/i.test(message) || !/too large|exceed|limit/i.test(message)) return null;
  return /request/i.test(message) ? tooMuchToWrite(action) : tooMuchToRead(action);
}

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
  const payload = payloadMessage(error, action);
  if (payload) return new ExcelHostError(payload, code);
  const suffix = code ? `（错误代码 ${code}）` : "";
  return new ExcelHostError(`Excel 未能${action}，请重试${suffix}`, code);
}
