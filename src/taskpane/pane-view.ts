/**
 * Draws the view model into the page skeleton of taskpane.html. Every piece of workbook text goes in
 * through textContent or as DOM nodes, never as markup. Parts are redrawn only when their data
 * changed, so a click on an issue keeps keyboard focus where it was.
 */
import { type BulletinDocument, footerLines, type TrendSeries } from "../core/bulletin";
import { type Severity, severityLabel } from "../core/spec";
import type { BulletinParagraph } from "../core/wording";
import { appendAll, byId, element, replaceAll, setClass } from "./dom";
import { icon } from "./icons";
import type { MergeChoiceHandlers } from "./merge-view";
import type {
  IssueEntry,
  IssueGroup,
  IssueList,
  MergeView,
  NextPeriodView,
  PaneViewModel,
  PeriodSummary,
  SeverityCounts,
} from "./pane-model";
import type { PaneAction } from "./pane-query";

export interface PaneViewHandlers extends MergeChoiceHandlers {
  onAction(action: PaneAction, options: { sample: boolean }): void;
  onSelectIssue(key: string): void;
  onCopy(): void;
  onDownloadWord(): void;
  onImportFiles(files: File[]): void;
  onApplyMerge(): void;
  onCancelMerge(): void;
  onDownloadUnitForm(categories: string[]): void;
  onConfirmNextPeriod(): void;
  onCancelNextPeriod(): void;
}

/** The charts are a chunk of their own: most workbooks have no history, and the IE11 bundle has a budget. */
const loadTrendView = () => import(/* webpackChunkName: "trend-view" */ "./trend-view.js");
/** The merge's conflicts and choices: drawn only after 导入报送表, which loads ExcelJS's chunk anyway. */
const loadMergeView = () => import(/* webpackChunkName: "merge-view" */ "./merge-view.js");

const severities: readonly Severity[] = ["error", "warning", "info"];

function severityBadge(severity: Severity, text: string): HTMLElement {
  const badge = element("span", `severity severity-${severity}`);
  badge.append(icon(severity), element("span", "severity-text", text));
  return badge;
}

/** Chips for every severity (the zero ones greyed), or with `nonZeroOnly` for those present only. */
function countChips(counts: SeverityCounts, nonZeroOnly = false): HTMLElement {
  const chips = element("span", "count-chips");
  for (const severity of severities) {
    if (nonZeroOnly && counts[severity] === 0) continue;
    const chip = severityBadge(severity, `${severityLabel[severity]} ${counts[severity]}`);
    if (counts[severity] === 0) chip.classList.add("is-zero");
    chips.append(chip);
  }
  return chips;
}

function periodField(list: HTMLElement, label: string, value: string): void {
  const row = element("div", "period-row");
  row.append(element("dt", undefined, label), element("dd", value ? undefined : "is-missing", value || "未填写"));
  list.append(row);
}

function issueButton(entry: IssueEntry, onSelect: (key: string) => void): HTMLElement {
  const button = element("button", `issue issue-${entry.severity}`);
  button.type = "button";
  button.dataset.key = entry.key;
  const head = element("span", "issue-head");
  head.append(severityBadge(entry.severity, entry.severityLabel), element("span", "issue-place", entry.place));
  button.append(head, element("span", "issue-message", entry.message));
  if (entry.hint) button.append(element("span", "issue-hint", entry.hint));
  // A <button> answers Enter and Space with a click, so the keyboard needs nothing more.
  button.addEventListener("click", () => onSelect(entry.key));
  return button;
}

function issueGroup(group: IssueGroup, onSelect: (key: string) => void): HTMLElement {
  const details = element("details", "issue-group");
  details.open = true;
  const summary = element("summary", "issue-group-head");
  summary.append(element("span", "issue-group-sheet", group.sheet), countChips(group.counts, true));
  const list = element("ul", "issue-list");
  for (const entry of group.entries) {
    const item = element("li");
    item.append(issueButton(entry, onSelect));
    list.append(item);
  }
  details.append(summary, list);
  return details;
}

function paragraphNode(runs: BulletinParagraph): HTMLElement {
  const paragraph = element("p", "bulletin-paragraph");
  for (const run of runs) {
    const tag = run.bold ? "strong" : "span";
    paragraph.append(element(tag, run.subheading ? "bulletin-subheading" : undefined, run.text));
  }
  return paragraph;
}

function bulletinNodes(bulletin: BulletinDocument): HTMLElement[] {
  const { title, issue, publisher, date } = bulletin.masthead;
  const masthead = element("header", "bulletin-masthead");
  if (title) masthead.append(element("p", "bulletin-title", title));
  if (issue) masthead.append(element("p", "bulletin-issue", issue));
  if (publisher || date) {
    const line = element("p", "bulletin-byline");
    line.append(element("span", undefined, publisher), element("span", undefined, date));
    masthead.append(line);
  }
  const nodes: HTMLElement[] = [masthead];
  for (const section of bulletin.sections) {
    const block = element("section", "bulletin-section");
    block.append(element("h3", "bulletin-heading", section.heading));
    appendAll(block, section.paragraphs.map(paragraphNode));
    nodes.push(block);
  }
  if (bulletin.footer) {
    const footer = element("footer", "bulletin-footer");
    for (const line of footerLines(bulletin.footer)) footer.append(element("p", undefined, line));
    nodes.push(footer);
  }
  return nodes;
}

export interface PaneView {
  render(model: PaneViewModel): void;
  /** Selects the preview's text, for the person to copy by hand when the page may not. */
  selectBulletinText(): void;
}

/** The focused control of the merge card, found again after a redraw by what it stands for. */
function focusedChoice(container: HTMLElement): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLInputElement) || !container.contains(active)) return null;
  return active.id ? `#${active.id}` : `${active.dataset.key ?? ""}|${active.dataset.side ?? ""}`;
}

function refocus(container: HTMLElement, focused: string | null): void {
  if (focused === null) return;
  const inputs = Array.from(container.querySelectorAll<HTMLInputElement>("input"));
  const match = inputs.find((input) =>
    focused.startsWith("#") ? `#${input.id}` === focused : `${input.dataset.key}|${input.dataset.side}` === focused,
  );
  match?.focus();
}

/** One checkbox per category for 下载报送表. */
function categoryOptions(list: HTMLElement, categories: readonly string[]): HTMLInputElement[] {
  return categories.map((name) => {
    const option = element("label", "option");
    const box = element("input");
    box.type = "checkbox";
    box.value = name;
    option.append(box, document.createTextNode(name));
    list.append(option);
    return box;
  });
}

/** `categories`: the preset's category names, offered for 下载报送表. */
export function createPaneView(categories: readonly string[], handlers: PaneViewHandlers): PaneView {
  const hostLabel = byId("host-label");
  const periodList = byId("period-fields");
  const periodNote = byId("period-note");
  const actionButtons = Array.from(document.querySelectorAll<HTMLButtonElement>("button[data-action]"));
  const sampleOption = byId<HTMLInputElement>("create-sample");
  const activity = byId("activity");
  const activityText = byId("activity-text");
  const failure = byId("failure");
  const failureText = byId("failure-text");
  const reportSection = byId("template-report");
  const reportList = byId("template-report-lines");
  const issuesSection = byId("issues");
  const issueTotals = byId("issue-totals");
  const issueGroups = byId("issue-groups");
  const trendsSection = byId("trends");
  const trendGroups = byId("trend-groups");
  const previewSection = byId("preview");
  const bulletinArea = byId("bulletin");
  const copyButton = byId<HTMLButtonElement>("copy-bulletin");
  const downloadButton = byId<HTMLButtonElement>("download-word");
  const importButton = byId<HTMLButtonElement>("import-returns");
  const fileInput = byId<HTMLInputElement>("return-files");
  const mergeSection = byId("merge");
  const mergeBody = byId("merge-body");
  const applyButton = byId<HTMLButtonElement>("apply-merge");
  const cancelButton = byId<HTMLButtonElement>("cancel-merge");
  const mergeReportSection = byId("merge-report");
  const mergeReportList = byId("merge-report-lines");
  const formButton = byId<HTMLButtonElement>("download-unit-form");
  const categoryBoxes = categoryOptions(byId("unit-form-categories"), categories);
  const nextSection = byId("next-period");
  const nextHeading = byId("next-period-heading");
  const nextLines = byId("next-period-lines");
  const nextReplacing = byId("next-period-replacing");
  const confirmNextButton = byId<HTMLButtonElement>("confirm-next-period");
  const cancelNextButton = byId<HTMLButtonElement>("cancel-next-period");
  // Buttons that start work: while the pane is busy they stay focusable but do nothing.
  const workButtons = [
    ...actionButtons,
    downloadButton,
    importButton,
    applyButton,
    cancelButton,
    formButton,
    confirmNextButton,
    cancelNextButton,
  ];
  const whenIdle = (button: HTMLButtonElement, work: () => void) =>
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-disabled") !== "true") work();
    });

  for (const button of actionButtons) {
    button.addEventListener("click", () => {
      // aria-disabled keeps the focus on the button while busy; the controller ignores the click.
      if (button.getAttribute("aria-disabled") === "true") return;
      handlers.onAction(button.dataset.action as PaneAction, { sample: sampleOption.checked });
    });
  }
  copyButton.addEventListener("click", () => handlers.onCopy());
  whenIdle(downloadButton, () => handlers.onDownloadWord());
  whenIdle(importButton, () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const files = Array.from(fileInput.files ?? []);
    // Cleared, so choosing the same files again is a change too.
    fileInput.value = "";
    if (files.length > 0) handlers.onImportFiles(files);
  });
  whenIdle(applyButton, () => handlers.onApplyMerge());
  whenIdle(cancelButton, () => handlers.onCancelMerge());
  whenIdle(confirmNextButton, () => handlers.onConfirmNextPeriod());
  whenIdle(cancelNextButton, () => handlers.onCancelNextPeriod());
  whenIdle(formButton, () =>
    handlers.onDownloadUnitForm(categoryBoxes.filter((box) => box.checked).map((box) => box.value)),
  );

  let drawn: {
    period: PeriodSummary | null;
    periodNote: string | null;
    issues: IssueList | null;
    bulletin: BulletinDocument | null;
    report: string[] | null;
    merge: MergeView | null;
    mergeReport: string[] | null;
    trends: TrendSeries[] | null;
    nextPeriod: NextPeriodView | null;
  } | null = null;
  // Counts the trends drawn, so a chunk that loads after newer trends arrived draws nothing.
  let trendDrawings = 0;
  // Likewise for the merge: only the latest view is drawn when its chunk arrives.
  let mergeDrawings = 0;

  function drawPeriod(period: PeriodSummary | null, note: string | null): void {
    periodList.replaceChildren();
    if (period) {
      periodField(periodList, "专报名称", period.title);
      periodField(periodList, "期号", period.issue);
      periodField(periodList, "统计期", period.period);
      periodField(periodList, "印发日期", period.issueDate);
    }
    periodList.hidden = period === null;
    periodNote.textContent = note ?? (period ? "" : "正在读取工作簿…");
    periodNote.hidden = period !== null;
  }

  function drawIssues(list: IssueList | null): void {
    issuesSection.hidden = list === null;
    issueTotals.replaceChildren();
    issueGroups.replaceChildren();
    if (!list) return;
    issueTotals.append(countChips(list.counts));
    if (list.groups.length === 0) {
      const clean = element("p", "issues-clean");
      clean.append(icon("success"), element("span", undefined, "未发现问题，可以生成专报。"));
      issueGroups.append(clean);
    }
    for (const group of list.groups) issueGroups.append(issueGroup(group, handlers.onSelectIssue));
  }

  function drawReport(lines: string[] | null): void {
    reportSection.hidden = lines === null;
    replaceAll(
      reportList,
      (lines ?? []).map((line) => element("li", undefined, line)),
    );
  }

  function drawBulletin(bulletin: BulletinDocument | null): void {
    previewSection.hidden = bulletin === null;
    replaceAll(bulletinArea, bulletin ? bulletinNodes(bulletin) : []);
  }

  function drawTrends(trends: TrendSeries[] | null): void {
    const drawing = ++trendDrawings;
    trendsSection.hidden = trends === null;
    trendGroups.replaceChildren();
    if (!trends) return;
    if (trends.length === 0) {
      trendGroups.append(
        element("p", "muted", "“历史数据”中还没有三期以上数值的指标。每次“开始下一期”都会把本期数值存入历史数据。"),
      );
      return;
    }
    loadTrendView().then(
      ({ trendNodes }) => {
        if (drawing === trendDrawings) replaceAll(trendGroups, trendNodes(trends));
      },
      () => {
        if (drawing === trendDrawings)
          trendGroups.append(element("p", "muted", "趋势图未能加载，请重新打开任务窗格。"));
      },
    );
  }

  function drawMerge(view: MergeView | null): void {
    const drawing = ++mergeDrawings;
    mergeSection.hidden = view === null;
    if (!view) {
      mergeBody.replaceChildren();
      return;
    }
    loadMergeView().then(
      ({ mergeNodes }) => {
        if (drawing !== mergeDrawings) return;
        const focused = focusedChoice(mergeBody);
        replaceAll(mergeBody, mergeNodes(view, handlers));
        refocus(mergeBody, focused);
      },
      () => {
        if (drawing === mergeDrawings)
          replaceAll(mergeBody, [element("p", "muted", "合并界面未能加载，请重新打开任务窗格。")]);
      },
    );
  }

  function drawMergeReport(lines: string[] | null): void {
    mergeReportSection.hidden = lines === null;
    replaceAll(
      mergeReportList,
      (lines ?? []).map((line) => element("li", undefined, line)),
    );
  }

  function drawNextPeriod(view: NextPeriodView | null): void {
    nextSection.hidden = view === null;
    nextHeading.textContent = view?.title ?? "";
    replaceAll(
      nextLines,
      (view?.lines ?? []).map((line) => element("li", undefined, line)),
    );
    nextReplacing.hidden = !view?.replacing;
  }

  function drawActivity(model: PaneViewModel): void {
    const busy = model.busy !== null;
    setClass(activity, "is-busy", busy);
    const mark = activity.querySelector(".activity-mark");
    if (busy) {
      const spinner = element("span", "spinner activity-mark");
      spinner.setAttribute("aria-hidden", "true");
      mark?.replaceWith(spinner);
      activityText.textContent = model.busy;
    } else {
      const done = icon("success", "activity-mark");
      if (model.status) mark?.replaceWith(done);
      activityText.textContent = model.status ?? "";
    }
    // Only the box hides: its live region stays in place, so what appears in it is announced.
    activity.hidden = !busy && !model.status;
    for (const button of workButtons) button.setAttribute("aria-disabled", String(busy));
    failure.hidden = model.failure === null;
    failureText.textContent = model.failure ?? "";
  }

  function drawSelection(selected: string | null): void {
    for (const button of issueGroups.querySelectorAll<HTMLElement>("button.issue")) {
      if (button.dataset.key === selected) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
  }

  return {
    render(model) {
      hostLabel.textContent = model.hostLabel;
      setClass(hostLabel, "is-preview", model.hostLabel !== "Excel");
      if (!drawn || drawn.period !== model.period || drawn.periodNote !== model.periodNote) {
        drawPeriod(model.period, model.periodNote);
      }
      if (!drawn || drawn.report !== model.templateReport) drawReport(model.templateReport);
      if (!drawn || drawn.issues !== model.issues) drawIssues(model.issues);
      if (!drawn || drawn.trends !== model.trends) drawTrends(model.trends);
      if (!drawn || drawn.bulletin !== model.bulletin) drawBulletin(model.bulletin);
      if (!drawn || drawn.merge !== model.merge) drawMerge(model.merge);
      if (!drawn || drawn.mergeReport !== model.mergeReport) drawMergeReport(model.mergeReport);
      if (!drawn || drawn.nextPeriod !== model.nextPeriod) drawNextPeriod(model.nextPeriod);
      copyButton.disabled = model.bulletin === null;
      downloadButton.disabled = model.bulletin === null;
      drawActivity(model);
      drawSelection(model.selectedIssue);
      drawn = {
        period: model.period,
        periodNote: model.periodNote,
        issues: model.issues,
        bulletin: model.bulletin,
        report: model.templateReport,
        merge: model.merge,
        mergeReport: model.mergeReport,
        trends: model.trends,
        nextPeriod: model.nextPeriod,
      };
    },
    selectBulletinText() {
      // Focus first: moving the focus afterwards could drop the selection.
      bulletinArea.focus();
      window.getSelection()?.selectAllChildren(bulletinArea);
    },
  };
}
