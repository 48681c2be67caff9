/** Draws 部署自检 (self-check.ts's view) into the 帮助 card of taskpane.html, text through textContent only. */
import { element, replaceAll, setClass } from "./dom";
import { icon } from "./icons";
import type { SelfCheckItem, SelfCheckView } from "./self-check";

export interface SelfCheckElements {
  /** The live region: progress while running, then the site and its manifest's version, or why it could not run. */
  status: HTMLElement;
  items: HTMLElement;
  summary: HTMLElement;
}

function itemNode(item: SelfCheckItem): HTMLElement {
  const node = element("li", `self-check-item ${item.ok ? "is-ok" : "is-failed"}`);
  const file = element("div", "self-check-file");
  file.append(icon(item.ok ? "success" : "error"), element("span", undefined, item.label));
  node.append(file);
  // What failed, a line each with what to do; what held, in one line as `zhuanbao doctor` prints it.
  for (const check of item.checks.filter((one) => !one.ok)) {
    node.append(element("p", "self-check-failed", `✗ ${check.text}`));
  }
  const passed = item.checks.filter((one) => one.ok).map((one) => one.text);
  if (passed.length > 0) node.append(element("p", "self-check-passed", `✓ ${passed.join(" · ")}`));
  return node;
}

export function drawSelfCheck(elements: SelfCheckElements, view: SelfCheckView): void {
  const site = view.base === null ? "" : `网站：${view.base}，清单版本：${view.manifestVersion ?? "（读不到清单）"}`;
  elements.status.textContent = view.running ? (view.progress ?? "") : (view.failure ?? site);
  replaceAll(elements.items, view.items.map(itemNode));
  elements.summary.textContent = view.summary ?? "";
  elements.summary.hidden = view.summary === null;
  setClass(elements.summary, "is-ok", view.ok === true);
  setClass(elements.summary, "is-failed", view.ok === false);
}
