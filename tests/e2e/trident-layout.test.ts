/**
 * The legacy pane laid out as Internet Explorer 11 would (tests/support/trident.ts: no var(), no grid,
 * no gap, the IE-only block on): the controls that matter stay usable — the three action buttons on one
 * row, the period's labels beside their values, the issue list and the preview full width, nothing on
 * top of anything else. A screenshot is saved as test-output/pane-legacy-trident-layout.png.
 */
import { expect, test } from "@jest/globals";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { readDist, rootDir } from "../dist";
import { useBuiltPaneInChromium } from "../support/built-pane";
import { legacyOnlyPage, openPane, runAction } from "../support/pane-page";
import { chromium, describeWith } from "../support/tools";
import { tridentInitScript, tridentStyles, withStylesheet } from "../support/trident";

const testTimeout = 60_000;
const page = "taskpane-trident.html";
const stylesheet = "taskpane-trident.css";
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxes(pane: Page, selector: string): Promise<Box[]> {
  return pane.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );
}

describeWith(chromium)("the legacy pane laid out as Trident would", () => {
  const built = useBuiltPaneInChromium(() => ({
    [`/${page}`]: withStylesheet(legacyOnlyPage(readDist("taskpane.html")), stylesheet),
    [`/${stylesheet}`]: tridentStyles(readDist("taskpane.css")),
  }));

  test(
    "buttons, period, issue list and preview keep their layout without grid, gap and var()",
    async () => {
      const { page: pane, context } = await openPane(built.browser(), built.server().url, "?sample=bad", {
        page,
        initScript: tridentInitScript,
      });
      try {
        await runAction(pane, "校验数据");
        await runAction(pane, "生成专报");

        const [actions] = await boxes(pane, ".actions");
        const buttons = await boxes(pane, ".actions > .button:not(.next-period-button)");
        expect(buttons).toHaveLength(3);
        for (const [index, button] of buttons.entries()) {
          expect(Math.abs(button.y - buttons[0]!.y)).toBeLessThan(1);
          expect(Math.abs(button.width - buttons[0]!.width)).toBeLessThan(2);
          if (index > 0) expect(button.x).toBeGreaterThanOrEqual(buttons[index - 1]!.x + buttons[index - 1]!.width + 4);
        }
        expect(buttons[2]!.x + buttons[2]!.width).toBeLessThanOrEqual(actions!.x + actions!.width + 0.5);
        expect(buttons[0]!.width * 3).toBeGreaterThan(actions!.width * 0.9);
        // 开始下一期 below them, the row's whole width.
        const [next] = await boxes(pane, ".actions > .next-period-button");
        expect(next!.y).toBeGreaterThanOrEqual(buttons[0]!.y + buttons[0]!.height + 4);
        expect(Math.abs(next!.x - buttons[0]!.x)).toBeLessThan(1);
        expect(Math.abs(next!.x + next!.width - (buttons[2]!.x + buttons[2]!.width))).toBeLessThan(1);

        const labels = await boxes(pane, "#period-fields dt");
        const values = await boxes(pane, "#period-fields dd");
        expect(labels).toHaveLength(4);
        labels.forEach((label, index) => {
          expect(Math.abs(values[index]!.y - label.y)).toBeLessThan(1);
          expect(values[index]!.x).toBeGreaterThanOrEqual(label.x + label.width);
        });

        const [issueList] = await boxes(pane, "#issue-groups");
        const issues = await boxes(pane, "#issue-groups button.issue");
        expect(issues.length).toBeGreaterThan(3);
        issues.forEach((issue, index) => {
          expect(issue.width).toBeGreaterThan(issueList!.width * 0.9);
          if (index > 0) expect(issue.y).toBeGreaterThanOrEqual(issues[index - 1]!.y + issues[index - 1]!.height);
        });

        const [preview] = await boxes(pane, "#preview");
        const [bulletin] = await boxes(pane, "#bulletin");
        expect(bulletin!.width).toBeGreaterThan(preview!.width * 0.8);
        expect(await pane.locator("#bulletin p").count()).toBeGreaterThan(10);

        mkdirSync(join(rootDir, "test-output"), { recursive: true });
        await pane.screenshot({ path: join(rootDir, "test-output", "pane-legacy-trident-layout.png"), fullPage: true });
      } finally {
        await context.close();
      }
    },
    testTimeout,
  );
});
