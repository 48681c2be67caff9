/**
 * WPS failures as the plain Chinese sentences the pane shows. ET throws plain JavaScript errors (VBA's
 * messages, often in English or empty), so only what the adapter itself knows is worded specifically.
 */

/** A WPS failure already put in words for a person. */
export class WpsHostError extends Error {
  override readonly name = "WpsHostError";
}

/** The error to show for a failure while doing `action` (a verb phrase such as “创建模板”). */
export function wpsHostError(action: string, error: unknown): WpsHostError {
  if (error instanceof WpsHostError) return error;
  return new WpsHostError(
    `WPS 表格未能${action}。请确认没有正在编辑的单元格、工作簿未受保护，然后重试；如果问题仍然存在，请关闭任务窗格后重新打开。`,
  );
}

export const noWorkbookError = (action: string) =>
  new WpsHostError(`没有打开的工作簿，无法${action}。请先在 WPS 表格中新建或打开一个工作簿。`);
