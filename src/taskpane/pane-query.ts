/**
 * What the page address asks for: the ribbon opens the pane with ?action=create|check|generate|next, and
 * the preview accepts ?sample=bad (a sample with bad entries) or ?sample=blank (an empty workbook).
 */

export type PaneAction = "create" | "check" | "generate" | "next";
export type PreviewSample = "sample" | "bad" | "blank";

const actions: readonly PaneAction[] = ["create", "check", "generate", "next"];

export interface PaneQuery {
  action: PaneAction | null;
  sample: PreviewSample;
}

/** A query part as the URL standard decodes it: + is a space, the rest percent-encoded. */
function decodeQueryPart(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, " "));
}

/**
 * A query's parameters as written (`name=value`), in order. Read by hand rather than with
 * URLSearchParams: Internet Explorer 11 lacks it and the URL constructor, and their polyfill would be
 * 9 kB (gzip) of the legacy bundle.
 */
function queryPairs(query: string): string[] {
  return query.split("&").filter((pair) => pair !== "");
}

function pairName(pair: string): string {
  const at = pair.indexOf("=");
  return decodeQueryPart(at < 0 ? pair : pair.slice(0, at));
}

function pairValue(pair: string): string {
  const at = pair.indexOf("=");
  return at < 0 ? "" : decodeQueryPart(pair.slice(at + 1));
}

export function readPaneQuery(search: string): PaneQuery {
  const pairs = queryPairs(search.replace(/^\?/, ""));
  const valueOf = (name: string) => {
    const pair = pairs.find((candidate) => pairName(candidate) === name);
    return pair === undefined ? null : pairValue(pair);
  };
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
  const kept = queryPairs(query.join("?")).filter((pair) => pairName(pair) !== "action");
  return `${path}${kept.length > 0 ? `?${kept.join("&")}` : ""}${hash.length > 0 ? `#${hash.join("#")}` : ""}`;
}
