/**
 * Edge Legacy (EdgeHTML 18, the webview of Microsoft 365 on Windows 10 without WebView2) runs module
 * scripts but cannot parse the ES2020 modern bundle. Emulated in Chromium by a page whose module script
 * fails to parse: the page's rescue script must then load the legacy bundle, which runs the pane.
 */
import { expect, test } from "@jest/globals";
import { readDist } from "../dist";
import { useBuiltPaneInChromium } from "../support/built-pane";
import { openPane, runAction, sectionParagraphs } from "../support/pane-page";
import { referenceLines } from "../support/sample";
import { chromium, describeWith } from "../support/tools";

const testTimeout = 60_000;
const page = "taskpane-edgehtml.html";
const unparseable = "unparseable-module.js";

describeWith(chromium)("Edge Legacy, emulated", () => {
  const built = useBuiltPaneInChromium(() => {
    const html = readDist("taskpane.html");
    const edgeHtml = html.replace(/(<script\b[^>]*\btype="?module"?[^>]*\bsrc="?)taskpane\.js/, `$1${unparseable}`);
    if (edgeHtml === html) throw new Error("taskpane.html has no module script for taskpane.js");
    return { [`/${page}`]: edgeHtml, [`/${unparseable}`]: "const value = a ?? ;\n" };
  });

  test(
    "when the module bundle cannot be parsed, the rescue loads the legacy bundle and the pane works",
    async () => {
      const { page: pane, record, context } = await openPane(built.browser(), built.server().url, "", { page });
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
});
