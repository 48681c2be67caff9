/**
 * Draws an import waiting for 应用合并: the per-sheet summary, each conflict with both values and its
 * choice, the new indicators, and the returns that were refused with their reasons.
 */
import { mergeSideLabels, type MergeSide } from "../core/workbook";
import { appendAll, element } from "./dom";
import type { MergeConflictView, MergeView, NewRowView, RejectedReturnView } from "./pane-model";

export interface MergeChoiceHandlers {
  onChooseConflict(key: string, side: MergeSide): void;
  onChooseAddRows(add: boolean): void;
}

function heading(text: string): HTMLElement {
  return element("h3", "merge-heading", text);
}

function summaryTable(view: MergeView): HTMLElement {
  const table = element("table", "merge-summary");
  const head = element("tr");
  for (const title of ["工作表", "填入空白", "冲突", "采用报送值", "新增指标"])
    head.append(element("th", undefined, title));
  table.append(head);
  for (const sheet of view.sheets) {
    const row = element("tr");
    row.append(element("th", undefined, sheet.sheet));
    for (const count of [sheet.filled, sheet.conflicts, sheet.takenFromUnits, sheet.newRows]) {
      row.append(element("td", undefined, String(count)));
    }
    table.append(row);
  }
  return table;
}

function choice(
  conflict: MergeConflictView,
  side: MergeSide,
  group: string,
  handlers: MergeChoiceHandlers,
): HTMLElement {
  const label = element("label", "merge-choice");
  const input = element("input");
  input.type = "radio";
  input.name = group;
  input.checked = conflict.chosen === side;
  input.dataset.key = conflict.key;
  input.dataset.side = side;
  input.addEventListener("change", () => {
    if (input.checked) handlers.onChooseConflict(conflict.key, side);
  });
  const value = side === "master" ? conflict.masterText : conflict.unitText;
  label.append(
    input,
    element("span", "merge-choice-side", mergeSideLabels[side]),
    element("span", "merge-value", value),
  );
  return label;
}

function conflictItem(conflict: MergeConflictView, index: number, handlers: MergeChoiceHandlers): HTMLElement {
  const fieldset = element("fieldset", "merge-conflict");
  const legend = element("legend");
  legend.append(
    element("span", "merge-place", `${conflict.sheet} ${conflict.cell}`),
    element("span", undefined, ` ${conflict.name} · ${conflict.header}`),
  );
  fieldset.append(
    legend,
    element("p", "muted", `报送单位：${conflict.unit}`),
    choice(conflict, "master", `merge-conflict-${index}`, handlers),
    choice(conflict, "unit", `merge-conflict-${index}`, handlers),
  );
  return fieldset;
}

function newRowItem(row: NewRowView): HTMLElement {
  const item = element("li", undefined, `${row.sheet} · ${row.name}（${row.unit}）`);
  if (!row.addable) item.append(element("span", "muted", "  总表没有此工作表，不能添加"));
  return item;
}

function rejectedItem(rejected: RejectedReturnView): HTMLElement {
  const item = element("li", "merge-rejected");
  item.append(element("strong", undefined, rejected.unit), element("span", undefined, `：${rejected.reason}`));
  if (rejected.issues.length > 0) {
    const issues = element("ul", "merge-issues");
    appendAll(
      issues,
      rejected.issues.map((issue) => element("li", undefined, issue)),
    );
    item.append(issues);
  }
  return item;
}

/** The nodes of the merge card's body for `view`. */
export function mergeNodes(view: MergeView, handlers: MergeChoiceHandlers): HTMLElement[] {
  const nodes: HTMLElement[] = [];
  nodes.push(
    element("p", undefined, view.merged.length > 0 ? `可合并：${view.merged.join("、")}` : "没有可合并的报送表。"),
  );
  if (view.sheets.length > 0) nodes.push(heading("各工作表"), summaryTable(view));
  if (view.conflicts.length > 0) {
    nodes.push(heading(`冲突（${view.conflicts.length}）`), element("p", "muted", "总表与报送值不同，默认保留总表。"));
    view.conflicts.forEach((conflict, index) => nodes.push(conflictItem(conflict, index, handlers)));
  }
  if (view.newRows.length > 0) {
    const list = element("ul", "report-lines");
    appendAll(list, view.newRows.map(newRowItem));
    const option = element("label", "option");
    const box = element("input");
    box.type = "checkbox";
    box.id = "merge-add-rows";
    box.checked = view.addRows;
    box.disabled = !view.newRows.some((row) => row.addable);
    box.addEventListener("change", () => handlers.onChooseAddRows(box.checked));
    option.append(box, document.createTextNode("将这些指标添加到总表末尾"));
    nodes.push(heading(`总表没有的指标（${view.newRows.length}）`), list, option);
  }
  if (view.rejected.length > 0) {
    const list = element("ul", "report-lines");
    appendAll(list, view.rejected.map(rejectedItem));
    nodes.push(heading(`未合并的文件（${view.rejected.length}）`), list);
  }
  nodes.push(
    element(
      "p",
      "merge-edit-count",
      view.editCount > 0 ? `应用合并将写入 ${view.editCount} 个单元格。` : "按当前选择没有需要写入的单元格。",
    ),
  );
  return nodes;
}
