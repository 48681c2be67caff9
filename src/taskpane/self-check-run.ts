/**
 * 部署自检 as the pane runs it: its own webpack chunk, loaded on the first click of 开始自检 (help.ts),
 * so the pane's initial JavaScript does not carry the checks, the browser fetchers or, in the legacy
 * bundle, the URL polyfill they need.
 */
import { runSelfCheck, type SelfCheckView } from "./self-check";
import { drawSelfCheck, type SelfCheckElements } from "./self-check-view";
import { browserFetcher, type FetchScope } from "./site-fetch";
import { decodeUtf8 } from "./utf8";

/** Internet Explorer 11 has no TextDecoder; src/deploy reads the site's files with one. */
function provideTextDecoder(): void {
  if (typeof TextDecoder === "function") return;
  class Utf8Decoder {
    readonly encoding = "utf-8";

    decode(bytes: Uint8Array = new Uint8Array(0)): string {
      return decodeUtf8(bytes);
    }
  }
  Object.defineProperty(window, "TextDecoder", { value: Utf8Decoder, configurable: true, writable: true });
}

/** Runs the self-check for this page's site and draws it as it goes. */
export function runPaneSelfCheck(elements: SelfCheckElements, inWps: boolean): Promise<SelfCheckView> {
  provideTextDecoder();
  const fetcher = browserFetcher(window as unknown as FetchScope);
  return runSelfCheck(window.location.href, inWps, fetcher, (view) => drawSelfCheck(elements, view));
}
