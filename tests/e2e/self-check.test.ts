/**
 * 部署自检 in the built pane, in Chromium, in both bundles (the legacy one with Trident's missing
 * built-ins taken away, so it fetches with XMLHttpRequest): dist/ stamped as `npm run release` stamps
 * its site (the address and the version in the manifest and every page, scripts/release.js), served
 * over HTTPS with a certificate made here that Chromium trusts by its key. The pane checks its own
 * site and shows every item green; a copy with a file missing shows that item red. It requests
 * nothing outside its site.
 */
import { afterAll, afterEach, beforeAll, expect, test } from "@jest/globals";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { distDir, distPath, rootDir } from "../dist";
import { launchChromium } from "../support/browser";
import { tempDir } from "../support/cli";
import {
  makeCertificates,
  serveOverHttps,
  trustCertificateSwitch,
  type Certificates,
  type HttpsSite,
} from "../support/https-site";
import {
  bundleVariants,
  foreignRequests,
  legacyOnlyPage,
  legacyPage,
  openPane,
  textLines,
  type PaneSession,
} from "../support/pane-page";
import { chromium, describeWith, openssl } from "../support/tools";

const { withVersionMeta, withManifestVersion } = require("../../scripts/release") as {
  withVersionMeta: (html: string, version: string, page: string) => string;
  withManifestVersion: (xml: string, version: string) => string;
};
const { withBaseUrl } = require("../../scripts/addin-url") as { withBaseUrl: (text: string, base: string) => string };

const testTimeout = 120_000;
const setupTimeout = 60_000;
const prefix = "/zhuanbao/";
const version = "0.1.0.7";
/** Where the pane is pictured after each check, for a person to look at. */
const outputDir = join(rootDir, "test-output");

/** Every file under `dir`, as paths with forward slashes. */
function filesUnder(dir: string, under = ""): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, `${under}${entry.name}/`) : [`${under}${entry.name}`],
  );
}

/**
 * dist/ as the release's site/ for `base`: release.test.ts checks that the site is dist/ apart from the
 * address in its pages, JSON and XML and the version stamp, which are made here the release's way.
 * WPS's offline folder goes to desks, not to the server.
 */
function releasedSite(base: string): Map<string, Uint8Array> {
  const site = new Map<string, Uint8Array>();
  for (const file of filesUnder(distDir).filter((name) => !name.startsWith("wps-offline/"))) {
    const bytes = readFileSync(join(distDir, file));
    if (!/\.(html|json|xml)$/.test(file)) {
      site.set(file, bytes);
      continue;
    }
    let text = withBaseUrl(bytes.toString("utf8"), base);
    if (file.endsWith(".html")) text = withVersionMeta(text, version, file);
    if (file === "manifest.xml") text = withManifestVersion(text, version);
    site.set(file, Buffer.from(text));
  }
  // The legacy bundle's variant of the pane (support/pane-page.ts), beside the real one.
  site.set(legacyPage, Buffer.from(legacyOnlyPage(Buffer.from(site.get("taskpane.html")!).toString("utf8"))));
  return site;
}

/** Opens 帮助, runs 部署自检 and waits for its summary. */
async function runSelfCheck({ page, record }: PaneSession): Promise<{ summary: string; items: string[][] }> {
  await page.getByRole("button", { name: "帮助", exact: true }).click();
  await page.getByRole("heading", { name: "部署自检" }).waitFor();
  await page.getByRole("button", { name: "开始自检", exact: true }).click();
  const summary = page.locator("#self-check-summary:not([hidden])");
  try {
    await summary.waitFor({ timeout: 60_000 });
  } catch (error) {
    const status = await page.locator("#self-check-status").textContent();
    throw new Error(`no summary; status “${status}”, page errors ${JSON.stringify(record.pageErrors)}: ${error}`);
  }
  const items: string[][] = [];
  for (const item of await page.locator("#self-check-items > li").all()) items.push(await textLines(item));
  return { summary: ((await summary.textContent()) ?? "").trim(), items };
}

describeWith(chromium, openssl).each(bundleVariants)("部署自检 in the built pane: $name", (variant) => {
  let work = "";
  let certificates: Certificates;
  let browser: Browser | undefined;
  const sites: HttpsSite[] = [];
  const sessions: PaneSession[] = [];

  beforeAll(async () => {
    distPath("taskpane.html");
    work = tempDir();
    certificates = makeCertificates(work);
    browser = await launchChromium([trustCertificateSwitch(certificates)]);
  }, setupTimeout);

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.context.close()));
    await Promise.all(sites.splice(0).map((site) => site.stop()));
  }, setupTimeout);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  }, setupTimeout);

  /** The released site with `change` made, served, and the pane opened from it. */
  async function paneOn(change: (site: Map<string, Uint8Array>) => void = () => undefined) {
    // The address is known once the server listens; the files are stamped for it then.
    const files = new Map<string, Uint8Array>();
    const site = await serveOverHttps(files, certificates, prefix);
    sites.push(site);
    const base = `${site.origin}${prefix}`;
    const released = releasedSite(base);
    change(released);
    for (const [file, bytes] of released) files.set(file, bytes);
    const session = await openPane(browser!, `${site.origin}${prefix.slice(0, -1)}`, "", variant);
    sessions.push(session);
    return { site, base, session };
  }

  test(
    "the released site: every item green, the summary says all passed, nothing requested elsewhere",
    async () => {
      const { site, base, session } = await paneOn();
      const { summary, items } = await runSelfCheck(session);
      expect(await session.page.locator("#self-check-status").textContent()).toBe(
        `网站：${base}，清单版本：${version}`,
      );
      expect(items.filter((lines) => lines.some((line) => line.startsWith("✗")))).toEqual([]);
      const labels = items.map((lines) => lines[0]);
      for (const file of [
        "manifest.xml",
        "taskpane.html",
        "taskpane.css",
        "taskpane.js",
        "legacy/taskpane.js",
        "functions.json",
        "functions.js",
        "office-js/office.js",
        "assets/icon-32.png",
      ]) {
        expect(labels).toContain(file);
      }
      const pageItem = items.find((lines) => lines[0] === "taskpane.html")!;
      expect(pageItem[1]).toBe(`✓ 可访问 · HTTPS · 证书受信任 · 内容类型 text/html · 版本 ${version} · 只连本站`);
      expect(summary).toMatch(
        new RegExp(`^全部通过：${items.length} 个文件均可访问、HTTPS、证书受信任、类型正确、版本一致、只连本站`),
      );
      expect(await session.page.locator(".self-check-item.is-failed").count()).toBe(0);
      // The chunk came from the site too, loaded on the click, for this bundle.
      const chunkFolder = variant.bundle.startsWith("/legacy/") ? `${prefix}legacy/` : prefix;
      expect(site.requests.filter((path) => path.startsWith(`${chunkFolder}self-check.`))).toHaveLength(1);
      expect(foreignRequests(session.record, site.origin)).toEqual([]);
      expect(session.record.pageErrors).toEqual([]);
    },
    testTimeout,
  );

  test(
    "a copy without functions.js: that item red with HTTP 404, the summary says not passed",
    async () => {
      const { session } = await paneOn((site) => site.delete("functions.js"));
      const { summary, items } = await runSelfCheck(session);
      const failed = items.filter((lines) => lines.some((line) => line.startsWith("✗")));
      expect(failed.map((lines) => lines.slice(0, 2))).toEqual([
        ["functions.js", "✗ 可访问：HTTP 404：服务器上没有这个文件，请把发布包 site 文件夹的全部内容复制到网站目录"],
      ]);
      expect(summary).toBe(`未通过：${items.length} 个文件中有 1 个有问题（见上方 ✗ 项）。`);
      mkdirSync(outputDir, { recursive: true });
      const picture = `self-check-${variant.page === legacyPage ? "legacy" : "modern"}-broken.png`;
      await session.page.locator("#help").screenshot({ path: join(outputDir, picture) });
      const red = session.page.locator(".self-check-item.is-failed");
      expect(await red.count()).toBe(1);
      expect(await red.evaluate((node) => getComputedStyle(node.querySelector(".self-check-failed")!).color)).toBe(
        "rgb(177, 14, 28)",
      );
    },
    testTimeout,
  );

  test(
    "a copy without the self-check's own script: the pane says so instead of checking",
    async () => {
      const { session } = await paneOn((site) => {
        for (const file of [...site.keys()].filter((name) => /(^|\/)self-check\.[0-9a-f]{8}\.js$/.test(name))) {
          site.delete(file);
        }
      });
      const { page } = session;
      await page.getByRole("button", { name: "帮助", exact: true }).click();
      await page.getByRole("button", { name: "开始自检", exact: true }).click();
      await page.locator("#self-check-status", { hasText: "部署自检未能运行" }).waitFor();
      expect(await page.locator("#self-check-status").textContent()).toBe(
        "部署自检未能运行：它的脚本没有从网站取到。网站上可能缺少文件，请重新复制发布包的 site 文件夹，或请管理员运行 zhuanbao doctor。",
      );
      expect(await page.getByRole("button", { name: "开始自检", exact: true }).getAttribute("aria-disabled")).toBe(
        "false",
      );
      expect(await page.locator("#self-check-items > li").count()).toBe(0);
    },
    testTimeout,
  );
});
