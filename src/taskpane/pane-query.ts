/**
 * What the page address asks for: the ribbon opens the pane with ?action=create|check|generate, and
 * the preview accepts ?sample=bad (a sample with bad entries) or ?sample=blank (an empty workbook).
 */

export type PaneAction = "create" | "check" | "generate";
export type PreviewSample = "sample" | "bad" | "blank";

const actions: readonly PaneAction[] = ["create", "check", "generate"];

export interface PaneQuery {
  action: PaneAction | null;
  sample: PreviewSample;
}

export function readPaneQuery(search: string): PaneQuery {
  const params = new URLSearchParams(search);
  const action = params.get("action");
  const sample = params.get("sample");
  return {
    action: actions.find((known) => known === action) ?? null,
    sample: sample === "bad" || sample === "blank" ? sample : "sample",
  };
}

/** The address without ?action, so reloading the pane does not run the action again. */
export function withoutAction(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("action");
  return url.toString();
}
