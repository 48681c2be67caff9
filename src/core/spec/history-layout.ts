/**
 * 历史数据: one row per indicator per period, kept in the workbook so 上年同期值, {上期值}/{环比},
 * ZB.HISTORY and the pane's trends can look back (docs/workbook.md). 开始下一期 appends the closing
 * period's rows; people may also paste earlier periods in. Item rows (类别 民生实事明细) keep each
 * 重点民生实事 item's status, so a period's 民生实事 counts can be counted again from history.
 */
import { itemLevels, itemsSheetName, progressStatuses } from "./layout";

export const historySheetName = "历史数据";

export type HistoryColumnKey =
  | "year"
  | "month"
  | "cumulativeMonth"
  | "issue"
  | "category"
  | "name"
  | "unit"
  | "actual"
  | "target"
  | "completion"
  | "prior"
  | "growth"
  | "level"
  | "status";

export interface HistoryColumnSpec {
  key: HistoryColumnKey;
  header: string;
  /** Without it the sheet cannot be read; other columns may be missing (older copies, pasted tables). */
  required: boolean;
  width: number;
  numberFormat?: string;
  choices?: readonly string[];
}

/** 类别 of a 民生实事 item's row: the items sheet's name, so a row says where it came from. */
export const historyItemCategory = itemsSheetName;

/** The columns in their sheet order: the header texts are the contract with 开始下一期 and the pane. */
export const historyColumns: readonly HistoryColumnSpec[] = [
  { key: "year", header: "统计年份", required: true, width: 10 },
  { key: "month", header: "统计月份", required: true, width: 10 },
  { key: "cumulativeMonth", header: "累计截止月份", required: false, width: 12 },
  { key: "issue", header: "期号", required: false, width: 8 },
  { key: "category", header: "类别", required: true, width: 14 },
  { key: "name", header: "指标名称", required: true, width: 30 },
  { key: "unit", header: "单位", required: false, width: 8 },
  { key: "actual", header: "本期值", required: true, width: 12 },
  { key: "target", header: "目标值", required: false, width: 12 },
  { key: "completion", header: "完成率", required: false, width: 10, numberFormat: "0.0%" },
  { key: "prior", header: "上年同期值", required: false, width: 12 },
  { key: "growth", header: "同比", required: false, width: 10, numberFormat: "0.0%" },
  { key: "level", header: "事项级别", required: false, width: 10, choices: itemLevels },
  { key: "status", header: "事项状态", required: false, width: 16, choices: progressStatuses },
];

export function historyColumnByKey(key: HistoryColumnKey): HistoryColumnSpec {
  const column = historyColumns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`unknown history column ${key}`);
  return column;
}

/** The header row of 历史数据, in order. */
export const historyHeaders: readonly string[] = historyColumns.map((column) => column.header);
