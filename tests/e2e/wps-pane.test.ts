/**
 * The built WPS add-in's pane (dist/wps/taskpane.html) in Debian's Chromium, with the strict ET
 * stand-in injected as window.Application, as WPS 表格 would host it: 创建模板 into an empty workbook,
 * the sample's figures typed in, 校验数据 listing what the CLI lists for the same cells, 生成专报 giving
 * the reference text — and check and generate writing nothing.
 */
import { afterEach, expect, test } from "@jest/globals";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kaijuBahao, workbookGrids, workbookSheetNames } from "../../src/core";
import { gridsToWorkbook } from "../../src/files/xlsx-write";
import { useBuiltPaneInChromium } from "../support/built-pane";
import { runCli } from "../support/cli";
import { fakeEtInitScript, type WindowWithEt } from "../support/fake-et-script";
import {
  openPane,
  previewLines,
  runAction,
  sectionParagraphs,
  shownIssues,
  statusText,
  waitUntilIdle,
  type PaneSession,
} from "../support/pane-page";
import { cachedSampleGrids, referenceLines } from "../support/sample";
import { chromium, describeWith } from "../support/tools";

const testTimeout = 90_000;
const severityWords: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

/** The sample's typed cells: what a person fills in (formula cells left to the template's formulas). */
function sampleFigures(): { name: string; values: unknown[][] }[] {
  return cachedSampleGrids().map((grid) => ({
    name: grid.name,
    values: grid.values.map((row) =>
      row.map((value) => (value !== null && typeof value === "object" && "formula" in value ? null : value)),
    ),
  }));
}

describeWith(chromium)("the built WPS pane in Chromium with the ET stand-in as window.Application", () => {
  const pane = useBuiltPaneInChromium();
  const sessions: PaneSession[] = [];
  const folders: string[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.context.close()));
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  }, testTimeout);

  test(
    "创建模板, fill the sample, 校验数据 as the CLI, 生成专报 as the reference, writing nothing but the template",
    async () => {
      const session = await openPane(pane.browser(), pane.server().url, "", {
        page: "wps/taskpane.html",
        initScript: fakeEtInitScript(),
      });
      sessions.push(session);
      const { page, record } = session;
      const et = () => page.evaluate(() => (window as unknown as WindowWithEt).__fakeEt.hostWrites);
      expect(await page.locator("#host-label").textContent()).toBe("WPS 表格");

      await runAction(page, "创建模板");
      const templateNames = workbookGrids(kaijuBahao, { sample: false, formulas: "plain" }).map((grid) => grid.name);
      expect(await page.evaluate(() => (window as unknown as WindowWithEt).__fakeEt.sheetNames())).toEqual([
        ...templateNames,
        "Sheet1",
      ]);

      // The sample's figures typed in, one of them as a colleague might type it wrongly.
      await page.evaluate((grids) => {
        const fake = (window as unknown as WindowWithEt).__fakeEt;
        for (const grid of grids) fake.type(grid.name, "A1", grid.values);
        fake.type("产业发展", "C2", [["六十五亿"]]);
      }, sampleFigures());
      const writesBefore = await et();

      await runAction(page, "校验数据");
      const shown = (await shownIssues(page)).flatMap((group) =>
        group.issues.map((issue) => `${group.sheet} ${issue.place.trim()} ${issue.severity}`),
      );
      const cells = await page.evaluate(() => (window as unknown as WindowWithEt).__fakeEt.grids());
      const folder = mkdtempSync(join(tmpdir(), "zhuanbao-wps-"));
      folders.push(folder);
      const file = join(folder, "wps.xlsx");
      const wanted = new Set(workbookSheetNames(kaijuBahao));
      const workbook = await gridsToWorkbook(cells.filter((grid) => wanted.has(grid.name)));
      await workbook.xlsx.writeFile(file);
      const cli = await runCli("check", file, "--format", "json");
      const cliIssues = (JSON.parse(cli.stdout) as { severity: string; sheet: string; cell: string | null }[]).map(
        (issue) => `${issue.sheet} ${issue.cell ?? ""} ${severityWords[issue.severity]}`.replace("  ", " "),
      );
      expect(shown).toEqual(cliIssues);
      expect(shown).toContain("产业发展 C2 错误");

      await page.evaluate(
        (value) => {
          (window as unknown as WindowWithEt).__fakeEt.type("产业发展", "C2", [[value]]);
        },
        sampleFigures().find((grid) => grid.name === "产业发展")!.values[1]![2],
      );
      await runAction(page, "生成专报");
      expect(await sectionParagraphs(page, "【主要指标】")).toEqual(referenceLines("indicators-expected.txt"));
      const lines = await previewLines(page);
      let from = 0;
      for (const line of referenceLines("bulletin-expected.txt")) {
        const at = lines.indexOf(line, from);
        expect({ line, found: at >= 0 }).toEqual({ line, found: true });
        from = at + 1;
      }

      expect(await et()).toBe(writesBefore);
      expect(record.pageErrors).toEqual([]);
      expect(record.failedResponses).toEqual([]);
      expect(record.requests.filter((url) => url.includes("office"))).toEqual([]);
    },
    testTimeout,
  );

  test(
    "下载报送表, the unit's figure typed in, 导入报送表 and 应用合并 write it into the WPS workbook",
    async () => {
      // The sample with 城乡融合's first figure not yet reported.
      const seeds = sampleFigures().map((grid) => ({
        name: grid.name,
        values: grid.values.map((row, r) =>
          row.map((value, c) => (grid.name === "城乡融合" && r === 1 && c === 2 ? null : value)),
        ) as (string | number | boolean | null)[][],
      }));
      const session = await openPane(pane.browser(), pane.server().url, "", {
        page: "wps/taskpane.html",
        initScript: fakeEtInitScript(seeds),
      });
      sessions.push(session);
      const { page, record } = session;

      await page.locator("details.unit-form summary").click();
      await page.getByRole("checkbox", { name: "城乡融合", exact: true }).check();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "下载报送表", exact: true }).click(),
      ]);
      const folder = mkdtempSync(join(tmpdir(), "zhuanbao-wps-"));
      folders.push(folder);
      const form = join(folder, "城乡融合.xlsx");
      await download.saveAs(form);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(form);
      workbook.getWorksheet("城乡融合")!.getCell("C2").value = 500;
      await workbook.xlsx.writeFile(form);

      await page.locator("#return-files").setInputFiles(form);
      await page.locator("#merge:not([hidden])").waitFor();
      await waitUntilIdle(page);
      await page.locator("#apply-merge").click();
      await page.locator("#merge-report:not([hidden])").waitFor();
      await waitUntilIdle(page);
      expect(await statusText(page)).toMatch(/^合并完成/);
      const cell = await page.evaluate(() => (window as unknown as WindowWithEt).__fakeEt.cell("城乡融合", "C2"));
      expect(cell).toMatchObject({ value: 500, formula: null });
      expect(record.pageErrors).toEqual([]);
      expect(record.failedResponses).toEqual([]);
    },
    testTimeout,
  );
});
