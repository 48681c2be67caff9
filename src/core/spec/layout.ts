/**
 * The workbook layout staff fill (docs/workbook.md), as data: the CLI's template writer, the add-in's
 * 创建模板 and the parser all read it from here.
 */

export const settingsSheetName = "专报设置";

export type IndicatorColumnKey =
  | "name"
  | "unit"
  | "actual"
  | "target"
  | "completion"
  | "prior"
  | "growth"
  | "template"
  | "sentenceEnd"
  | "include"
  | "lead"
  | "note"
  | "decimals";

export type UnitFormAccess = "open" | "new-rows" | "locked";

export type ColumnKind = "text" | "amount" | "ratio" | "choice" | "integer";

/** How a derived column is filled in the template: from ZB functions or from plain Excel formulas. */
export type DerivedFormula = "completion" | "growth";

export interface ColumnSpec {
  key: IndicatorColumnKey;
  header: string;
  kind: ColumnKind;
  /** Written by 创建模板; optional columns are read when present. */
  inTemplate: boolean;
  width: number;
  numberFormat?: string;
  choices?: readonly string[];
  formula?: DerivedFormula;
  /** Who may type here in a unit's form: open cells, only in rows the unit adds, or nobody. */
  unitForm: UnitFormAccess;
  description: string;
}

export const sentenceEnds = ["，", "；", "。", "、"] as const;
export type SentenceEnd = (typeof sentenceEnds)[number];
export const defaultSentenceEnd: SentenceEnd = "；";

export const includeChoices = ["是", "否"] as const;

export const indicatorColumns: readonly ColumnSpec[] = [
  {
    key: "name",
    header: "指标名称",
    kind: "text",
    inTemplate: true,
    width: 30,
    unitForm: "new-rows",
    description: "用专报原话，同一工作表内不重复",
  },
  {
    key: "unit",
    header: "单位",
    kind: "text",
    inTemplate: true,
    width: 8,
    unitForm: "new-rows",
    description: "如 亿元、人、万亩、%",
  },
  {
    key: "actual",
    header: "本期值",
    kind: "amount",
    inTemplate: true,
    width: 12,
    numberFormat: "General",
    unitForm: "open",
    description: "按“单位”列的单位填写数字，如 65.04（亿元）",
  },
  {
    key: "target",
    header: "目标值",
    kind: "amount",
    inTemplate: true,
    width: 12,
    numberFormat: "General",
    unitForm: "open",
    description: "月度或年度目标，用于计算完成率",
  },
  {
    key: "completion",
    header: "完成率",
    kind: "ratio",
    inTemplate: true,
    width: 10,
    numberFormat: "0.0%",
    formula: "completion",
    unitForm: "open",
    description: "留空或用公式时由本期值÷目标值计算；也可直接填写",
  },
  {
    key: "prior",
    header: "上年同期值",
    kind: "amount",
    inTemplate: true,
    width: 12,
    numberFormat: "General",
    unitForm: "open",
    description: "用于计算同比",
  },
  {
    key: "growth",
    header: "同比",
    kind: "ratio",
    inTemplate: true,
    width: 10,
    numberFormat: "0.0%",
    formula: "growth",
    unitForm: "open",
    description: "留空或用公式时由本期值÷上年同期值−1计算；也可直接填写",
  },
  {
    key: "template",
    header: "表述模板",
    kind: "text",
    inTemplate: true,
    width: 60,
    unitForm: "locked",
    description: "本行在专报中的表述，见“表述模板写法”",
  },
  {
    key: "sentenceEnd",
    header: "句末",
    kind: "choice",
    inTemplate: true,
    width: 6,
    choices: sentenceEnds,
    unitForm: "locked",
    description: "本行之后的标点；段落最后一行自动用“。”",
  },
  {
    key: "include",
    header: "纳入专报",
    kind: "choice",
    inTemplate: true,
    width: 10,
    choices: includeChoices,
    unitForm: "locked",
    description: "“否”则不写入专报",
  },
  {
    key: "lead",
    header: "牵头单位",
    kind: "text",
    inTemplate: true,
    width: 16,
    unitForm: "open",
    description: "报送数据的成员单位",
  },
  {
    key: "note",
    header: "备注",
    kind: "text",
    inTemplate: true,
    width: 20,
    unitForm: "open",
    description: "不写入专报",
  },
  {
    key: "decimals",
    header: "小数位数",
    kind: "integer",
    inTemplate: false,
    width: 8,
    unitForm: "locked",
    description: "可选列：本行数值显示的小数位数（默认2位，百分数1位）",
  },
];

export function columnByKey(key: IndicatorColumnKey): ColumnSpec {
  const column = indicatorColumns.find((c) => c.key === key);
  if (!column) throw new Error(`unknown column ${key}`);
  return column;
}

/** Columns that must be present in every category sheet. */
export const requiredColumnKeys: readonly IndicatorColumnKey[] = indicatorColumns
  .filter((column) => column.inTemplate)
  .map((column) => column.key);

/** Without these a sheet cannot be read at all. */
export const essentialColumnKeys: readonly IndicatorColumnKey[] = ["name", "template"];

/** Units that count whole things: negative or fractional values are errors. */
export const countUnits: readonly string[] = [
  "个",
  "家",
  "人",
  "户",
  "项",
  "场",
  "次",
  "套",
  "人次",
  "件",
  "条",
  "名",
  "台",
  "座",
  "所",
];

/** Units whose values are themselves percentages: growth is a difference in 个百分点. */
export const rateUnits: readonly string[] = ["%", "％"];

export type SettingKey =
  | "专报名称"
  | "期号"
  | "编发单位"
  | "印发日期"
  | "统计年份"
  | "统计月份"
  | "累计起始月份"
  | "累计截止月份"
  | "月份连接号"
  | "序时进度口径"
  | "报送"
  | "抄送"
  | "印发份数";

export interface SettingSpec {
  key: SettingKey;
  kind: "text" | "integer" | "date" | "choice";
  required: boolean;
  choices?: readonly string[];
  description: string;
}

export const settingsColumns = { item: "项目", value: "内容", description: "说明" } as const;

export const settingSpecs: readonly SettingSpec[] = [
  { key: "专报名称", kind: "text", required: true, description: "报头标题" },
  { key: "期号", kind: "integer", required: true, description: "第N期的N" },
  { key: "编发单位", kind: "text", required: true, description: "报头下方的编发单位" },
  { key: "印发日期", kind: "date", required: true, description: "如 2026年4月28日，可填日期" },
  { key: "统计年份", kind: "integer", required: true, description: "数据所属年份" },
  { key: "统计月份", kind: "integer", required: true, description: "本期月份，用于{本月}" },
  { key: "累计起始月份", kind: "integer", required: false, description: "累计区间起始月，默认1" },
  {
    key: "累计截止月份",
    kind: "integer",
    required: false,
    description: "累计区间截止月，默认同统计月份；也用于{季度}和序时进度",
  },
  {
    key: "月份连接号",
    kind: "choice",
    required: false,
    choices: ["-", "—"],
    description: "1-3月 或 1—3月（GB/T 15835），默认 -",
  },
  {
    key: "序时进度口径",
    kind: "choice",
    required: false,
    choices: ["按月", "按天"],
    description: "按月：月份÷12；按天：已过天数÷全年天数",
  },
  { key: "报送", kind: "text", required: false, description: "报尾的报送单位，可空；如 市委、市人大、市政府、市政协" },
  { key: "抄送", kind: "text", required: false, description: "报尾的抄送单位，可空" },
  { key: "印发份数", kind: "integer", required: false, description: "报尾的“共印N份”的N，可空" },
];

/** Placeholders computed from the settings, beyond the settings items themselves. */
export const derivedPlaceholders = ["累计期间", "本月", "季度", "序时进度"] as const;

/** Placeholders filled from a row's own cells. */
export const rowPlaceholders: Readonly<Record<string, IndicatorColumnKey>> = {
  指标名称: "name",
  单位: "unit",
  本期值: "actual",
  目标值: "target",
  完成率: "completion",
  上年同期值: "prior",
  同比: "growth",
  牵头单位: "lead",
};

/**
 * Placeholders filled from 历史数据: the same indicator's 本期值 in the latest earlier period, and the
 * change to it (worded like {同比}, with 环比).
 */
export const historyPlaceholders = { previous: "上期值", monthOnMonth: "环比" } as const;

/** 民生实事明细: one row per 重点民生实事 item, from which the 民生实事 counts can be taken. */
export const itemsSheetName = "民生实事明细";

export const itemLevels = ["省级", "市级"] as const;
export type ItemLevel = (typeof itemLevels)[number];

/** An item's status against 序时进度, as 民生实事明细 and 历史数据 print it. */
export const progressStatuses = ["达到或超时序进度", "滞后"] as const;

export type ItemColumnKey =
  "name" | "level" | "target" | "done" | "completion" | "schedule" | "status" | "lead" | "note";

export const itemColumns: Readonly<Record<ItemColumnKey, string>> = {
  name: "名称",
  level: "级别",
  target: "年度目标",
  done: "累计完成",
  completion: "完成率",
  schedule: "序时进度",
  status: "状态",
  lead: "牵头单位",
  note: "备注",
};

/** 文字材料: the narrative sections, one paragraph per row, written by the office rather than computed. */
export const narrativeSheetName = "文字材料";

export type NarrativeColumnKey = "section" | "title" | "body" | "include";

export const narrativeColumns: Readonly<Record<NarrativeColumnKey, string>> = {
  section: "栏目",
  title: "标题",
  body: "正文",
  include: "纳入专报",
};

export const narrativeColumnDescriptions: Readonly<Record<NarrativeColumnKey, string>> = {
  section: "段落所属栏目",
  title: "可空；填写则段首加“●”并加粗，如 惠民生增福祉专班部署",
  body: "段落正文；用 **文字** 标出加粗；单元格内换行另起一段",
  include: "“否”则不写入专报",
};

/** The bulletin's sections in their printed order; 主要指标 is computed, the others come from 文字材料. */
export const bulletinSectionNames = ["工作部署", "主要指标", "重点任务", "突出问题", "特色亮点"] as const;
export type BulletinSectionName = (typeof bulletinSectionNames)[number];

export const indicatorSectionName: BulletinSectionName = "主要指标";

export const narrativeSectionNames: readonly BulletinSectionName[] = bulletinSectionNames.filter(
  (name) => name !== indicatorSectionName,
);

/**
 * Widths in characters of the other sheets' columns; indicator columns carry their own in the spec.
 * No width is 9: ExcelJS takes 9 for its default and leaves it out of the file.
 */
const otherColumnWidths: Readonly<Record<string, number>> = {
  [settingsColumns.item]: 16,
  [settingsColumns.value]: 40,
  [settingsColumns.description]: 56,
  [itemColumns.name]: 36,
  [itemColumns.level]: 8,
  [itemColumns.target]: 10,
  [itemColumns.done]: 10,
  [itemColumns.schedule]: 10,
  [itemColumns.status]: 16,
  [narrativeColumns.section]: 12,
  [narrativeColumns.title]: 28,
  [narrativeColumns.body]: 80,
};

/** The width in characters of a column with this header, in any sheet of the layout. */
export function columnWidth(header: string): number | undefined {
  const other = Object.prototype.hasOwnProperty.call(otherColumnWidths, header) ? otherColumnWidths[header] : undefined;
  return indicatorColumns.find((column) => column.header === header)?.width ?? other;
}
