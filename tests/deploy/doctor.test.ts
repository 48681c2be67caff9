/**
 * The deployment self-check over a fake server: a small site held in memory, served right, then with
 * each fault the doctor must name — a missing file, a wrong type, http, an untrusted certificate, an
 * old manifest, a reference elsewhere. The same checks run against nginx in tests/release.test.ts.
 */
import { describe, expect, test } from "@jest/globals";
import {
  contentTypeFits,
  doctorReportLines,
  manifestFacts,
  pageReferences,
  pageVersion,
  policyOutsideSources,
  runDoctor,
  siteBase,
  stylesheetReferences,
  type Fetched,
  type Fetcher,
} from "../../src/deploy";
import { runCli } from "../support/cli";
import { base, manifest, page, site, version, type FakeFile } from "../support/fake-site";

/** A server for `files` at `address`; `certificateProblem` as Node's TLS would find it. */
function fakeServer(files: Map<string, FakeFile>, address = base, certificateProblem: string | null = null): Fetcher {
  return async (url) => {
    const path = url.startsWith(address) ? url.slice(address.length) : null;
    const file = path === null ? undefined : files.get(path);
    const answer: Fetched = {
      status: file ? 200 : 404,
      contentType: file ? file.type : "text/html",
      location: null,
      body: new TextEncoder().encode(file ? file.body : "not found"),
      failure: null,
      certificateProblem: url.startsWith("https:") ? certificateProblem : null,
    };
    return answer;
  };
}

const failing = (lines: string[]) => lines.filter((line) => line.trimStart().startsWith("✗"));

describe("runDoctor", () => {
  test("a good site: every file the manifest, pages and stylesheets name is fetched once and passes", async () => {
    const report = await runDoctor(base, fakeServer(site()));
    expect(report.items.map((item) => item.label)).toEqual([
      "manifest.xml",
      "assets/icon-32.png",
      "taskpane.html",
      "functions.json",
      "taskpane.css",
      "office-js/office.js",
      "taskpane.js",
      "assets/bg.png",
    ]);
    expect(report.ok).toBe(true);
    const lines = doctorReportLines(report);
    expect(failing(lines)).toEqual([]);
    expect(lines).toContain(
      `✓ taskpane.html（可访问 · HTTPS · 证书受信任 · 内容类型 text/html; charset=utf-8 · 版本 ${version} · 只连本站）`,
    );
    expect(lines.at(-1)).toMatch(/^全部通过：8 个文件/);
  });

  test("a missing file", async () => {
    const files = site();
    files.delete("office-js/office.js");
    const report = await runDoctor(base, fakeServer(files));
    expect(report.ok).toBe(false);
    expect(failing(doctorReportLines(report))).toEqual([
      "✗ office-js/office.js",
      "    ✗ 可访问：HTTP 404：服务器上没有这个文件，请把发布包 site 文件夹的全部内容复制到网站目录",
    ]);
  });

  test("a wrong content type", async () => {
    const files = site();
    files.set("functions.json", { ...files.get("functions.json")!, type: "application/octet-stream" });
    const lines = doctorReportLines(await runDoctor(base, fakeServer(files)));
    expect(failing(lines)).toEqual([
      "✗ functions.json",
      "    ✗ 内容类型：服务器给出 application/octet-stream，应为 application/json：按发布包 server 文件夹的配置设置 MIME 类型",
    ]);
  });

  test("http: every file is not HTTPS, and a manifest with https URLs names them as elsewhere", async () => {
    const httpBase = base.replace("https:", "http:");
    const report = await runDoctor(httpBase, fakeServer(site(), httpBase));
    const lines = failing(doctorReportLines(report));
    expect(lines[0]).toBe("✗ manifest.xml");
    expect(lines[1]).toMatch(/^ {4}✗ HTTPS：用的是 http/);
    expect(lines[2]).toMatch(/^ {4}✗ 只连本站：引用了本站以外的地址 https:\/\/zb\.example\.gov\.cn\/zhuanbao\/assets/);
  });

  test("a certificate this machine does not trust is named for each file, the rest still checked", async () => {
    const report = await runDoctor(base, fakeServer(site(), base, "自签名证书，本机不信任"));
    expect(report.items).toHaveLength(8);
    expect(
      report.items.every(
        (item) =>
          item.checks
            .filter((check) => !check.ok)
            .map((check) => check.name)
            .join() === "certificate",
      ),
    ).toBe(true);
  });

  test("an old manifest: each page names its version against the manifest's", async () => {
    const files = site();
    files.set("manifest.xml", { body: manifest("0.1.0.7"), type: "text/xml" });
    const lines = failing(doctorReportLines(await runDoctor(base, fakeServer(files))));
    expect(lines).toEqual([
      "✗ taskpane.html",
      `    ✗ 版本：页面是 ${version} 版，清单是 0.1.0.7 版：网站文件和清单须来自同一个发布包`,
    ]);
  });

  test("a page, stylesheet or manifest URL elsewhere is named; a dev-server address in a script too", async () => {
    const files = site();
    files.set("taskpane.html", {
      ...files.get("taskpane.html")!,
      body: page("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"),
    });
    files.set("taskpane.js", { body: 'fetch("https://localhost:3000/functions.json")', type: "text/javascript" });
    const lines = failing(doctorReportLines(await runDoctor(base, fakeServer(files))));
    expect(lines).toEqual([
      "✗ taskpane.html",
      "    ✗ 只连本站：引用了本站以外的地址 https://appsforoffice.microsoft.com/lib/1/hosted/office.js：请用 npm run release -- --url 本站地址 重新生成发布包",
      "✗ taskpane.js",
      "    ✗ 只连本站：引用了本站以外的地址 https://localhost:3000/functions.json：请用 npm run release -- --url 本站地址 重新生成发布包",
    ]);
  });

  test("a page without a policy, or whose policy allows another host, fails 只连本站", async () => {
    const files = site();
    const body = files.get("taskpane.html")!.body;
    files.set("taskpane.html", {
      ...files.get("taskpane.html")!,
      body: body.replace("script-src 'self'", "script-src 'self' https://cdn.example"),
    });
    expect(failing(doctorReportLines(await runDoctor(base, fakeServer(files))))[1]).toContain("https://cdn.example");
    files.set("taskpane.html", { ...files.get("taskpane.html")!, body: body.replace(/<meta http-equiv[^>]*>/, "") });
    expect(failing(doctorReportLines(await runDoctor(base, fakeServer(files))))[1]).toContain(
      "页面缺少 Content-Security-Policy",
    );
  });

  test("a redirect is named with its target, whether the host followed it (a browser) or not (Node)", async () => {
    const elsewhere = `${base}moved/taskpane.css`;
    const server = fakeServer(site());
    const redirecting =
      (followed: boolean): Fetcher =>
      async (url) =>
        url.endsWith("taskpane.css")
          ? {
              ...(await server(url)),
              status: followed ? 200 : 302,
              location: elsewhere,
              ...(followed ? { redirected: true } : {}),
            }
          : server(url);
    for (const [followed, detail] of [
      [false, `被重定向（302）到 ${elsewhere}：请直接使用最终地址`],
      [true, `被重定向到 ${elsewhere}：请直接使用最终地址`],
    ] as const) {
      const lines = failing(doctorReportLines(await runDoctor(base, redirecting(followed))));
      expect(lines).toEqual(["✗ taskpane.css", `    ✗ 可访问：${detail}`]);
    }
  });

  test("no manifest: the one item says why, exit status false", async () => {
    const report = await runDoctor(base, fakeServer(new Map()));
    expect(report.items).toHaveLength(1);
    expect(report.ok).toBe(false);
    expect(report.manifestVersion).toBeNull();
  });

  test("refuses what is not an http(s) address", async () => {
    await expect(runDoctor("ftp://x/", fakeServer(site()))).rejects.toThrow("不是 http(s) 网址");
  });
});

describe("reading a site's files", () => {
  test("the manifest's version and URLs, comments and namespaces left out, entities decoded", () => {
    const facts = manifestFacts(manifest(version).replace("functions.json", "functions.json?a=1&amp;b=2"));
    expect(facts.version).toBe(version);
    expect(facts.urls).toEqual([
      `${base}assets/icon-32.png`,
      `${base}taskpane.html`,
      `${base}taskpane.html?action=generate`,
      `${base}functions.json?a=1&b=2`,
    ]);
  });

  test("a page's requests: scripts, stylesheets, images, quoted or not; links are not requests", () => {
    const html = `<link rel=stylesheet href='a.css'><img src="img/b.png"><script src=c.js></script><a href=d.html>d</a><!-- <script src=e.js> -->`;
    expect(pageReferences(html, `${base}x/p.html`)).toEqual([`${base}x/a.css`, `${base}x/img/b.png`, `${base}x/c.js`]);
    expect(
      stylesheetReferences(
        `@import "f.css"; a{background:url('g.png')} b{background:url(data:image/png;base64,AA)}`,
        `${base}s.css`,
      ),
    ).toEqual([`${base}f.css`, `${base}g.png`]);
  });

  test("version and policy from minified pages", () => {
    expect(pageVersion(page("o.js"))).toBe(version);
    expect(pageVersion("<meta charset=utf-8>")).toBeNull();
    expect(policyOutsideSources(page("o.js"))).toEqual([]);
    expect(
      policyOutsideSources(
        "<meta http-equiv='content-security-policy' content=\"script-src 'self' https://x.example data:\">",
      ),
    ).toEqual(["https://x.example"]);
  });

  test("content types by extension, charset ignored", () => {
    expect(contentTypeFits(`${base}a.js`, "text/javascript; charset=utf-8")).toBe(true);
    expect(contentTypeFits(`${base}a.js`, "application/octet-stream")).toBe(false);
    expect(contentTypeFits(`${base}m.xml`, "text/xml")).toBe(true);
    expect(contentTypeFits(`${base}f.woff2`, "font/woff2")).toBe(true);
    expect(contentTypeFits(`${base}f.woff2`, "application/octet-stream")).toBe(false);
    expect(contentTypeFits(`${base}i.png`, "image/svg+xml")).toBe(false);
    expect(contentTypeFits(`${base}p.html`, null)).toBe(false);
  });

  test("siteBase adds the slash and drops query and fragment", () => {
    expect(siteBase("https://h/zb")).toBe("https://h/zb/");
    expect(siteBase("https://h/zb/?x=1#y")).toBe("https://h/zb/");
    expect(siteBase("h/zb")).toBeNull();
  });
});

describe("zhuanbao doctor", () => {
  test("needs one http(s) address and parses strictly; --help names NODE_EXTRA_CA_CERTS", async () => {
    const none = await runCli("doctor");
    expect([none.code, none.stderr]).toEqual([
      2,
      "请指定加载项的网址，如 zhuanbao doctor https://zb.example.gov.cn/zhuanbao/。\n",
    ]);
    expect((await runCli("doctor", "zb.example.gov.cn")).code).toBe(2);
    const typo = await runCli("doctor", base, "--formt", "json");
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining("最接近的是 --format")]);
    const help = await runCli("doctor", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("NODE_EXTRA_CA_CERTS");
    expect((await runCli("--help")).stdout).toContain("zhuanbao doctor https://服务器/路径/");
  });

  test("a server that does not answer: reported per file, exit 1", async () => {
    const closed = await runCli("doctor", "https://127.0.0.1:9/zhuanbao/");
    expect(closed.stdout).toContain("✗ manifest.xml\n    ✗ 可访问：无法连接：服务器拒绝连接");
    expect(closed.code).toBe(1);
  });
});
