/** The WPS ribbon's callbacks: one task pane per WPS, reused, opened on the action of the button. */
import { expect, test } from "@jest/globals";
import type { WpsAddinApi, WpsTaskPane } from "../src/wps/et-types";
import { paneTitle, paneUrl, ribbonActions, ribbonCallbacks } from "../src/wps/ribbon";

function fakeWps(options: { navigate: boolean }) {
  const storage = new Map<string, unknown>();
  const panes: (WpsTaskPane & { urls: string[]; title: string | undefined })[] = [];
  const wps: WpsAddinApi = {
    CreateTaskPane(url, title) {
      const pane = {
        ID: panes.length + 1,
        Visible: false,
        urls: [url],
        title,
        ...(options.navigate ? { Navigate: (next: string) => void pane.urls.push(next) } : {}),
      };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id) => panes.find((pane) => pane.ID === id) ?? null,
    PluginStorage: { getItem: (key) => storage.get(key), setItem: (key, value) => void storage.set(key, value) },
  };
  return { wps, panes };
}

const page = "https://intranet/zhuanbao/wps/index.html";

test("the pane sits beside the entry page, with the action in its query", () => {
  expect(paneUrl(page, "check")).toBe("https://intranet/zhuanbao/wps/taskpane.html?action=check");
  expect(paneUrl("file:///C:/jsaddons/zhuanbao_0.1.0/index.html?x#y", "create")).toBe(
    "file:///C:/jsaddons/zhuanbao_0.1.0/taskpane.html?action=create",
  );
});

test("each button opens one pane, reused and sent to the next action", () => {
  const { wps, panes } = fakeWps({ navigate: true });
  const callbacks = ribbonCallbacks(
    () => wps,
    () => page,
  );
  expect(callbacks.OnAddinLoad()).toBe(true);
  for (const id of Object.keys(ribbonActions)) expect(callbacks.OnAction({ Id: id })).toBe(true);
  expect(panes).toHaveLength(1);
  expect(panes[0]!.title).toBe(paneTitle);
  expect(panes[0]!.Visible).toBe(true);
  expect(panes[0]!.urls.map((url) => url.replace(/^.*\?/, ""))).toEqual([
    "action=create",
    "action=check",
    "action=generate",
    "action=next",
  ]);
});

test("without Navigate the pane is shown again as it is; an unknown control does nothing", () => {
  const { wps, panes } = fakeWps({ navigate: false });
  const callbacks = ribbonCallbacks(
    () => wps,
    () => page,
  );
  callbacks.OnAction({ Id: "zbCheckData" });
  panes[0]!.Visible = false;
  callbacks.OnAction({ Id: "zbGenerate" });
  expect(panes).toHaveLength(1);
  expect(panes[0]!.Visible).toBe(true);
  expect(callbacks.OnAction({ Id: "somethingElse" })).toBe(false);
  expect(panes).toHaveLength(1);
});
