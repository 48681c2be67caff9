/** The built pane in Chromium, for the end-to-end tests: opening it in preview mode, running actions, reading it. */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { tridentInitScript } from "./trident";

/** What a page did on the network and beyond the DOM, recorded from its first request on. */
export interface PageRecord {
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Responses with a status of 400 or more, as "404 http://…". */
  failedResponses: string[];
  /** Requests that got no response at all (refused, blocked, aborted), as "reason http://…". */
  failedRequests: string[];
  /** Messages of alert/confirm/prompt dialogs the page opened. */
  dialogs: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Console messages about the page's Content-Security-Policy, as "script URL: message". */
  policyMessages: string[];
}

/** A securitypolicyviolation event, as the page saw it. */
export interface PolicyViolation {
  directive: string;
  /** What was blocked: a URL, or "inline" / "eval". */
  blocked: string;
  /** The script that did it, where the engine knows. */
  sourceFile: string;
}

/** Runs in the page before its own scripts: keeps each policy violation for policyViolations(). */
function recordPolicyViolations(): void {
  const recorded: PolicyViolation[] = [];
  (window as unknown as { __policyViolations: PolicyViolation[] }).__policyViolations = recorded;
  document.addEventListener(
    "securitypolicyviolation",
    (event) =>
      recorded.push({ directive: event.violatedDirective, blocked: event.blockedURI, sourceFile: event.sourceFile }),
    true,
  );
}

/** What the page's Content-Security-Policy blocked so far: each securitypolicyviolation event. */
export function policyViolations(page: Page): Promise<PolicyViolation[]> {
  return page.evaluate(() => (window as unknown as { __policyViolations: PolicyViolation[] }).__policyViolations);
}

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  record: PageRecord;
}

/** The width of a task pane docked in Excel, so the layout under test is the one people see. */
const paneViewport = { width: 400, height: 900 };

/** Which page to open: dist/taskpane.html, or a variant the test serves, and a script to run before the page's own. */
export interface PaneVariant {
  page: string;
  initScript?: string;
}

/** The legacy pane, forced: taskpane.html without its module script, the nomodule one as a plain script. */
export function legacyOnlyPage(taskpaneHtml: string): string {
  const withoutModule = taskpaneHtml.replace(/<script\b[^>]*\btype="?module"?[^>]*><\/script>/, "");
  const forced = withoutModule.replace(/(<script\b[^>]*)\s+nomodule\b/, "$1");
  if (forced === taskpaneHtml || /\bnomodule\b|\btype="?module\b/.test(forced)) {
    throw new Error("taskpane.html no longer has one module script and one nomodule script");
  }
  return forced;
}

/** One of the pane's two bundles, as a page opens it. */
export interface BundleVariant extends PaneVariant {
  name: string;
  /** The pane's own startup script, as the page requests it. */
  bundle: string;
  /** Whether 复制到 Word ends in copying a selected rendering (Trident's copy event has no clipboardData). */
  copiesSelection: boolean;
}

export const legacyPage = "taskpane-legacy.html";

/** The modern bundle as modern hosts load it, and the legacy ES5 one as IE11 would (support/trident.ts). */
export const bundleVariants: BundleVariant[] = [
  { name: "modern bundle", page: "taskpane.html", bundle: "/taskpane.js", copiesSelection: false },
  {
    name: "legacy ES5 bundle, Trident's built-ins removed",
    page: legacyPage,
    initScript: tridentInitScript,
    bundle: "/legacy/taskpane.js",
    copiesSelection: true,
  },
];

/** The pages the variants need beside dist/ (for useBuiltPaneInChromium), from the built taskpane.html. */
export function bundleVariantPages(taskpaneHtml: string): Record<string, string> {
  return { [`/${legacyPage}`]: legacyOnlyPage(taskpaneHtml) };
}

/** Opens the pane (plus `query`, e.g. "?sample=bad") in a fresh context and waits until it is idle. */
export async function openPane(
  browser: Browser,
  origin: string,
  query = "",
  variant: PaneVariant = { page: "taskpane.html" },
): Promise<PaneSession> {
  const context = await browser.newContext({
    viewport: paneViewport,
    permissions: ["clipboard-read", "clipboard-write"],
    acceptDownloads: true,
  });
  // Below jest's per-test limit, so a missing element fails with playwright's message naming it.
  context.setDefaultTimeout(20_000);
  try {
    const page = await context.newPage();
    const record: PageRecord = {
      requests: [],
      failedResponses: [],
      failedRequests: [],
      dialogs: [],
      pageErrors: [],
      policyMessages: [],
    };
    page.on("request", (request) => record.requests.push(request.url()));
    page.on("response", (response) => {
      if (response.status() >= 400) record.failedResponses.push(`${response.status()} ${response.url()}`);
    });
    page.on("requestfailed", (request) =>
      record.failedRequests.push(`${request.failure()?.errorText ?? "failed"} ${request.url()}`),
    );
    page.on("dialog", (dialog) => {
      record.dialogs.push(dialog.message());
      // An open dialog would block the page; the record is what the test asserts on.
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => record.pageErrors.push(error.message));
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) {
        record.policyMessages.push(`${message.location().url}: ${message.text()}`);
      }
    });
    await page.addInitScript(recordPolicyViolations);
    if (variant.initScript) await page.addInitScript(variant.initScript);
    await page.goto(`${origin}/${variant.page}${query}`);
    await waitUntilIdle(page);
    return { context, page, record };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Requests that left `origin`: anything but its own URLs and in-page data:/blob: URLs (a download's file). */
export function foreignRequests(record: PageRecord, origin: string): string[] {
  return record.requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"),
  );
}

/**
 * The pane has drawn and is not working: every action button reads aria-disabled="false" (before the
 * first draw they have no such attribute, while busy "true").
 */
export async function waitUntilIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const buttons = Array.from(document.querySelectorAll("button[data-action]"));
    return buttons.length > 0 && buttons.every((button) => button.getAttribute("aria-disabled") === "false");
  });
}

export type ActionLabel = "创建模板" | "校验数据" | "生成专报" | "开始下一期";

/** Clicks an action button and waits until it is done, returning the status it left (or throwing its failure). */
export async function runAction(page: Page, label: ActionLabel): Promise<string> {
  // The click handler marks the pane busy before it returns, so idle afterwards means done.
  await page.getByRole("button", { name: label, exact: true }).click();
  await waitUntilIdle(page);
  const failure = page.locator("#failure:not([hidden])");
  if ((await failure.count()) > 0) throw new Error(`${label}失败：${await failure.textContent()}`);
  return (await page.locator("#activity-text").textContent()) ?? "";
}

/** The pane's status line (the live region), as shown. */
export async function statusText(page: Page): Promise<string> {
  return ((await page.locator("#activity-text").textContent()) ?? "").trim();
}

/**
 * An element's text as lines: each element's textContent, with a line break wherever an element is
 * laid out as a block (paragraphs, headings, flex items) rather than inline. Only whitespace between
 * elements is normalised; the text inside them is as the DOM holds it.
 */
export function textLines(locator: Locator): Promise<string[]> {
  return locator.evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? "");
        return;
      }
      if (!(node instanceof Element)) return;
      const block = !getComputedStyle(node).display.startsWith("inline");
      if (block) parts.push("\n");
      node.childNodes.forEach(walk);
      if (block) parts.push("\n");
    };
    walk(root);
    return parts
      .join("")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
  });
}

/** The preview's whole text, a line per block. */
export function previewLines(page: Page): Promise<string[]> {
  return textLines(page.locator("#bulletin"));
}

/** The paragraphs under a heading such as 【主要指标】 in the preview, each its textContent. */
export function sectionParagraphs(page: Page, heading: string): Promise<string[]> {
  return page
    .locator("#bulletin section")
    .filter({ has: page.locator("h3", { hasText: heading }) })
    .locator("p")
    .evaluateAll((paragraphs) => paragraphs.map((paragraph) => (paragraph.textContent ?? "").trim()));
}

export interface ShownIssue {
  severity: string;
  place: string;
  message: string;
}

/** The issue list as shown: each sheet's group with its entries. */
export function shownIssues(page: Page): Promise<{ sheet: string; issues: ShownIssue[] }[]> {
  return page.locator("#issue-groups .issue-group").evaluateAll((groups) =>
    groups.map((group) => ({
      sheet: group.querySelector(".issue-group-sheet")?.textContent ?? "",
      issues: Array.from(group.querySelectorAll("button.issue")).map((button) => ({
        severity: button.querySelector(".severity-text")?.textContent ?? "",
        place: button.querySelector(".issue-place")?.textContent ?? "",
        message: button.querySelector(".issue-message")?.textContent ?? "",
      })),
    })),
  );
}

/** The issue button of `sheet` at `place` (e.g. 城乡融合, C2). */
export function issueButton(page: Page, sheet: string, place: string): Locator {
  return page
    .locator("#issue-groups .issue-group")
    .filter({ has: page.locator(".issue-group-sheet", { hasText: sheet }) })
    .locator("button.issue")
    .filter({ has: page.locator(".issue-place", { hasText: new RegExp(`^\\s*${place}\\s*$`) }) });
}

/** Everything on the clipboard, by MIME type, read back in the page. */
export function clipboardContents(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const contents: Record<string, string> = {};
    // The Trident emulation hides navigator.clipboard from the pane and keeps it here for the test.
    const clipboard = (window as { __testClipboard?: Clipboard }).__testClipboard ?? navigator.clipboard;
    for (const item of await clipboard.read()) {
      // Through Response: the Trident emulation takes Blob#text away.
      for (const type of item.types) contents[type] = await new Response(await item.getType(type)).text();
    }
    return contents;
  });
}
