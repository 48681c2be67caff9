/**
 * 部署自检 in the pane, through its browser front: the site the pane came from, fetched with a fake
 * fetch (modern engines) and a fake XMLHttpRequest (Internet Explorer 11), judged by src/deploy as
 * `zhuanbao doctor` judges it — a good site, then each broken one.
 */
import { describe, expect, test } from "@jest/globals";
import { paneSiteBase, runSelfCheck, type SelfCheckView } from "../src/taskpane/self-check";
import {
  browserFetcher,
  fetchFetcher,
  noAnswer,
  requestFetcher,
  type FetchFunction,
  type FetchResponse,
  type HttpRequest,
} from "../src/taskpane/site-fetch";
import { base, manifest, page, site, version, type FakeFile } from "./support/fake-site";

interface Served {
  status: number;
  type: string;
  body: string;
  /** Where the server sent the request, when it redirected and the browser followed. */
  finalUrl?: string;
}

type Server = (url: string) => Served | "no answer";

/** `files` at `address`: 200 with the file's type, else 404. */
function server(files: Map<string, FakeFile>, address = base): Server {
  return (url) => {
    const file = url.startsWith(address) ? files.get(url.slice(address.length)) : undefined;
    return file ? { status: 200, type: file.type, body: file.body } : { status: 404, type: "text/html", body: "" };
  };
}

/** A fetch over `serve`, recording each call's URL and options. */
function fakeFetch(serve: Server, calls: { url: string; init: RequestInit }[] = []): FetchFunction {
  return async (url, init) => {
    calls.push({ url, init });
    const served = serve(url);
    if (served === "no answer") throw new TypeError("Failed to fetch");
    const response: FetchResponse = {
      status: served.status,
      url: served.finalUrl ?? url,
      redirected: served.finalUrl !== undefined,
      headers: { get: (name) => (name.toLowerCase() === "content-type" ? served.type : null) },
      arrayBuffer: async () => new TextEncoder().encode(served.body).buffer as ArrayBuffer,
    };
    return response;
  };
}

/** Internet Explorer 11's XMLHttpRequest over `serve`: no responseURL; open before responseType. */
function fakeRequestClass(serve: Server, headers: Record<string, string>[] = []) {
  return class FakeRequest implements HttpRequest {
    private url = "";
    private opened = false;
    private sent: Record<string, string> = {};
    private answer: Served | null = null;
    private type: XMLHttpRequestResponseType = "";
    timeout = 0;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;

    open(method: string, url: string, async: boolean): void {
      expect([method, async]).toEqual(["GET", true]);
      this.url = url;
      this.opened = true;
    }

    get responseType(): XMLHttpRequestResponseType {
      return this.type;
    }

    set responseType(type: XMLHttpRequestResponseType) {
      // IE11 throws InvalidStateError when it is set before open.
      if (!this.opened) throw new Error("InvalidStateError");
      this.type = type;
    }

    setRequestHeader(name: string, value: string): void {
      this.sent[name] = value;
    }

    send(): void {
      headers.push(this.sent);
      const served = serve(this.url);
      setTimeout(() => {
        if (served === "no answer") return this.onerror?.();
        this.answer = served;
        this.onload?.();
      }, 0);
    }

    get status(): number {
      return this.answer?.status ?? 0;
    }

    get response(): unknown {
      if (this.type !== "arraybuffer") throw new Error("the pane must ask for an ArrayBuffer");
      return this.answer ? (new TextEncoder().encode(this.answer.body).buffer as ArrayBuffer) : null;
    }

    getResponseHeader(name: string): string | null {
      return name.toLowerCase() === "content-type" ? (this.answer?.type ?? null) : null;
    }
  };
}

const fronts = [
  { name: "fetch", fetcher: (serve: Server) => fetchFetcher(fakeFetch(serve)) },
  { name: "XMLHttpRequest (IE11)", fetcher: (serve: Server) => requestFetcher(() => new (fakeRequestClass(serve))()) },
];

const pageUrl = `${base}taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN`;

async function check(serve: Server, front = fronts[0]!, url = pageUrl) {
  const views: SelfCheckView[] = [];
  const last = await runSelfCheck(url, false, front.fetcher(serve), (view) => views.push(view));
  return { last, views };
}

/** The failing items, each with its failing checks, as shown. */
const failures = (view: SelfCheckView) =>
  view.items
    .filter((item) => !item.ok)
    .map((item) => [item.label, ...item.checks.filter((one) => !one.ok).map((one) => one.text)]);

describe.each(fronts)("the pane's self-check over $name", (front) => {
  test("a good site: every item green, progress before each file, the summary at the end", async () => {
    const { last, views } = await check(server(site()), front);
    expect(last.ok).toBe(true);
    expect(last.base).toBe(base);
    expect(last.manifestVersion).toBe(version);
    expect(last.items.map((item) => item.label)).toEqual([
      "manifest.xml",
      "assets/icon-32.png",
      "taskpane.html",
      "functions.json",
      "taskpane.css",
      "office-js/office.js",
      "taskpane.js",
      "assets/bg.png",
    ]);
    expect(last.items.every((item) => item.ok)).toBe(true);
    const pageItem = last.items.find((item) => item.label === "taskpane.html")!;
    expect(pageItem.checks.map((one) => one.text)).toEqual([
      "可访问",
      "HTTPS",
      "证书受信任",
      "内容类型 text/html; charset=utf-8",
      `版本 ${version}`,
      "只连本站",
    ]);
    expect(last.summary).toMatch(/^全部通过：8 个文件均可访问、HTTPS、证书受信任、类型正确、版本一致、只连本站/);
    const progress = views.filter((view) => view.running).map((view) => view.progress);
    expect(progress[0]).toBe("正在检查 manifest.xml（已检查 0 个文件）…");
    expect(progress.at(-1)).toBe("正在检查 assets/bg.png（已检查 7 个文件）…");
    expect(views.at(-1)).toBe(last);
  });

  test("a missing file is red with HTTP 404 and what to do", async () => {
    const files = site();
    files.delete("taskpane.css");
    const { last } = await check(server(files), front);
    expect(last.ok).toBe(false);
    expect(failures(last)).toEqual([
      ["taskpane.css", "可访问：HTTP 404：服务器上没有这个文件，请把发布包 site 文件夹的全部内容复制到网站目录"],
    ]);
    expect(last.summary).toBe("未通过：7 个文件中有 1 个有问题（见上方 ✗ 项）。");
  });

  test("a wrong MIME type names the one expected", async () => {
    const files = site();
    files.set("functions.json", { ...files.get("functions.json")!, type: "text/plain" });
    expect(failures((await check(server(files), front)).last)).toEqual([
      [
        "functions.json",
        "内容类型：服务器给出 text/plain，应为 application/json：按发布包 server 文件夹的配置设置 MIME 类型",
      ],
    ]);
  });

  test("a pane served over http: not HTTPS, and the manifest's https URLs are elsewhere", async () => {
    const httpBase = base.replace("https:", "http:");
    const { last } = await check(server(site(), httpBase), front, `${httpBase}taskpane.html`);
    expect(last.base).toBe(httpBase);
    const [manifestItem] = failures(last);
    expect(manifestItem![0]).toBe("manifest.xml");
    expect(manifestItem![1]).toMatch(/^HTTPS：用的是 http：Office 只加载 https 网址/);
    expect(manifestItem![2]).toMatch(/^只连本站：引用了本站以外的地址 https:\/\/zb\.example\.gov\.cn\/zhuanbao\//);
    // No certificate over http: nothing to claim about one.
    expect(last.items[0]!.checks.map((one) => one.text).join()).not.toContain("证书");
  });

  test("an old manifest beside a newer site: the page names both versions", async () => {
    const files = site();
    files.set("manifest.xml", { body: manifest("0.1.0.7"), type: "application/xml" });
    expect(failures((await check(server(files), front)).last)).toEqual([
      ["taskpane.html", `版本：页面是 ${version} 版，清单是 0.1.0.7 版：网站文件和清单须来自同一个发布包`],
    ]);
  });

  test("a URL elsewhere: named, and never requested", async () => {
    const files = site();
    files.set("taskpane.html", {
      ...files.get("taskpane.html")!,
      body: page("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"),
    });
    const requested: string[] = [];
    const serve = server(files);
    const { last } = await check((url) => (requested.push(url), serve(url)), front);
    expect(failures(last)).toEqual([
      [
        "taskpane.html",
        "只连本站：引用了本站以外的地址 https://appsforoffice.microsoft.com/lib/1/hosted/office.js：请用 npm run release -- --url 本站地址 重新生成发布包",
      ],
    ]);
    expect(requested.filter((url) => !url.startsWith(base))).toEqual([]);
  });

  test("no answer at all: the browser's silence is reported as such, no certificate claimed", async () => {
    const { last } = await check(() => "no answer", front);
    expect(last.items).toHaveLength(1);
    expect(last.items[0]!.checks.map((one) => one.text)).toEqual([`可访问：无法连接：${noAnswer}`, "HTTPS"]);
    expect(last.summary).toBe("未通过：1 个文件中有 1 个有问题（见上方 ✗ 项）。");
  });
});

describe("fetching", () => {
  test("fetch goes past the cache; a redirect it followed is named with where it ended", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const serve = server(site());
    const moved: Server = (url) =>
      url.endsWith("taskpane.css")
        ? { status: 200, type: "text/css", body: "", finalUrl: `${base}login.html` }
        : serve(url);
    const last = await runSelfCheck(pageUrl, false, fetchFetcher(fakeFetch(moved, calls)), () => undefined);
    expect(calls.every(({ init }) => init.cache === "no-store" && init.credentials === "same-origin")).toBe(true);
    expect(failures(last)).toEqual([["taskpane.css", `可访问：被重定向到 ${base}login.html：请直接使用最终地址`]]);
  });

  test("XMLHttpRequest asks for bytes, past IE's cache, with a timeout", async () => {
    const headers: Record<string, string>[] = [];
    const Request = fakeRequestClass(server(site()), headers);
    let made: InstanceType<typeof Request> | undefined;
    const fetched = await requestFetcher(() => (made = new Request()), 5000)(`${base}taskpane.css`);
    expect(fetched).toMatchObject({ status: 200, contentType: "text/css", failure: null, redirected: false });
    expect(new TextDecoder().decode(fetched.body)).toBe(site().get("taskpane.css")!.body);
    expect(headers).toEqual([{ "Cache-Control": "no-cache" }]);
    expect(made!.timeout).toBe(5000);
  });

  test("a fetch that never answers ends as a timeout", async () => {
    const hanging: FetchFunction = () => new Promise(() => undefined);
    const fetched = await fetchFetcher(hanging, 20)(`${base}manifest.xml`);
    expect(fetched).toMatchObject({ status: null, failure: "0.02 秒内没有应答" });
  });

  test("browserFetcher uses fetch where the page has it, XMLHttpRequest where not", async () => {
    const serve = server(site());
    const fetchCalls: { url: string; init: RequestInit }[] = [];
    const xhrHeaders: Record<string, string>[] = [];
    const scope = { fetch: fakeFetch(serve, fetchCalls), XMLHttpRequest: fakeRequestClass(serve, xhrHeaders) };
    await browserFetcher(scope)(`${base}manifest.xml`);
    expect([fetchCalls.length, xhrHeaders.length]).toEqual([1, 0]);
    await browserFetcher({ XMLHttpRequest: scope.XMLHttpRequest })(`${base}manifest.xml`);
    expect([fetchCalls.length, xhrHeaders.length]).toEqual([1, 1]);
  });
});

describe("the pane's site", () => {
  test("the folder of the page, without query or fragment; WPS's copy in wps/ checks the folder above", () => {
    expect(paneSiteBase(pageUrl, false)).toBe(base);
    expect(paneSiteBase(`${base}taskpane.html#top`, false)).toBe(base);
    expect(paneSiteBase(`${base}wps/taskpane.html`, true)).toBe(base);
    expect(paneSiteBase(`${base}wps/taskpane.html`, false)).toBe(`${base}wps/`);
    expect(paneSiteBase("https://localhost:3000/taskpane.html", false)).toBe("https://localhost:3000/");
  });

  test("a page not from a web site: nothing fetched, the reason shown", async () => {
    expect(paneSiteBase("file:///C:/jsaddons/zhuanbao_0.1.0/taskpane.html", true)).toBeNull();
    const requested: string[] = [];
    const views: SelfCheckView[] = [];
    const last = await runSelfCheck(
      "file:///C:/jsaddons/zhuanbao_0.1.0/taskpane.html?x=1",
      true,
      async (url) => {
        requested.push(url);
        throw new Error("not reached");
      },
      (view) => views.push(view),
    );
    expect(requested).toEqual([]);
    expect(views).toEqual([last]);
    expect(last.failure).toBe(
      "这个任务窗格不是从网站加载的（file:///C:/jsaddons/zhuanbao_0.1.0/taskpane.html），部署自检只检查服务器上的加载项。WPS 离线部署（jsaddons 文件夹）无需自检。",
    );
    expect(last.ok).toBeNull();
  });
});
