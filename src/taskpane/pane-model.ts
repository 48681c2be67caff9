/** What the pane shows, as plain data: the controller produces it, the view draws it. */
import type { BulletinDocument } from "../core/bulletin-document";
import type { Issue, Severity } from "../core/issues";

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
  /** The key of the issue last selected in the workbook. */
  selectedIssue: string | null;
  bulletin: BulletinDocument | null;
  /** The bulletin as plain text, for 复制全文. */
  bulletinText: string | null;
  /** What 创建模板 did, one sentence a line. */
  templateReport: string[] | null;
  /** The outcome of the last action, for the live region. */
  status: string | null;
  /** A failure in plain Chinese. */
  failure: string | null;
}
