/**
 * Failures as the sentences the pane shows. The Excel and WPS adapters already word their failures for
 * a person (ExcelHostError, WpsHostError); anything else is a fault of ours and must not reach the pane
 * as technical text.
 */

const wordedErrorNames: readonly string[] = ["ExcelHostError", "WpsHostError"];

function isWordedForPeople(error: unknown): error is Error {
  return error instanceof Error && wordedErrorNames.includes(error.name) && error.message !== "";
}

/** The sentence to show after `action` (a verb phrase such as “校验数据”) failed with `error`. */
export function failureSentence(action: string, error: unknown): string {
  if (isWordedForPeople(error)) return error.message;
  return `操作未完成：未能${action}。请重试；如果问题仍然存在，请关闭任务窗格后重新打开，或联系技术支持。`;
}
