/**
 * The pane talks to no server but its own, in both bundles: opened in preview mode, left open past the
 * moment office.js adds its telemetry frame (about 3 s after it loads, outside Office) and used through
 * every flow, it requests nothing outside its origin. Every page's Content-Security-Policy
 * (scripts/content-security-policy.js) is what holds office.js back; our own code breaks none of it.
 */
import { afterEach, expect, test } from "@jest/globals";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readDist, rootDir } from "../dist";
import { useBuiltPaneInChromium } from "../support/built-pane";
import {
  bundleVariantPages,
  bundleVariants,
  foreignRequests,
  openPane,
  policyViolations,
  runAction,
  statusText,
  waitUntilIdle,
  type PaneSession,
} from "../support/pane-page";
import { chromium, describeWith } from "../support/tools";

const testTimeout = 90_000;
const openFor = 10_000;
const outputDir = join(rootDir, "test-output");
const telemetryFrame = "https://telemetryservice.firstpartyapps.oaspapps.com";
const isOfficeJs = (url: string) => new URL(url, "http://localhost").pathname.startsWith("/office-js/");

describeWith(chromium).each(bundleVariants)("the built pane stays on its own origin: $name", (variant) => {
  const pane = useBuiltPaneInChromium(() => bundleVariantPages(readDist("taskpane.html")));
  const sessions: PaneSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.context.close()));
  }, testTimeout);

  test(
    `open ${openFor / 1000} s and used through every flow, it requests nothing outside its origin`,
    async () => {
      const session = await openPane(pane.browser(), pane.server().url, "", variant);
      sessions.push(session);
      const { page, record } = session;
      mkdirSync(outputDir, { recursive: true });
      const saved = (name: string) => join(outputDir, `own-origin-${variant.bundle.replace(/\W/g, "")}-${name}`);

      await page.getByRole("checkbox", { name: "创建模板时填入示例数据" }).check();
      expect(await runAction(page, "创建模板")).toMatch(/模板/);
      expect(await runAction(page, "校验数据")).toMatch(/^校验完成/);
      expect(await runAction(page, "生成专报")).toBe("专报已生成。");

      await page.getByRole("button", { name: "复制到 Word", exact: true }).click();
      await page.locator("#activity-text", { hasText: "已复制" }).waitFor();

      const [word] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "下载 Word 文档", exact: true }).click(),
      ]);
      expect(word.suggestedFilename()).toMatch(/\.docx$/);
      await waitUntilIdle(page);

      await page.locator("details.unit-form summary").click();
      await page.getByRole("checkbox", { name: "城乡融合", exact: true }).check();
      const [form] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "下载报送表", exact: true }).click(),
      ]);
      const formFile = saved("unit-form.xlsx");
      rmSync(formFile, { force: true });
      await form.saveAs(formFile);
      await waitUntilIdle(page);

      await page.locator("#return-files").setInputFiles(formFile);
      await page.locator("#merge:not([hidden])").waitFor();
      await waitUntilIdle(page);
      expect(await statusText(page)).toMatch(/^已读取报送表/);

      // Left open: until office.js has tried its telemetry frame, and at least openFor since the page began.
      await page.waitForFunction(() => document.querySelector("iframe") !== null);
      await page.waitForFunction((ms) => performance.now() >= ms, openFor, { timeout: openFor + 5_000 });

      expect(foreignRequests(record, pane.server().url)).toEqual([]);
      expect(record.failedResponses).toEqual([]);
      expect(record.pageErrors).toEqual([]);
      // Our code (the bundle, its chunks, the rescue script) breaks nothing of the policy…
      const violations = await policyViolations(page);
      expect(violations.filter((violation) => !isOfficeJs(violation.sourceFile))).toEqual([]);
      expect(record.policyMessages.filter((message) => !isOfficeJs(message))).toEqual([]);
      // …and the policy is what stopped office.js's telemetry frame.
      expect(violations).toContainEqual(expect.objectContaining({ directive: "frame-src", blocked: telemetryFrame }));
    },
    testTimeout,
  );
});
