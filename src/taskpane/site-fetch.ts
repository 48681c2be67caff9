/**
 * How the pane's 部署自检 fetches a file of its own site: the browser's fetch, or XMLHttpRequest where
 * there is none (Internet Explorer 11, the webview of Office 2016/2019). The judging is src/deploy's,
 * as for `zhuanbao doctor`. A browser gives a page no answer from an https server whose certificate
 * this machine does not trust, so every answer over https means a trusted certificate; when no answer
 * comes, the browser does not say why.
 */
import type { Fetched, Fetcher } from "../deploy";

const defaultTimeoutMs = 15_000;

export const noAnswer =
  "浏览器取不到该文件：服务器没有应答、网络不通，或本机不信任该网站的证书（浏览器不说明是哪一种）";

const timedOut = (timeoutMs: number) => `${timeoutMs / 1000} 秒内没有应答`;

/** What the pane uses of a fetch Response. */
export interface FetchResponse {
  status: number;
  url: string;
  redirected: boolean;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FetchFunction = (url: string, init: RequestInit) => Promise<FetchResponse>;

function answered(status: number, contentType: string | null, redirectedTo: string | null, body: Uint8Array): Fetched {
  return {
    status,
    contentType,
    location: redirectedTo,
    redirected: redirectedTo !== null,
    body,
    failure: null,
    // The browser checked the certificate before it answered (see above).
    certificateProblem: null,
  };
}

const unanswered = (failure: string): Fetched => ({
  status: null,
  contentType: null,
  location: null,
  body: new Uint8Array(0),
  failure,
  certificateProblem: null,
});

/** A fetcher over `fetch`: one GET past the browser's cache (a new release must not hide behind an old copy). */
export function fetchFetcher(fetchFunction: FetchFunction, timeoutMs = defaultTimeoutMs): Fetcher {
  return (url) =>
    new Promise<Fetched>((resolve) => {
      const timer = setTimeout(() => resolve(unanswered(timedOut(timeoutMs))), timeoutMs);
      const done = (fetched: Fetched) => {
        clearTimeout(timer);
        resolve(fetched);
      };
      fetchFunction(url, { cache: "no-store", credentials: "same-origin", redirect: "follow" })
        .then(async (response) => {
          const redirectedTo =
            response.redirected || (response.url !== "" && response.url !== url) ? response.url : null;
          const body = new Uint8Array(await response.arrayBuffer());
          done(answered(response.status, response.headers.get("Content-Type"), redirectedTo, body));
        })
        .catch(() => done(unanswered(noAnswer)));
    });
}

/** What the pane uses of an XMLHttpRequest. */
export interface HttpRequest {
  open(method: string, url: string, async: boolean): void;
  responseType: XMLHttpRequestResponseType;
  timeout: number;
  setRequestHeader(name: string, value: string): void;
  send(): void;
  readonly status: number;
  readonly response: unknown;
  /** Missing in Internet Explorer 11, which then cannot tell a redirect it followed. */
  readonly responseURL?: string;
  getResponseHeader(name: string): string | null;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  ontimeout: (() => void) | null;
}

/** A fetcher over XMLHttpRequest, for engines without fetch. */
export function requestFetcher(createRequest: () => HttpRequest, timeoutMs = defaultTimeoutMs): Fetcher {
  return (url) =>
    new Promise<Fetched>((resolve) => {
      const request = createRequest();
      request.open("GET", url, true);
      // Internet Explorer 11 takes responseType and timeout only after open.
      request.responseType = "arraybuffer";
      request.timeout = timeoutMs;
      // Internet Explorer answers a repeated GET from its cache unless told not to.
      request.setRequestHeader("Cache-Control", "no-cache");
      request.onload = () => {
        const final = request.responseURL ?? "";
        const body = request.response instanceof ArrayBuffer ? new Uint8Array(request.response) : new Uint8Array(0);
        resolve(
          answered(
            request.status,
            request.getResponseHeader("Content-Type"),
            final !== "" && final !== url ? final : null,
            body,
          ),
        );
      };
      request.onerror = () => resolve(unanswered(noAnswer));
      request.ontimeout = () => resolve(unanswered(timedOut(timeoutMs)));
      request.send();
    });
}

export interface FetchScope {
  fetch?: FetchFunction;
  XMLHttpRequest: new () => HttpRequest;
}

/** fetch where the page has it, else XMLHttpRequest. */
export function browserFetcher(scope: FetchScope): Fetcher {
  const { fetch } = scope;
  if (typeof fetch === "function") return fetchFetcher((url, init) => fetch.call(scope, url, init));
  return requestFetcher(() => new scope.XMLHttpRequest());
}
