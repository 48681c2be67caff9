/**
 * The built pane (dist/) in Debian's Chromium, served from loopback the way an intranet server would,
 * in preview mode: what people see and click, what reaches the clipboard and the network. Twice: as
 * modern hosts load it (the module bundle) and as Office 2016/2019's Internet Explorer 11 webview
 * would (the legacy ES5 bundle, forced, with the built-ins Trident lacks removed: support/trident.ts).
 */
import { afterEach, expect, test } from "@jest/globals";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator } from "playwright-core";
import { mastheadRed } from "../../src/core/bulletin/official-layout";
import { readDist, rootDir } from "../dist";
import { useBuiltPaneInChromium } from "../support/built-pane";
import { compoundFile } from "../support/file-formats";
import {
  bundleVariantPages,
  bundleVariants,
  clipboardContents,
  foreignRequests,
  issueButton,
  legacyPage,
  openPane,
  previewLines,
  runAction,
  sectionParagraphs,
  shownIssues,
  statusText,
  waitUntilIdle,
  type PaneSession,
} from "../support/pane-page";
import { referenceLines, referenceText } from "../support/sample";
import { chromium, describeWith } from "../support/tools";

const testTimeout = 60_000;
const outputDir = join(rootDir, "test-output");
const payload = "<img src=x onerror=alert(1)>";

const describeInChromium = describeWith(chromium);

/** The bold runs of bulletin-marked.txt, where **…** marks them. */
function markedBoldRuns(): string[] {
  return [...referenceText("bulletin-marked.txt").matchAll(/\*\*(.+?)\*\*/g)].map((match) => match[1]!);
}

describeInChromium.each(bundleVariants)("the built pane in Chromium, preview mode: $name", (variant) => {
  const pane = useBuiltPaneInChromium(() => bundleVariantPages(readDist("taskpane.html")));
  const sessions: PaneSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.context.close()));
  }, testTimeout);

  async function open(query = ""): Promise<PaneSession> {
    const session = await openPane(pane.browser(), pane.server().url, query, variant);
    sessions.push(session);
    return session;
  }

  test(
    "loads labelled 预览模式 with the sample's period",
    async () => {
      const { page, record } = await open();
      expect(await page.locator("#host-label").textContent()).toBe("预览模式");
      const period = await page
        .locator("#period-fields .period-row")
        .evaluateAll((rows) =>
          rows.map((row) => [row.querySelector("dt")?.textContent, row.querySelector("dd")?.textContent]),
        );
      expect(period).toEqual([
        ["专报名称", "汨罗市实施“开局八好”工作专报"],
        ["期号", "第2期"],
        ["统计期", "2026年1-3月"],
        ["印发日期", "2025年4月28日"],
      ]);
      expect(record.pageErrors).toEqual([]);
    },
    testTimeout,
  );

  test(
    "开始下一期 lists what it will change and changes nothing until 确定; then the pane shows 第3期",
    async () => {
      const { page, record } = await open();
      expect(await runAction(page, "开始下一期")).toBe("请核对下列改动，确认后点击“确定开始下一期”。");
      const card = page.locator("#next-period");
      expect(await card.isVisible()).toBe(true);
      expect(await page.locator("#next-period-heading").textContent()).toBe("第2期 → 第3期（2026年5月）");
      const lines = await page.locator("#next-period-lines li").allTextContents();
      expect(lines).toContain("专报设置：期号 2 → 3；统计月份 4 → 5；累计截止月份 3 → 4；清空印发日期。");
      expect(await page.locator("#next-period-replacing").isVisible()).toBe(false);
      expect(await page.locator("#period-fields dd").nth(1).textContent()).toBe("第2期");

      await page.getByRole("button", { name: "确定开始下一期", exact: true }).click();
      await waitUntilIdle(page);
      expect(await statusText(page)).toBe("已开始第3期（2026年5月）：第2期的数据已写入“历史数据”，请填报本期数据。");
      expect(await card.isVisible()).toBe(false);
      expect(await page.locator("#period-fields dd").nth(1).textContent()).toBe("第3期");
      expect(await page.locator("#period-fields dd").nth(3).textContent()).toBe("未填写");
      expect(record.pageErrors).toEqual([]);
    },
    testTimeout,
  );

  test(
    "生成专报 shows the seed's bulletin: 【主要指标】 as indicators-expected.txt, every line of bulletin-expected.txt in order",
    async () => {
      const { page, record } = await open();
      expect(await runAction(page, "生成专报")).toBe("专报已生成。");
      expect(await sectionParagraphs(page, "【主要指标】")).toEqual(referenceLines("indicators-expected.txt"));
      const shown = await previewLines(page);
      let from = 0;
      for (const line of referenceLines("bulletin-expected.txt")) {
        const at = shown.indexOf(line, from);
        expect({ line, found: at >= 0 }).toEqual({ line, found: true });
        from = at + 1;
      }
      expect(record.pageErrors).toEqual([]);
    },
    testTimeout,
  );

  test(
    "校验数据 on ?sample=bad lists the bad entries by sheet with their cells",
    async () => {
      const { page } = await open("?sample=bad");
      expect(await runAction(page, "校验数据")).toBe("校验完成：发现 4 个错误、1 个警告、0 个提示。");
      const groups = await shownIssues(page);
      expect(groups.map((group) => group.sheet)).toEqual(["专报设置", "产业发展", "城乡融合", "乡村振兴", "区域协同"]);
      const places = Object.fromEntries(
        groups.map((group) => [group.sheet, group.issues.map((issue) => `${issue.severity} ${issue.place}`)]),
      );
      expect(places).toEqual({
        专报设置: ["警告 B5"],
        产业发展: ["错误 C2"],
        城乡融合: ["错误 C2"],
        乡村振兴: ["错误 H2"],
        区域协同: ["错误 A3"],
      });
      const messages = groups.flatMap((group) => group.issues.map((issue) => issue.message)).join("\n");
      expect(messages).toContain("六十五亿");
      expect(messages).toContain("-462");
      expect(messages).toContain("{增幅预估}");
    },
    testTimeout,
  );

  test(
    "clicking an issue, or pressing Enter or Space on it, selects its cell",
    async () => {
      const { page } = await open("?sample=bad");
      await runAction(page, "校验数据");
      const selected = page.locator('#issue-groups button.issue[aria-current="true"]');
      expect(await selected.count()).toBe(0);

      const steps: [sheet: string, place: string, how: (button: Locator) => Promise<void>][] = [
        ["产业发展", "C2", (button) => button.click()],
        [
          "城乡融合",
          "C2",
          async (button) => {
            await button.focus();
            await page.keyboard.press("Enter");
          },
        ],
        [
          "乡村振兴",
          "H2",
          async (button) => {
            await button.focus();
            await page.keyboard.press(" ");
          },
        ],
      ];
      for (const [sheet, place, how] of steps) {
        const button = issueButton(page, sheet, place);
        await how(button);
        const confirmation = `已定位到“${sheet}”${place}。`;
        await page.locator("#activity-text", { hasText: confirmation }).waitFor();
        expect(await statusText(page)).toBe(confirmation);
        // The page keeps its MemoryWorkbook private; the pane's highlight is its view of the selection.
        expect(await selected.count()).toBe(1);
        expect(await button.getAttribute("aria-current")).toBe("true");
        expect(await page.locator("#failure").isHidden()).toBe(true);
      }
    },
    testTimeout,
  );

  test(
    "a script-like indicator name shows as text and runs nothing",
    async () => {
      const { page, record } = await open("?sample=bad");
      await runAction(page, "校验数据");
      await runAction(page, "生成专报");
      for (const area of ["#issue-groups", "#bulletin"]) {
        expect(await page.locator(`${area} img`).count()).toBe(0);
        const shown = page.locator(area).getByText(payload).first();
        expect(await shown.isVisible()).toBe(true);
        expect(await shown.textContent()).toContain(payload);
      }
      expect(record.dialogs).toEqual([]);
      expect(record.pageErrors).toEqual([]);
      // An <img src=x> that made it into the DOM would have asked the server for /x.
      expect(record.requests.filter((url) => new URL(url).pathname.endsWith("/x"))).toEqual([]);
    },
    testTimeout,
  );

  test(
    "复制到 Word puts the bulletin on the clipboard as styled HTML and as its plain text",
    async () => {
      const { page, record } = await open();
      await runAction(page, "生成专报");
      await page.getByRole("button", { name: "复制到 Word", exact: true }).click();
      // The copy is asynchronous: wait for its outcome, a new status or the failure bar.
      await page.waitForFunction(
        () =>
          !document.querySelector("#failure")?.hasAttribute("hidden") ||
          !document.querySelector("#activity-text")?.textContent?.startsWith("专报已生成"),
      );
      expect(await page.locator("#failure").isHidden()).toBe(true);

      const contents = await clipboardContents(page);
      expect(Object.keys(contents).sort()).toEqual(["text/html", "text/plain"]);
      if (variant.copiesSelection) {
        // The engine wrote the text from the selected rendering: the same lines, blank ones between.
        const lines = contents["text/plain"]!.split("\n").map((line) => line.trim());
        expect(lines.filter((line) => line !== "")).toEqual(referenceLines("bulletin-expected.txt"));
      } else {
        expect(contents["text/plain"]).toBe(referenceText("bulletin-expected.txt"));
      }

      const html = await page.evaluate((markup) => {
        const doc = new DOMParser().parseFromString(markup, "text/html");
        return {
          paragraphs: Array.from(doc.querySelectorAll("p")).map((p) => ({
            text: (p.textContent ?? "").trim(),
            style: p.getAttribute("style") ?? "",
          })),
          bold: Array.from(doc.querySelectorAll("strong")).map((strong) => strong.textContent ?? ""),
          scripts: doc.querySelectorAll("script, img").length,
        };
      }, contents["text/html"]!);
      const written = html.paragraphs.filter((paragraph) => paragraph.text !== "");
      expect(written.map((paragraph) => paragraph.text)).toEqual(referenceLines("bulletin-expected.txt"));
      // A copied selection carries the same styles as the engine serialises them: spaces, rgb() colours.
      for (const { text, style } of html.paragraphs) {
        expect({ text, style: style.replace(/\s+/g, "") }).toEqual({
          text,
          style: expect.stringMatching(/font-family:[^;]+;font-size:[\d.]+pt;line-height:[\d.]+pt/),
        });
      }
      const red = [0, 2, 4].map((at) => parseInt(mastheadRed.slice(at, at + 2), 16)).join(",");
      expect(written[0]!.style.replace(/\s+/g, "").toLowerCase()).toMatch(
        new RegExp(`color:(#${mastheadRed.toLowerCase()}|rgb\\(${red}\\))`),
      );
      expect(html.bold).toEqual(markedBoldRuns());
      expect(html.scripts).toBe(0);
      expect(record.pageErrors).toEqual([]);
    },
    testTimeout,
  );

  test(
    "下载 Word 文档 saves a .docx with the masthead, its code loaded from the local server, from its own bundle only (a modern page fetches nothing under legacy/)",
    async () => {
      const { page, record } = await open();
      await runAction(page, "生成专报");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "下载 Word 文档", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      mkdirSync(outputDir, { recursive: true });
      const saved = join(outputDir, variant.page === legacyPage ? "pane-legacy-download.docx" : "pane-download.docx");
      rmSync(saved, { force: true });
      await download.saveAs(saved);

      const bytes = readFileSync(saved);
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
      const zip = await JSZip.loadAsync(bytes);
      const documentXml = await zip.file("word/document.xml")?.async("string");
      expect(documentXml).toBeDefined();
      const text = [...documentXml!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("");
      for (const line of referenceLines("bulletin-expected.txt").slice(0, 4)) expect(text).toContain(line);

      // The docx code is a chunk of its own, fetched on demand: from the same server, and found.
      const scripts = record.requests.map((url) => new URL(url).pathname).filter((path) => path.endsWith(".js"));
      expect(scripts.filter((path) => path !== variant.bundle && !path.startsWith("/office-js/"))).not.toEqual([]);
      // Each engine fetches its own bundle's files only (and the rescue script, which every engine
      // runs): a modern host never downloads a legacy file.
      const own = (path: string) =>
        path.startsWith("/office-js/") ||
        path === "/taskpane-rescue.js" ||
        path.startsWith("/legacy/") === variant.bundle.startsWith("/legacy/");
      expect(scripts.filter((path) => !own(path))).toEqual([]);
      expect(foreignRequests(record, pane.server().url)).toEqual([]);
      expect(record.failedResponses).toEqual([]);
      expect(record.failedRequests).toEqual([]);
      expect(record.pageErrors).toEqual([]);
    },
    testTimeout,
  );

  test(
    "下载报送表 then 导入报送表 of that form, filled in: ExcelJS writes and reads it in the page",
    async () => {
      const { page, record } = await open();
      await page.locator("details.unit-form summary").click();
      await page.getByRole("checkbox", { name: "城乡融合", exact: true }).check();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "下载报送表", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      mkdirSync(outputDir, { recursive: true });
      const form = join(outputDir, `${variant.page === legacyPage ? "legacy-" : ""}unit-form.xlsx`);
      rmSync(form, { force: true });
      await download.saveAs(form);

      // The member unit fills its form (with ExcelJS here, as Excel or WPS would).
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(form);
      workbook.getWorksheet("城乡融合")!.getCell("C2").value = 500;
      await workbook.xlsx.writeFile(form);

      // A WPS .et beside it (a compound file with a Workbook stream) is named by its format.
      const et = join(outputDir, `${variant.page === legacyPage ? "legacy-" : ""}乡镇.et`);
      writeFileSync(et, compoundFile(["Workbook"]));
      await page.locator("#return-files").setInputFiles([form, et]);
      await page.locator("#merge:not([hidden])").waitFor();
      await waitUntilIdle(page);
      expect(await statusText(page)).toMatch(/^已读取报送表/);
      const values = await page.locator("#merge-body .merge-value").allTextContents();
      expect(values).toContain("500");
      expect(await page.locator("#merge-body .merge-rejected").allTextContents()).toEqual([
        expect.stringContaining("：这是 WPS 表格 .et 文件，请在 WPS 中“另存为”Excel 工作簿(*.xlsx)后再试"),
      ]);
      expect(record.pageErrors).toEqual([]);
      expect(record.failedResponses).toEqual([]);
    },
    testTimeout,
  );

  test(
    "every request goes to the local server and is answered",
    async () => {
      const { page, record } = await open("?sample=bad");
      await runAction(page, "校验数据");
      await issueButton(page, "城乡融合", "C2").click();
      await page.locator("#activity-text", { hasText: "已定位到" }).waitFor();
      await runAction(page, "生成专报");
      await runAction(page, "创建模板");

      const origin = pane.server().url;
      expect(foreignRequests(record, origin)).toEqual([]);
      expect(record.failedResponses).toEqual([]);
      expect(record.failedRequests).toEqual([]);
      // The page really came through the server: its HTML, its script and the bundled office.js.
      const paths = record.requests.map((url) => new URL(url).pathname);
      for (const path of [`/${variant.page}`, variant.bundle, "/office-js/office.js"]) {
        expect(paths).toContain(path);
        expect(pane.server().requests).toContain(path);
      }
      expect(record.pageErrors).toEqual([]);
    },
    testTimeout,
  );

  test(
    "a screenshot after 生成专报 is saved as test-output/pane-after-generate.png",
    async () => {
      const { page } = await open();
      await runAction(page, "生成专报");
      await page.locator("#bulletin .bulletin-masthead").waitFor();
      mkdirSync(outputDir, { recursive: true });
      const file = join(
        outputDir,
        variant.page === legacyPage ? "pane-legacy-after-generate.png" : "pane-after-generate.png",
      );
      rmSync(file, { force: true });
      await page.screenshot({ path: file, fullPage: true });

      const png = readFileSync(file);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // IHDR: width and height, big-endian, right after the signature and the chunk header.
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      expect(width).toBe(page.viewportSize()!.width);
      // The whole page with the bulletin is far taller than the viewport.
      expect(height).toBeGreaterThan(page.viewportSize()!.height);
      expect(png.length).toBeGreaterThan(50_000);
    },
    testTimeout,
  );
});
