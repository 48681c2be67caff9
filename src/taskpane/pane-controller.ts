/**
 * The pane's behaviour over a WorkbookHost and the core pipeline, with no DOM: each action reads or
 * changes the workbook and yields a new view model for the view to draw.
 */
import { analyzeWorkbook, type Analysis } from "../core/bulletin";
import { bulletinDocument, bulletinPlainText } from "../core/bulletin-document";
import { countBySeverity, severityLabel, type Issue } from "../core/issues";
import { settingsSheetName } from "../core/layout";
import { periodPhrase } from "../core/phrases";
import type { BulletinSettings } from "../core/settings";
import type { WorkbookHost } from "../core/workbook-host";
import { failureSentence } from "./pane-errors";
import type { IssueList, PaneViewModel, PeriodSummary } from "./pane-model";
import type { PaneAction } from "./pane-query";
import { templateReportLines } from "./template-report-text";

type Listener = (model: PaneViewModel) => void;

/** Logs what went wrong for whoever supports the pane; the person sees only a sentence. */
export type FailureLog = (action: string, error: unknown) => void;

const consoleLog: FailureLog = (action, error) => console.error(`专报助手：${action}失败`, error);

type Activity = PaneAction | "read";

const busyTexts: Record<Activity, string> = {
  read: "正在读取工作簿…",
  create: "正在创建模板…",
  check: "正在校验数据…",
  generate: "正在生成专报…",
};

const actionNames: Record<Activity, string> = {
  read: "读取工作簿",
  create: "创建模板",
  check: "校验数据",
  generate: "生成专报",
};

function periodSummary(settings: BulletinSettings): PeriodSummary {
  const to = settings.cumulativeTo;
  return {
    title: settings.title,
    issue: settings.issueNumber === null ? "" : `第${settings.issueNumber}期`,
    period: to === null ? "" : periodPhrase(settings.year, settings.cumulativeFrom, to, settings.dash),
    issueDate: settings.issueDate === null ? "" : (settings.items.get("印发日期") ?? ""),
  };
}

function hasSettingsSheet(analysis: Analysis): boolean {
  return !analysis.issues.some(
    (issue) => issue.sheet === settingsSheetName && issue.code === "missing-sheet" && issue.cell === null,
  );
}

export function issueList(issues: readonly Issue[]): IssueList {
  const groups: IssueList["groups"] = [];
  issues.forEach((issue, index) => {
    let group = groups.find((candidate) => candidate.sheet === issue.sheet);
    if (!group) {
      group = { sheet: issue.sheet, counts: { error: 0, warning: 0, info: 0 }, entries: [] };
      groups.push(group);
    }
    group.counts[issue.severity] += 1;
    group.entries.push({
      key: String(index),
      severity: issue.severity,
      severityLabel: severityLabel[issue.severity],
      place: issue.cell ?? "整个工作表",
      message: issue.message,
      hint: issue.hint,
      issue,
    });
  });
  return { counts: countBySeverity(issues), groups };
}

function countsSentence(list: IssueList): string {
  const { error, warning, info } = list.counts;
  if (error + warning + info === 0) return "未发现问题";
  return `发现 ${error} 个错误、${warning} 个警告、${info} 个提示`;
}

export class PaneController {
  private model: PaneViewModel;
  private readonly listeners = new Set<Listener>();

  constructor(
    private host: WorkbookHost,
    private readonly log: FailureLog = consoleLog,
  ) {
    this.model = {
      hostLabel: host.label,
      busy: null,
      period: null,
      periodNote: null,
      issues: null,
      selectedIssue: null,
      bulletin: null,
      bulletinText: null,
      templateReport: null,
      status: null,
      failure: null,
    };
  }

  get view(): PaneViewModel {
    return this.model;
  }

  /** Calls `listener` with every new view model; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(changes: Partial<PaneViewModel>): void {
    this.model = { ...this.model, ...changes };
    for (const listener of this.listeners) listener(this.model);
  }

  /** Excel answered after the preview had started: work on the real workbook from now on. */
  async useHost(host: WorkbookHost): Promise<void> {
    this.host = host;
    this.update({
      hostLabel: host.label,
      issues: null,
      selectedIssue: null,
      bulletin: null,
      bulletinText: null,
      templateReport: null,
      status: null,
      failure: null,
    });
    await this.refresh();
  }

  /** Runs `work` with the busy state shown; a second action while one runs is ignored. */
  private async busyWith(kind: Activity, work: () => Promise<Partial<PaneViewModel>>): Promise<void> {
    if (this.model.busy !== null) return;
    this.update({ busy: busyTexts[kind], failure: null, status: null });
    try {
      this.update({ ...(await work()), busy: null });
    } catch (error) {
      this.log(actionNames[kind], error);
      this.update({ busy: null, failure: failureSentence(actionNames[kind], error) });
    }
  }

  private async analyze(): Promise<{ analysis: Analysis; period: Partial<PaneViewModel> }> {
    const analysis = analyzeWorkbook(await this.host.readWorkbook());
    const period: Partial<PaneViewModel> = hasSettingsSheet(analysis)
      ? { period: periodSummary(analysis.settings), periodNote: null }
      : { period: null, periodNote: `工作簿中还没有“${settingsSheetName}”工作表，请先点击“创建模板”。` };
    return { analysis, period };
  }

  /** Reads the workbook for the period summary, changing nothing. */
  refresh(): Promise<void> {
    return this.busyWith("read", async () => (await this.analyze()).period);
  }

  run(action: PaneAction, options: { sample?: boolean } = {}): Promise<void> {
    switch (action) {
      case "create":
        return this.createTemplate(options.sample ?? false);
      case "check":
        return this.check();
      case "generate":
        return this.generate();
    }
  }

  createTemplate(sample: boolean): Promise<void> {
    return this.busyWith("create", async () => {
      const report = await this.host.createTemplate({ sample });
      const { period } = await this.analyze();
      // Earlier results describe the workbook before the additions.
      return {
        ...period,
        templateReport: templateReportLines(report),
        issues: null,
        selectedIssue: null,
        bulletin: null,
        bulletinText: null,
        status: "模板已创建。",
      };
    });
  }

  check(): Promise<void> {
    return this.busyWith("check", async () => {
      const { analysis, period } = await this.analyze();
      const issues = issueList(analysis.issues);
      return {
        ...period,
        issues,
        selectedIssue: null,
        templateReport: null,
        // A bulletin generated earlier may no longer match the figures just checked.
        bulletin: null,
        bulletinText: null,
        status: `校验完成：${countsSentence(issues)}。`,
      };
    });
  }

  generate(): Promise<void> {
    return this.busyWith("generate", async () => {
      const { analysis, period } = await this.analyze();
      const issues = issueList(analysis.issues);
      const bulletin = bulletinDocument(analysis);
      const empty = bulletin.sections.length === 0;
      const left =
        issues.counts.error > 0 ? `有 ${issues.counts.error} 个错误，相关指标未写入专报，请查看问题列表。` : "";
      return {
        ...period,
        issues,
        selectedIssue: null,
        templateReport: null,
        bulletin: empty ? null : bulletin,
        bulletinText: empty ? null : bulletinPlainText(bulletin),
        status: empty ? `没有可写入专报的内容。${left || "请先填报数据。"}` : `专报已生成。${left}`,
      };
    });
  }

  /** Selects the issue's cell in the workbook so the person can fix it. */
  async selectIssue(key: string): Promise<void> {
    const entry = this.model.issues?.groups.flatMap((group) => group.entries).find((item) => item.key === key);
    if (!entry) return;
    const { sheet, cell } = entry.issue;
    const where = `“${sheet}”${cell ?? ""}`;
    try {
      await this.host.selectCell(sheet, cell);
      this.update({ selectedIssue: key, failure: null, status: `已定位到${where}。` });
    } catch (error) {
      this.log(`定位到${where}`, error);
      this.update({ failure: failureSentence(`定位到${where}`, error) });
    }
  }

  /** The outcome of 复制全文, which the view performs (the clipboard belongs to the page). */
  reportCopy(copied: boolean): void {
    this.update(
      copied
        ? { status: "已复制全文，可粘贴到 Word 或 WPS 中。", failure: null }
        : { failure: "未能复制到剪贴板。请在预览区中选中文字后按 Ctrl+C 复制。" },
    );
  }
}
