/** What the pane shows, as plain data: the controller produces it, the view draws it. */
import type { BulletinDocument, TrendSeries } from "../core/bulletin";
import type { Issue, Severity } from "../core/spec";
import type { MergeSide, SheetMergeSummary } from "../core/workbook";

export interface PeriodSummary {
  /** 专报名称; "" while not filled. */
  title: string;
  /** 第2期 */
  issue: string;
  /** 统计期: 2026年1-3月 */
  period: string;
  /** 印发日期: 2025年4月28日 */
  issueDate: string;
}

export interface IssueEntry {
  /** Unique within the list: what a click hands back to the controller. */
  key: string;
  severity: Severity;
  /** 错误 / 警告 / 提示 */
  severityLabel: string;
  /** C5, or “整个工作表” when the problem is the sheet itself. */
  place: string;
  message: string;
  hint: string;
  issue: Issue;
}

export type SeverityCounts = Record<Severity, number>;

export interface IssueGroup {
  sheet: string;
  counts: SeverityCounts;
  entries: IssueEntry[];
}

export interface IssueList {
  counts: SeverityCounts;
  groups: IssueGroup[];
}

export interface MergeConflictView {
  /** What a choice hands back to the controller. */
  key: string;
  sheet: string;
  name: string;
  /** The column: 本期值, 目标值… */
  header: string;
  /** The master's cell, e.g. C5. */
  cell: string;
  /** The unit whose return differs. */
  unit: string;
  masterText: string;
  unitText: string;
  chosen: MergeSide;
}

export interface NewRowView {
  sheet: string;
  name: string;
  unit: string;
  /** False when the master lacks the sheet, so the row cannot be added. */
  addable: boolean;
}

export interface RejectedReturnView {
  unit: string;
  reason: string;
  /** Each error with its place: “产业发展 C5：……”. */
  issues: string[];
}

/** An import of members' returns waiting for 应用合并. */
export interface MergeView {
  merged: string[];
  rejected: RejectedReturnView[];
  sheets: SheetMergeSummary[];
  conflicts: MergeConflictView[];
  newRows: NewRowView[];
  addRows: boolean;
  /** Cells 应用合并 would write. */
  editCount: number;
}

/** 开始下一期 waiting for the person's 确定: what it will archive, change and clear. */
export interface NextPeriodView {
  /** 第2期 → 第3期（2026年5月） */
  title: string;
  /** The plan's summary, a sentence a line. */
  lines: string[];
  /** Whether rows already in 历史数据 for the period will be replaced (said with emphasis). */
  replacing: boolean;
}

export interface PaneViewModel {
  /** Excel / 预览模式 */
  hostLabel: string;
  /** What the pane is doing, e.g. “正在校验数据…”; null when idle. */
  busy: string | null;
  /** null until the workbook was read, or when it has no 专报设置. */
  period: PeriodSummary | null;
  /** Shown instead of the period while the workbook lacks 专报设置. */
  periodNote: string | null;
  /** null until 校验数据 or 生成专报 ran. */
  issues: IssueList | null;
  /**
   * 趋势 beside the check results: null until 校验数据 or 生成专报 ran, or when the workbook has no
   * 历史数据; empty when no indicator has three periods.
   */
  trends: TrendSeries[] | null;
  /** The key of the issue last selected in the workbook. */
  selectedIssue: string | null;
  bulletin: BulletinDocument | null;
  /** The bulletin as plain text, for 复制到 Word. */
  bulletinText: string | null;
  /** What 创建模板 did, one sentence a line. */
  templateReport: string[] | null;
  /** The import waiting for 应用合并; null when there is none. */
  merge: MergeView | null;
  /** What the last 应用合并 wrote, one sentence a line. */
  mergeReport: string[] | null;
  /** 开始下一期 waiting for confirmation; null when there is none. */
  nextPeriod: NextPeriodView | null;
  /** The outcome of the last action, for the live region. */
  status: string | null;
  /** A failure in plain Chinese. */
  failure: string | null;
}
