/**
 * Edge Legacy (EdgeHTML 18, the webview of Microsoft 365 on Windows 10 without WebView2) runs module
 * scripts but cannot parse the ES2020 modern bundle. Emulated in Chromium by a page whose module script
 * fails to parse: the page's rescue script must then load the legacy bundle, which runs the pane.
 */
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { distDir, distPath, readDist } from "../dist";
import { chromiumPath, hasChromium, launchChromium } from "../support/browser";
import { openPane, runAction, sectionParagraphs } from "../support/pane-page";
import { referenceLines } from "../support/sample";
import { serveStatic, type StaticServer } from "../support/static-server";

const testTimeout = 60_000;
const page = "taskpane-edgehtml.html";
const unparseable = "unparseable-module.js";

const testInChromium = hasChromium ? test : test.skip;
if (!hasChromium) console.warn(`Skipping the Edge Legacy rescue test: ${chromiumPath} is missing.`);

let browser: Browser | undefined;
let server: StaticServer | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  distPath("taskpane.html");
  const html = readDist("taskpane.html");
  const edgeHtml = html.replace(/(<script\b[^>]*\btype="?module"?[^>]*\bsrc="?)taskpane\.js/, `$1${unparseable}`);
  if (edgeHtml === html) throw new Error("taskpane.html has no module script for taskpane.js");
  server = await serveStatic(distDir, { [`/${page}`]: edgeHtml, [`/${unparseable}`]: "const value = a ?? ;\n" });
  browser = await launchChromium();
}, testTimeout);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, testTimeout);

testInChromium(
  "when the module bundle cannot be parsed, the rescue loads the legacy bundle and the pane works",
  async () => {
    const { page: pane, record, context } = await openPane(browser!, server!.url, "", { page });
    try {
      const paths = record.requests.map((url) => new URL(url).pathname);
      expect(paths).toContain(`/${unparseable}`);
      expect(paths).toContain("/legacy/taskpane.js");
      expect(paths).not.toContain("/taskpane.js");
      expect(record.pageErrors.map((error) => error.includes("Unexpected token"))).toEqual([true]);
      expect(await runAction(pane, "生成专报")).toBe("专报已生成。");
      expect(await sectionParagraphs(pane, "【主要指标】")).toEqual(referenceLines("indicators-expected.txt"));
    } finally {
      await context.close();
    }
  },
  testTimeout,
);
