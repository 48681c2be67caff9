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
  kind: "integer" | "text" | "amount" | "ratio" | "choice";
  /** Without it the sheet cannot be read; other columns may be missing (older copies, pasted tables). */
  required: boolean;
  width: number;
  numberFormat?: string;
  choices?: readonly string[];
  description: string;
}

/** 类别 of a 民生实事 item's row: the items sheet's name, so a row says where it came from. */
export const historyItemCategory = itemsSheetName;

/** The columns in their sheet order: the header texts are the contract with 开始下一期 and the pane. */
export const historyColumns: readonly HistoryColumnSpec[] = [
  {
    key: "year",
    header: "统计年份",
    kind: "integer",
    required: true,
    width: 10,
    description: "该期专报设置的统计年份",
  },
  { key: "month", header: "统计月份", kind: "integer", required: true, width: 10, description: "该期的统计月份" },
  {
    key: "cumulativeMonth",
    header: "累计截止月份",
    kind: "integer",
    required: false,
    width: 12,
    description: "该期的累计截止月份，空则同统计月份；按它找上年同期",
  },
  { key: "issue", header: "期号", kind: "integer", required: false, width: 8, description: "该期专报的期号，可空" },
  {
    key: "category",
    header: "类别",
    kind: "text",
    required: true,
    width: 14,
    description: `指标所在的工作表名；民生实事事项填“${itemsSheetName}”`,
  },
  { key: "name", header: "指标名称", kind: "text", required: true, width: 30, description: "指标名称或事项名称" },
  { key: "unit", header: "单位", kind: "text", required: false, width: 8, description: "该期的单位" },
  {
    key: "actual",
    header: "本期值",
    kind: "amount",
    required: true,
    width: 12,
    numberFormat: "General",
    description: "该期的本期值；事项为累计完成",
  },
  {
    key: "target",
    header: "目标值",
    kind: "amount",
    required: false,
    width: 12,
    numberFormat: "General",
    description: "该期的目标值；事项为年度目标",
  },
  {
    key: "completion",
    header: "完成率",
    kind: "ratio",
    required: false,
    width: 10,
    numberFormat: "0.0%",
    description: "该期的完成率",
  },
  {
    key: "prior",
    header: "上年同期值",
    kind: "amount",
    required: false,
    width: 12,
    numberFormat: "General",
    description: "该期的上年同期值",
  },
  {
    key: "growth",
    header: "同比",
    kind: "ratio",
    required: false,
    width: 10,
    numberFormat: "0.0%",
    description: "该期的同比",
  },
  {
    key: "level",
    header: "事项级别",
    kind: "choice",
    required: false,
    width: 10,
    choices: itemLevels,
    description: "仅民生实事事项：省级或市级",
  },
  {
    key: "status",
    header: "事项状态",
    kind: "choice",
    required: false,
    width: 16,
    choices: progressStatuses,
    description: "仅民生实事事项：达到或超时序进度或滞后（该期按序时进度判断的结果）",
  },
];

export function historyColumnByKey(key: HistoryColumnKey): HistoryColumnSpec {
  const column = historyColumns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`unknown history column ${key}`);
  return column;
}

/** The header row of 历史数据, in order. */
export const historyHeaders: readonly string[] = historyColumns.map((column) => column.header);
