/**
 * The WPS entry page's ribbon callbacks, named in ribbon.xml: the buttons of the 专报 tab open the task
 * pane (one per WPS, kept in PluginStorage and reused) with ?action=, which the pane runs once, as the
 * Office ribbon does. The pane is the same page and bundle as in Excel, copied beside this page.
 */
import type { WpsAddinApi, WpsTaskPane } from "./et-types";

/** ribbon.xml's button ids and the pane action each starts. */
export const ribbonActions: Readonly<Record<string, "create" | "check" | "generate" | "next">> = {
  zbCreateTemplate: "create",
  zbCheckData: "check",
  zbGenerate: "generate",
  zbNextPeriod: "next",
};

export const paneTitle = "专报助手";
export const buttonImage = "images/icon-32.png";
const paneIdKey = "zhuanbao.taskpane";

/** The pane's address beside the entry page: …/wps/index.html → …/wps/taskpane.html?action=check. */
export function paneUrl(pageUrl: string, action: string): string {
  const folder = pageUrl.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  return `${folder}taskpane.html?action=${encodeURIComponent(action)}`;
}

/** Shows the pane with `url`: the one already made if WPS still has it, else a new one. */
export function showPane(wps: WpsAddinApi, url: string): WpsTaskPane {
  const id = wps.PluginStorage.getItem(paneIdKey);
  const existing = typeof id === "string" || typeof id === "number" ? wps.GetTaskPane(id) : null;
  if (existing) {
    // Navigate is not in every WPS: there the button shows the pane, and the person starts the action.
    if (typeof existing.Navigate === "function") existing.Navigate(url);
    existing.Visible = true;
    return existing;
  }
  const pane = wps.CreateTaskPane(url, paneTitle);
  wps.PluginStorage.setItem(paneIdKey, pane.ID);
  pane.Visible = true;
  return pane;
}

/** The callbacks ribbon.xml names, as WPS calls them: globals of the entry page. */
export function ribbonCallbacks(wps: () => WpsAddinApi, pageUrl: () => string) {
  return {
    OnAddinLoad: (): boolean => true,
    OnAction: (control: { Id: string }): boolean => {
      const action = ribbonActions[control.Id];
      if (!action) return false;
      showPane(wps(), paneUrl(pageUrl(), action));
      return true;
    },
    GetImage: (): string => buttonImage,
  };
}
