/**
 * The pane's behaviour over a WorkbookHost and the core pipeline, with no DOM: each action reads or
 * changes the workbook and yields a new view model for the view to draw.
 */
import {
  type Analysis,
  analyzeWorkbook,
  bulletinDocument,
  type BulletinDocument,
  bulletinPlainText,
  type TrendSeries,
} from "../core/bulletin";
import { countBySeverity, type Issue, settingsSheetName, severityLabel } from "../core/spec";
import type { SheetGrid } from "../core/reading";
import type { MergeSide, NextPeriodOutcome, NextPeriodPlan, ReadOptions, WorkbookHost } from "../core/workbook";
import { periodPhrase } from "../core/wording";
import type { BulletinSettings } from "../core/reading";
import type { paneTrends } from "./trend-data";
import type { CopyOutcome } from "./clipboard";
import type * as MergeSessionModule from "./merge-session";
import type { MergeSession } from "./merge-session";
import { failureSentence } from "./pane-errors";
import type { IssueList, PaneViewModel, PeriodSummary } from "./pane-model";
import type { PaneAction } from "./pane-query";
import type * as NextPeriodPlanModule from "./next-period-plan";
import type { ReturnFile } from "./return-files";
import { templateReportLines } from "./template-report-text";
import type { SaveOutcome } from "./file-saving";
import { unitFormFileName } from "./unit-form-file";
import { bulletinFileName } from "./word-file";

type Listener = (model: PaneViewModel) => void;

/** 开始下一期's planning (next-period-plan.ts), fetched as a chunk of its own on first use. */
export type NextPeriodPlanner = () => Promise<typeof NextPeriodPlanModule>;

const loadPlanner: NextPeriodPlanner = () => import(/* webpackChunkName: "next-period" */ "./next-period-plan.js");

/** Logs what went wrong for whoever supports the pane; the person sees only a sentence. */
export type FailureLog = (action: string, error: unknown) => void;

const consoleLog: FailureLog = (action, error) => console.error(`专报助手：${action}失败`, error);

/** Renders the bulletin as a .docx and saves it under `fileName` (the page's download). */
export type WordDocumentSaver = (doc: BulletinDocument, fileName: string) => Promise<SaveOutcome>;

/** Writes a unit form for `categories` and saves it under `fileName`. */
export type UnitFormSaver = (categories: readonly string[], fileName: string) => Promise<SaveOutcome>;

/** The trend code (trend-data.ts), a chunk the pane's initial JavaScript does without. */
export type TrendLoader = () => Promise<typeof paneTrends>;

const loadTrends: TrendLoader = async () =>
  (await import(/* webpackChunkName: "trend-data" */ "./trend-data.js")).paneTrends;

/** The merge's planning and choices (merge-session.ts): fetched on 导入报送表, beside ExcelJS's chunk. */
export type MergeSessionLoader = () => Promise<typeof MergeSessionModule>;

const loadMergeSession: MergeSessionLoader = () => import(/* webpackChunkName: "merge" */ "./merge-session.js");

/**
 * The code the pane fetches on first use, each a chunk its initial JavaScript does without. Tests hand
 * the modules over (jest runs no dynamic import).
 */
export interface PaneChunks {
  trends: TrendLoader;
  planner: NextPeriodPlanner;
  mergeSession: MergeSessionLoader;
}

const fetchedChunks: PaneChunks = { trends: loadTrends, planner: loadPlanner, mergeSession: loadMergeSession };

type Activity = PaneAction | "read" | "word" | "import" | "merge" | "form" | "plan";

const busyTexts: Record<Activity, string> = {
  read: "正在读取工作簿…",
  create: "正在创建模板…",
  check: "正在校验数据…",
  generate: "正在生成专报…",
  word: "正在生成 Word 文档…",
  import: "正在读取报送表…",
  merge: "正在写入合并结果…",
  form: "正在生成报送表…",
  plan: "正在核对本期数据…",
  next: "正在开始下一期…",
};

const actionNames: Record<Activity, string> = {
  read: "读取工作簿",
  create: "创建模板",
  check: "校验数据",
  generate: "生成专报",
  word: "下载 Word 文档",
  import: "导入报送表",
  merge: "应用合并",
  form: "下载报送表",
  plan: "开始下一期",
  next: "开始下一期",
};

/** Merging and 开始下一期 read formula cells as formulas: they never write them. */
const mergeRead: ReadOptions = { formulas: true };

const noFileSaving = "此处不能从任务窗格保存文件（如 Mac 版、iPad 版或部分网页版 Office）。";
const cannotSaveFiles = `${noFileSaving}请点击“复制到 Word”，粘贴到 Word 或 WPS 后保存。`;
const cannotSaveForms = `${noFileSaving}请在 Windows 版 Excel 中下载报送表，或请管理员用命令行生成。`;

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

/** A view with no results of an earlier action: the start, and after switching to another workbook. */
const noResults = {
  issues: null,
  selectedIssue: null,
  trends: null,
  bulletin: null,
  bulletinText: null,
  templateReport: null,
  merge: null,
  mergeReport: null,
  nextPeriod: null,
  status: null,
  failure: null,
} satisfies Partial<PaneViewModel>;

export class PaneController {
  private model: PaneViewModel;
  private readonly listeners = new Set<Listener>();

  private readonly chunks: PaneChunks;

  constructor(
    private host: WorkbookHost,
    private readonly log: FailureLog = consoleLog,
    chunks: Partial<PaneChunks> = {},
  ) {
    this.chunks = { ...fetchedChunks, ...chunks };
    this.model = { hostLabel: host.label, busy: null, period: null, periodNote: null, ...noResults };
  }

  private mergeSession: MergeSession | null = null;
  /** The plan shown for confirmation; 确定 hands it to the host, which checks it still holds. */
  private nextPlan: NextPeriodPlan | null = null;

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
    this.mergeSession = null;
    this.nextPlan = null;
    this.update({ hostLabel: host.label, ...noResults });
    await this.refresh();
  }

  /**
   * Runs `work` with the busy state shown; a second action while one runs is ignored. It always ends
   * not busy, with the results or a Chinese sentence: a failure of the work, or of showing its results
   * (then the results are dropped, since the view could not draw them).
   */
  private async busyWith(kind: Activity, work: () => Promise<Partial<PaneViewModel>>): Promise<void> {
    if (this.model.busy !== null) return;
    this.update({ busy: busyTexts[kind], failure: null, status: null });
    let results: Partial<PaneViewModel>;
    try {
      results = await work();
    } catch (error) {
      this.fail(kind, error, {});
      return;
    }
    try {
      this.update({ ...results, busy: null });
    } catch (error) {
      this.fail(kind, error, noResults);
    }
  }

  private fail(kind: Activity, error: unknown, reset: Partial<PaneViewModel>): void {
    this.log(actionNames[kind], error);
    this.update({ ...reset, busy: null, failure: failureSentence(actionNames[kind], error) });
  }

  private async analyze(): Promise<{ analysis: Analysis; grids: SheetGrid[]; period: Partial<PaneViewModel> }> {
    const grids = await this.host.readWorkbook();
    const analysis = analyzeWorkbook(grids);
    const period: Partial<PaneViewModel> = hasSettingsSheet(analysis)
      ? { period: periodSummary(analysis.settings), periodNote: null }
      : { period: null, periodNote: `工作簿中还没有“${settingsSheetName}”工作表，请先点击“创建模板”。` };
    return { analysis, grids, period };
  }

  /** 趋势 are an extra: when their code cannot be loaded, the check results show without them. */
  private async trends(grids: readonly SheetGrid[], settings: BulletinSettings): Promise<TrendSeries[] | null> {
    let calculate: typeof paneTrends;
    try {
      calculate = await this.chunks.trends();
    } catch (error) {
      this.log("载入趋势", error);
      return null;
    }
    return calculate(grids, settings);
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
      case "next":
        return this.prepareNextPeriod();
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
        trends: null,
        selectedIssue: null,
        bulletin: null,
        bulletinText: null,
        status: "模板已创建。",
      };
    });
  }

  check(): Promise<void> {
    return this.busyWith("check", async () => {
      const { analysis, grids, period } = await this.analyze();
      const issues = issueList(analysis.issues);
      return {
        ...period,
        issues,
        trends: await this.trends(grids, analysis.settings),
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
      const { analysis, grids, period } = await this.analyze();
      const issues = issueList(analysis.issues);
      const bulletin = bulletinDocument(analysis);
      const empty = bulletin.sections.length === 0;
      const left =
        issues.counts.error > 0 ? `有 ${issues.counts.error} 个错误，相关指标未写入专报，请查看问题列表。` : "";
      return {
        ...period,
        issues,
        trends: await this.trends(grids, analysis.settings),
        selectedIssue: null,
        templateReport: null,
        bulletin: empty ? null : bulletin,
        bulletinText: empty ? null : bulletinPlainText(bulletin),
        status: empty ? `没有可写入专报的内容。${left || "请先填报数据。"}` : `专报已生成。${left}`,
      };
    });
  }

  /**
   * 开始下一期, first step: reads and plans, and shows what would be archived, changed and cleared, or
   * why it cannot start (the errors, which select their cells like the check's). Writes nothing.
   */
  prepareNextPeriod(): Promise<void> {
    return this.busyWith("plan", async () => {
      const { planNextPeriod } = await this.chunks.planner();
      const grids = await this.host.readWorkbook(mergeRead);
      return this.nextPeriodView(planNextPeriod(grids));
    });
  }

  private nextPeriodView(outcome: NextPeriodOutcome, changed = false): Partial<PaneViewModel> {
    if (!outcome.ok) {
      this.nextPlan = null;
      return {
        nextPeriod: null,
        issues: issueList(outcome.issues),
        selectedIssue: null,
        templateReport: null,
        bulletin: null,
        bulletinText: null,
        status: null,
        failure: `无法开始下一期：${outcome.reason}工作簿未改动。`,
      };
    }
    this.nextPlan = outcome.plan;
    const { current, next } = outcome.plan;
    const lead = changed ? "工作簿在确认前有改动，已重新核对。" : "";
    return {
      nextPeriod: {
        title: `第${current.issue}期 → 第${next.issue}期（${next.year}年${next.month}月）`,
        lines: outcome.plan.summary,
        replacing: outcome.plan.history.replaced > 0,
      },
      status: `${lead}请核对下列改动，确认后点击“确定开始下一期”。`,
    };
  }

  /** 开始下一期, second step: the host plans again and writes only what was confirmed. */
  confirmNextPeriod(): Promise<void> {
    const confirmed = this.nextPlan;
    if (!confirmed) return Promise.resolve();
    return this.busyWith("next", async () => {
      const result = await this.host.startNextPeriod(confirmed);
      if (!result.applied) return this.nextPeriodView(result.outcome, true);
      this.nextPlan = null;
      const { period } = await this.analyze();
      const { current, next, history } = result.plan;
      return {
        ...period,
        nextPeriod: null,
        // Earlier results describe the period just archived.
        issues: null,
        selectedIssue: null,
        bulletin: null,
        bulletinText: null,
        templateReport: null,
        mergeReport: null,
        status: `已开始第${next.issue}期（${next.year}年${next.month}月）：第${current.issue}期的数据已写入“${history.sheet}”，请填报本期数据。`,
      };
    });
  }

  /** Drops the confirmation without writing anything. */
  cancelNextPeriod(): void {
    if (this.model.busy !== null) return;
    this.nextPlan = null;
    this.update({ nextPeriod: null, status: "已取消开始下一期，工作簿未改动。", failure: null });
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

  /** The outcome of 复制到 Word, which the view performs (the clipboard belongs to the page). */
  reportCopy(outcome: CopyOutcome): void {
    this.update(
      outcome === "failed"
        ? { failure: "未能自动复制。已选中预览中的专报全文，请按 Ctrl+C 复制，再粘贴到 Word 或 WPS。" }
        : { status: "已复制，可直接粘贴到 Word 或 WPS", failure: null },
    );
  }

  /** 下载 Word 文档: `save` renders and saves the file; where it cannot, the person is sent to 复制到 Word. */
  downloadWord(save: WordDocumentSaver): Promise<void> {
    const { bulletin } = this.model;
    if (!bulletin) return Promise.resolve();
    return this.busyWith("word", async () => {
      const fileName = bulletinFileName(bulletin.masthead);
      let outcome: SaveOutcome;
      try {
        outcome = await save(bulletin, fileName);
      } catch (error) {
        this.log(actionNames.word, error);
        return { failure: `未能保存 Word 文档。${cannotSaveFiles}` };
      }
      return outcome === "saved"
        ? { status: `已生成 Word 文档：${fileName}，请在浏览器的下载位置查看。` }
        : { failure: cannotSaveFiles };
    });
  }

  /** 下载报送表: a form for the member unit that reports `categories`. */
  downloadUnitForm(categories: readonly string[], save: UnitFormSaver): Promise<void> {
    if (categories.length === 0) {
      this.update({ failure: "请至少勾选一个类别，再点击“下载报送表”。", status: null });
      return Promise.resolve();
    }
    return this.busyWith("form", async () => {
      const fileName = unitFormFileName(categories);
      const outcome = await save(categories, fileName);
      return outcome === "saved"
        ? { status: `已生成报送表：${fileName}，请在浏览器的下载位置查看。` }
        : { failure: cannotSaveForms };
    });
  }

  /**
   * 导入报送表: `read` reads the chosen files; they are checked and compared with the workbook, and the
   * differences shown for the person to decide. Nothing is written here.
   */
  importReturns(read: () => Promise<ReturnFile[]>): Promise<void> {
    return this.busyWith("import", async () => {
      const files = await read();
      if (files.length === 0) return {};
      const { MergeSession } = await this.chunks.mergeSession();
      const session = MergeSession.fromFiles(await this.host.readWorkbook(mergeRead), files);
      this.mergeSession = session;
      return { merge: session.view(), mergeReport: null, status: importSentence(session) };
    });
  }

  /** A per-conflict choice: keep the master's value or take the unit's. */
  chooseConflict(key: string, side: MergeSide): void {
    if (!this.mergeSession || this.model.busy !== null) return;
    this.mergeSession.choose(key, side);
    this.update({ merge: this.mergeSession.view() });
  }

  /** Whether the indicators the master lacks are appended by 应用合并. */
  chooseAddRows(add: boolean): void {
    if (!this.mergeSession || this.model.busy !== null) return;
    this.mergeSession.setAddRows(add);
    this.update({ merge: this.mergeSession.view() });
  }

  /** Drops the import without writing anything. */
  cancelMerge(): void {
    if (this.model.busy !== null) return;
    this.mergeSession = null;
    this.update({ merge: null, status: "已取消导入，工作簿未改动。", failure: null });
  }

  /**
   * 应用合并: the plan is made again on the workbook as it is now; if that asks other questions than
   * the person answered (someone edited the sheet meanwhile), it is shown again instead of written.
   */
  applyMerge(): Promise<void> {
    const shown = this.mergeSession;
    if (!shown) return Promise.resolve();
    return this.busyWith("merge", async () => {
      const current = shown.withMaster(await this.host.readWorkbook(mergeRead));
      this.mergeSession = current;
      if (!current.asksTheSameAs(shown)) {
        return {
          merge: current.view(),
          status: "工作簿在导入后有改动，已重新比对。请核对冲突和新增指标后再点击“应用合并”。",
        };
      }
      await this.host.applyEdits(current.plan.edits);
      this.mergeSession = null;
      const { period } = await this.analyze();
      const lines = current.appliedLines();
      return {
        ...period,
        merge: null,
        mergeReport: lines,
        // Earlier results describe the workbook before the merge.
        issues: null,
        trends: null,
        selectedIssue: null,
        bulletin: null,
        bulletinText: null,
        templateReport: null,
        status: `合并完成：${lines[0]}`,
      };
    });
  }
}

function importSentence(session: MergeSession): string {
  const { plan } = session;
  const rejected = session.rejected.length;
  const parts = [`可合并 ${plan.merged.length} 份`];
  if (rejected > 0) parts.push(`未通过 ${rejected} 份`);
  parts.push(`冲突 ${plan.conflicts.length} 处`, `新增指标 ${plan.newRows.length} 个`);
  return `已读取报送表：${parts.join("，")}。核对后点击“应用合并”写入工作簿。`;
}
