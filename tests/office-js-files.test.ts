/**
 * The office.js files the build copies are exactly those Office loads: each page is opened in Chromium
 * as Excel on Windows, Mac and the web would open it (the _host_Info address parameter office.js reads),
 * and every Office script it then requests must be in dist/ — and every copied file requested by some host.
 */
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchChromium } from "./support/browser";
import { serveStatic, type StaticServer } from "./support/static-server";
import { chromium, describeWith } from "./support/tools";
import { distDir, distPath } from "./dist";

const { officeJsFiles } = require("../scripts/office-js-files") as { officeJsFiles: string[] };

/** Page, host info (host$platform$version$locale), and the scripts that host must load. */
const hosts: [string, string, string[]][] = [
  ["taskpane.html", "Excel$Win32$16.01$zh-CN", ["excel-win32-16.01.js", "zh-cn/office_strings.js"]],
  ["taskpane.html", "Excel$Win32$16.00$zh-CN", ["excel-win32-16.00.js", "zh-cn/office_strings.js"]],
  ["commands.html", "Excel$Mac$16.00$en-US", ["excel-mac-16.00.js", "en-us/office_strings.js"]],
  ["taskpane.html", "Excel$Web$16.00$zh-CN", ["excel-web-16.00.js", "zh-cn/office_strings.js"]],
  ["functions.html", "Excel$Win32$16.01$zh-CN", ["custom-functions-runtime.js", "excel-win32-16.01-core.js"]],
  ["functions.html", "Excel$Mac$16.00$zh-CN", ["excel-mac-16.00-core.js", "zh-cn/office_strings.js"]],
  // A locale office.js lacks falls back to en-us.
  ["functions.html", "Excel$Web$16.00$zh-TW", ["excel-web-16.00-core.js", "en-us/office_strings.js"]],
  // Opened outside Office (the browser preview): office.js takes its Office 2013 path.
  ["taskpane.html", "a plain browser", ["office.js", "o15apptofilemappingtable.js"]],
];

/** Waits for office.js's script loading (event-driven, capped): resolves when `done` or at the cap. */
async function until(done: () => boolean, capMs: number): Promise<void> {
  for (let waited = 0; !done() && waited < capMs; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const describeWithChromium = describeWith(chromium);
// Above the scripts' 15 s cap, for a busy machine.
const testTimeout = 30_000;

describeWithChromium("office.js files in dist/", () => {
  let browser: Browser;
  let server: StaticServer;
  const requested = new Set<string>();

  beforeAll(async () => {
    distPath("office-js/office.js");
    server = await serveStatic(distDir);
    browser = await launchChromium();
  }, testTimeout);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(hosts)(
    "%s as %s loads its host scripts from dist/",
    async (page, hostInfo, expected) => {
      const context = await browser.newContext();
      // Off the network: office.js's telemetry frame to Microsoft is refused.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      const tab = await context.newPage();
      const missing: string[] = [];
      const seen = new Set<string>();
      tab.on("response", (response) => {
        const path = new URL(response.url()).pathname;
        if (!path.startsWith("/office-js/")) return;
        const file = path.slice("/office-js/".length);
        seen.add(file);
        requested.add(file);
        if (response.status() !== 200) missing.push(file);
      });
      const query = hostInfo.includes("$") ? `?_host_Info=${encodeURIComponent(`${hostInfo}$$$$0`)}` : "";
      await tab.goto(`${server.url}/${page}${query}`);
      await until(() => expected.every((file) => seen.has(file)), 15000);
      expect(expected.filter((file) => !seen.has(file))).toEqual([]);
      await context.close();
      expect(missing.filter((file) => !file.startsWith("zh-tw/"))).toEqual([]);
    },
    testTimeout,
  );

  test("every copied file is one some host loads", () => {
    expect(officeJsFiles.filter((file) => !requested.has(file))).toEqual([]);
  });
});
