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

/**
 * The query's parameters, in order. Read by hand rather than with URLSearchParams: Internet Explorer
 * 11 lacks it and the URL constructor, and their polyfill would be 9 kB (gzip) of the legacy bundle.
 */
function queryParameters(search: string): [name: string, value: string][] {
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
  return search
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const at = pair.indexOf("=");
      return at < 0 ? [decode(pair), ""] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
    });
}

export function readPaneQuery(search: string): PaneQuery {
  const parameters = queryParameters(search);
  const valueOf = (name: string) => parameters.find(([key]) => key === name)?.[1] ?? null;
  const action = valueOf("action");
  const sample = valueOf("sample");
  return {
    action: actions.find((known) => known === action) ?? null,
    sample: sample === "bad" || sample === "blank" ? sample : "sample",
  };
}

/** The address without ?action, so reloading the pane does not run the action again. */
export function withoutAction(href: string): string {
  const [beforeHash = "", ...hash] = href.split("#");
  const [path = "", ...query] = beforeHash.split("?");
  const kept = query
    .join("?")
    .split("&")
    .filter((pair) => pair !== "" && decodeURIComponent(pair.split("=")[0]!) !== "action");
  return `${path}${kept.length > 0 ? `?${kept.join("&")}` : ""}${hash.length > 0 ? `#${hash.join("#")}` : ""}`;
}
