/**
 * The 趋势 card of the built pane in Chromium, preview mode (its sample carries made-up earlier periods:
 * src/taskpane/preview-history.ts), in both bundles: a line per indicator, drawn by a chunk loaded
 * when there are trends to draw; each chart one tab stop whose points the arrow keys walk, the focused
 * or hovered point's period and value shown; a hidden table as the text alternative. Then the layout
 * as Internet Explorer 11 would apply the stylesheet, and the screenshot for docs/使用说明.md
 * (test-output/pane-trends.png; docs/images/pane-trends.png is a copy of it).
 */
import { afterEach, expect, test } from "@jest/globals";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { readDist, rootDir } from "../dist";
import { useBuiltPaneInChromium } from "../support/built-pane";
import {
  bundleVariantPages,
  bundleVariants,
  legacyOnlyPage,
  openPane,
  runAction,
  type PaneSession,
} from "../support/pane-page";
import { chromium, describeWith } from "../support/tools";
import { tridentInitScript, tridentStyles, withStylesheet } from "../support/trident";

const testTimeout = 60_000;
const describeInChromium = describeWith(chromium);

const jobsPeriods = [
  ...[5, 6, 7, 8, 9, 10, 11, 12].map((month) => `2025年${month}月`),
  "2026年2月",
  "2026年3月",
  "2026年4月",
];

function trendOf(page: Page, name: string): Locator {
  return page.locator("#trends .trend").filter({ has: page.locator(".trend-name", { hasText: name }) });
}

/** The aria-label of the focused element. */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);
}

async function readout(trend: Locator): Promise<string> {
  return ((await trend.locator(".trend-readout").textContent()) ?? "").trim();
}

describeInChromium.each(bundleVariants)("the 趋势 card in Chromium: $name", (variant) => {
  const pane = useBuiltPaneInChromium(() => bundleVariantPages(readDist("taskpane.html")));
  const sessions: PaneSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.context.close()));
  }, testTimeout);

  async function checked(query = ""): Promise<PaneSession> {
    const session = await openPane(pane.browser(), pane.server().url, query, variant);
    sessions.push(session);
    await runAction(session.page, "校验数据");
    return session;
  }

  test(
    "after 校验数据, a line per indicator with history, its chunk loaded only then",
    async () => {
      const { page, record } = await openPane(pane.browser(), pane.server().url, "", variant);
      sessions.push({ page, record, context: page.context() });
      expect(await page.locator("#trends").isHidden()).toBe(true);
      expect(record.requests.filter((url) => url.includes("trend-view"))).toEqual([]);

      await runAction(page, "校验数据");
      const jobs = trendOf(page, "城镇新增就业");
      await jobs.waitFor();
      expect(record.requests.filter((url) => url.includes("trend-view"))).toHaveLength(1);
      expect(await page.locator("#trends .trend").count()).toBeGreaterThan(10);
      expect(await page.locator("#trends .trend-group-name").allTextContents()).toContain("城乡融合");

      expect(await readout(jobs)).toBe("2026年4月 462人");
      const points = jobs.locator(".trend-point");
      expect(await points.count()).toBe(jobsPeriods.length);
      const line = await jobs.locator("svg polyline").getAttribute("points");
      expect(line!.split(" ")).toHaveLength(jobsPeriods.length);
      // Each point sits on the line: the polyline's vertex, scaled to the chart's width.
      const chart = (await jobs.locator(".trend-chart").boundingBox())!;
      const vertices = line!.split(" ").map((pair) => pair.split(",").map(Number) as [number, number]);
      const boxes = await points.evaluateAll((marks) =>
        marks.map((mark) => {
          const box = mark.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }),
      );
      boxes.forEach((box, index) => {
        const [x, y] = vertices[index]!;
        expect(Math.abs(box.x - (chart.x + (x / 280) * chart.width))).toBeLessThan(1.5);
        expect(Math.abs(box.y - (chart.y + y))).toBeLessThan(1.5);
      });
      expect(record.pageErrors).toEqual([]);
    },
    testTimeout,
  );

  test(
    "keyboard: one tab stop per chart, the arrow keys, Home and End walk its points and show each value",
    async () => {
      const { page } = await checked();
      const jobs = trendOf(page, "城镇新增就业");
      await jobs.waitFor();
      const points = jobs.locator(".trend-point");
      const tabStops = await points.evaluateAll((marks) => marks.map((mark) => (mark as HTMLElement).tabIndex));
      expect(tabStops).toEqual([...jobsPeriods.map(() => -1).slice(1), 0]);

      // Tab into the chart from the control before it lands on its newest point.
      await jobs.locator(".trend-point").last().focus();
      expect(await focusedLabel(page)).toBe("城镇新增就业 2026年4月 462人");
      await page.keyboard.press("ArrowLeft");
      expect(await focusedLabel(page)).toMatch(/^城镇新增就业 2026年3月 \d+人$/);
      expect(await readout(jobs)).toMatch(/^2026年3月 \d+人$/);
      expect(await points.nth(jobsPeriods.length - 2).evaluate((mark) => mark.classList.contains("is-active"))).toBe(
        true,
      );
      await page.keyboard.press("Home");
      expect(await readout(jobs)).toMatch(/^2025年5月 \d+人$/);
      await page.keyboard.press("ArrowLeft");
      expect(await readout(jobs)).toMatch(/^2025年5月 /);
      await page.keyboard.press("End");
      expect(await readout(jobs)).toBe("2026年4月 462人");
      await page.keyboard.press("ArrowLeft");

      // Tab leaves the chart for the next one, and Shift+Tab comes back to the point last looked at.
      await page.keyboard.press("Tab");
      const next = await page.evaluate(
        () => document.activeElement?.closest(".trend")?.querySelector(".trend-name")?.textContent,
      );
      expect(next).not.toBe("城镇新增就业");
      await page.keyboard.press("Shift+Tab");
      expect(await focusedLabel(page)).toMatch(/^城镇新增就业 2026年3月 /);
      // Leaving the chart shows the newest figure again.
      await page.keyboard.press("Tab");
      expect(await readout(jobs)).toBe("2026年4月 462人");
    },
    testTimeout,
  );

  test(
    "hover shows a point's period and value, with its title as the browser's tooltip",
    async () => {
      const { page } = await checked();
      const jobs = trendOf(page, "城镇新增就业");
      await jobs.waitFor();
      const third = jobs.locator(".trend-point").nth(2);
      await third.hover();
      expect(await readout(jobs)).toMatch(/^2025年7月 \d+人$/);
      expect(await third.getAttribute("title")).toBe(await readout(jobs));
      await page.mouse.move(0, 0);
      expect(await readout(jobs)).toBe("2026年4月 462人");
    },
    testTimeout,
  );

  test(
    "the text alternative: a visually hidden table of every period and value per indicator",
    async () => {
      const { page } = await checked();
      const jobs = trendOf(page, "城镇新增就业");
      await jobs.waitFor();
      const table = jobs.locator("table");
      expect(await table.locator("caption").textContent()).toBe(`城镇新增就业近${jobsPeriods.length}期本期值`);
      const rows = await table
        .locator("tr")
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent)));
      expect(rows[0]).toEqual(["统计期", "本期值"]);
      expect(rows.slice(1).map((row) => row[0])).toEqual(jobsPeriods);
      expect(rows[rows.length - 1]).toEqual(["2026年4月", "462人"]);
      const box = (await jobs.locator(".visually-hidden").boundingBox())!;
      expect(box.width * box.height).toBeLessThanOrEqual(1);
      // The drawing and the readout are hidden from assistive technology: the table and the points say it.
      expect(await jobs.locator("svg").getAttribute("aria-hidden")).toBe("true");
      expect(await jobs.locator(".trend-readout").getAttribute("aria-hidden")).toBe("true");
    },
    testTimeout,
  );

  test(
    "a workbook without enough history says so instead of drawing",
    async () => {
      const { page, record } = await checked("?sample=bad");
      const trends = page.locator("#trends");
      if (await trends.isVisible()) {
        expect(await trends.locator(".trend").count()).toBe(0);
        expect(await trends.locator("#trend-groups").textContent()).toContain("三期以上");
      }
      expect(record.requests.filter((url) => url.includes("trend-view"))).toEqual([]);
    },
    testTimeout,
  );
});

describeWith(chromium)("the 趋势 card laid out as Trident would", () => {
  const page = "taskpane-trident.html";
  const stylesheet = "taskpane-trident.css";
  const built = useBuiltPaneInChromium(() => ({
    [`/${page}`]: withStylesheet(legacyOnlyPage(readDist("taskpane.html")), stylesheet),
    [`/${stylesheet}`]: tridentStyles(readDist("taskpane.css")),
  }));

  test(
    "each chart spans its card, its points inside it, name and value on one line",
    async () => {
      const { page: pane, context } = await openPane(built.browser(), built.server().url, "", {
        page,
        initScript: tridentInitScript,
      });
      try {
        await runAction(pane, "校验数据");
        const jobs = trendOf(pane, "城镇新增就业");
        await jobs.waitFor();
        const card = (await pane.locator("#trends").boundingBox())!;
        const chart = (await jobs.locator(".trend-chart").boundingBox())!;
        expect(chart.width).toBeGreaterThan(card.width * 0.8);
        expect(chart.height).toBe(64);
        for (const point of await jobs.locator(".trend-point").all()) {
          const box = (await point.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(chart.x - 1);
          expect(box.x + box.width).toBeLessThanOrEqual(chart.x + chart.width + 1);
          expect(box.y).toBeGreaterThanOrEqual(chart.y - 1);
          expect(box.y + box.height).toBeLessThanOrEqual(chart.y + chart.height + 1);
        }
        const name = (await jobs.locator(".trend-name").boundingBox())!;
        const value = (await jobs.locator(".trend-readout").boundingBox())!;
        expect(Math.abs(name.y - value.y)).toBeLessThan(4);
        expect(value.x).toBeGreaterThan(name.x + name.width);
      } finally {
        await context.close();
      }
    },
    testTimeout,
  );
});

describeWith(chromium)("the 趋势 screenshot for docs/使用说明.md", () => {
  const built = useBuiltPaneInChromium();

  test(
    "the card after 校验数据, a point focused by keyboard",
    async () => {
      const { page, context } = await openPane(built.browser(), built.server().url);
      try {
        await runAction(page, "校验数据");
        const jobs = trendOf(page, "城镇新增就业");
        await jobs.waitFor();
        // The first category's charts with the card's head, a point of the second chart focused.
        const first = page.locator("#trends .trend").nth(1);
        await first.locator(".trend-point").last().focus();
        await page.keyboard.press("ArrowLeft");
        await page.keyboard.press("ArrowLeft");
        await page.locator("#trends").evaluate((card) => {
          card.scrollIntoView(true);
          window.scrollBy(0, -8);
        });
        mkdirSync(join(rootDir, "test-output"), { recursive: true });
        await page.screenshot({
          path: join(rootDir, "test-output", "pane-trends.png"),
          clip: { x: 0, y: 0, width: 400, height: 560 },
        });
      } finally {
        await context.close();
      }
    },
    testTimeout,
  );
});
