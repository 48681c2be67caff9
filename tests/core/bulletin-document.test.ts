import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  analyzeWorkbook,
  bulletinDocument,
  bulletinMarkedText,
  bulletinPlainText,
  kaijuBahao,
  parseMarkedText,
  workbookGrids,
  type SheetGrid,
} from "../../src/core";
import { referenceDir, referenceLines, setCell } from "../support/sample";

const sample = (): SheetGrid[] => workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
const reference = (file: string) => readFileSync(join(referenceDir, file), "utf8");

/** The sample with rows appended to 文字材料 (栏目, 标题, 正文, 纳入专报). */
function withNarrativeRows(rows: unknown[][]): SheetGrid[] {
  const grids = sample();
  const sheet = grids.find((grid) => grid.name === "文字材料")!;
  (sheet.values as unknown[][]).push(...rows);
  return grids;
}

describe("the whole bulletin of the 开局八好 sample", () => {
  const analysis = analyzeWorkbook(sample());
  const doc = bulletinDocument(analysis);

  test("reads as bulletin-expected.txt, character for character", () => {
    expect(bulletinPlainText(doc)).toBe(reference("bulletin-expected.txt"));
  });

  test("with its bold lead-ins marked, reads as bulletin-marked.txt", () => {
    expect(bulletinMarkedText(doc)).toBe(reference("bulletin-marked.txt"));
  });

  test("raises no issue beyond the seed's date/year discrepancy", () => {
    expect(analysis.issues.map((issue) => issue.code)).toEqual(["date-year-mismatch"]);
  });

  test("has the masthead and the five sections in the bulletin's order", () => {
    expect(doc.masthead).toEqual({
      title: "汨罗市实施“开局八好”工作专报",
      issue: "第2期",
      publisher: "汨罗市实施“开局八好”综合协调组",
      date: "2025年4月28日",
    });
    expect(doc.sections.map((section) => section.heading)).toEqual([
      "【工作部署】",
      "【主要指标】",
      "【重点任务】",
      "【突出问题】",
      "【特色亮点】",
    ]);
    expect(doc.footer).toBeNull();
  });

  test("marks each 主要指标 paragraph's （一）… lead-in as a level-two heading", () => {
    const indicators = doc.sections.find((section) => section.name === "主要指标")!;
    expect(indicators.paragraphs[0]![0]).toEqual({ text: "（一）产业发展指标。", bold: false, subheading: true });
    expect(indicators.paragraphs.map((runs) => runs.map((run) => run.text).join(""))).toEqual(
      referenceLines("indicators-expected.txt"),
    );
  });
});

describe("a workbook without 文字材料", () => {
  const grids = sample().filter((grid) => grid.name !== "文字材料");
  const analysis = analyzeWorkbook(grids);

  test("still gives 主要指标, with no error", () => {
    expect(analysis.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(bulletinPlainText(bulletinDocument(analysis))).toBe(
      [
        ...referenceLines("bulletin-expected.txt").slice(0, 4),
        "【主要指标】",
        ...referenceLines("indicators-expected.txt"),
      ]
        .map((line) => `${line}\n`)
        .join(""),
    );
  });
});

describe("reading 文字材料", () => {
  test("finds its columns by header text, wherever they are", () => {
    const grids = sample();
    const sheet = grids.find((grid) => grid.name === "文字材料")!;
    const reordered = {
      ...sheet,
      values: sheet.values.map((row) => [row[3], "", row[2], row[0], row[1]]),
      originRow: 2,
      originColumn: 1,
    };
    const analysis = analyzeWorkbook(grids.map((grid) => (grid === sheet ? reordered : grid)));
    expect(bulletinMarkedText(bulletinDocument(analysis))).toBe(reference("bulletin-marked.txt"));
  });

  test("warns about an unknown 栏目, naming the cell, and leaves the row out", () => {
    const analysis = analyzeWorkbook(withNarrativeRows([["工作总结", "", "本月工作总结。", "是"]]));
    expect(analysis.issues).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        sheet: "文字材料",
        cell: "A21",
        code: "narrative-section-unknown",
        message: expect.stringContaining("工作总结"),
      }),
    );
    expect(bulletinPlainText(bulletinDocument(analysis))).not.toContain("本月工作总结");
  });

  test("warns about an unbalanced ** and prints no stray asterisks", () => {
    const analysis = analyzeWorkbook(withNarrativeRows([["重点任务", "", "一是**压实责任。推进落实。", "是"]]));
    expect(analysis.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", cell: "C21", code: "bold-mark-unbalanced" }),
    );
    const text = bulletinPlainText(bulletinDocument(analysis));
    expect(text).toContain("一是压实责任。推进落实。\n【突出问题】");
    expect(text).not.toContain("*");
  });

  test("skips an empty 正文 with an info, and a row marked 否 silently", () => {
    const analysis = analyzeWorkbook(
      withNarrativeRows([
        ["特色亮点", "无正文的标题", "", "是"],
        ["特色亮点", "不纳入的亮点", "正文。", "否"],
      ]),
    );
    expect(analysis.issues).toContainEqual(
      expect.objectContaining({ severity: "info", cell: "C21", code: "narrative-body-empty" }),
    );
    expect(analysis.issues.filter((issue) => issue.sheet === "文字材料")).toHaveLength(1);
    const text = bulletinPlainText(bulletinDocument(analysis));
    expect(text).not.toContain("无正文的标题");
    expect(text).not.toContain("不纳入的亮点");
  });

  test("gives a titled row the ● and a bold lead-in closed by 。, and splits lines into paragraphs", () => {
    const analysis = analyzeWorkbook(
      withNarrativeRows([["【工作部署】", "**专项调度**", "召开调度会1次。\n  二是**跟踪问效。**每周通报。", ""]]),
    );
    const deployment = bulletinDocument(analysis).sections[0]!;
    expect(deployment.paragraphs.slice(-2)).toEqual([
      [
        { text: "●", bold: false },
        { text: "专项调度。", bold: true },
        { text: "召开调度会1次。", bold: false },
      ],
      [
        { text: "二是", bold: false },
        { text: "跟踪问效。", bold: true },
        { text: "每周通报。", bold: false },
      ],
    ]);
  });

  test("warns about a 纳入专报 that is neither 是 nor 否 and includes the row", () => {
    const analysis = analyzeWorkbook(withNarrativeRows([["突出问题", "", "七是其他问题。", "可能"]]));
    expect(analysis.issues).toContainEqual(expect.objectContaining({ cell: "D21", code: "include-invalid" }));
    expect(bulletinPlainText(bulletinDocument(analysis))).toContain("七是其他问题。\n【特色亮点】");
  });

  test("warns when the header has no 正文 column", () => {
    const grids = sample();
    const sheet = grids.find((grid) => grid.name === "文字材料")!;
    setCell(grids, "文字材料", "C1", "内容");
    const analysis = analyzeWorkbook(grids);
    expect(analysis.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", sheet: sheet.name, code: "missing-column" }),
    );
    expect(bulletinDocument(analysis).sections.map((section) => section.name)).toEqual(["主要指标"]);
  });
});

describe("the 报尾", () => {
  test("comes from 报送, 抄送 and 印发份数 when filled", () => {
    const grids = sample();
    const settings = grids.find((grid) => grid.name === "专报设置")!;
    const row = (key: string) => settings.values.findIndex((r) => r[0] === key) + 1;
    setCell(grids, "专报设置", `B${row("报送")}`, "市委、市政府");
    setCell(grids, "专报设置", `B${row("印发份数")}`, "30份");
    const doc = bulletinDocument(analyzeWorkbook(grids));
    expect(doc.footer).toEqual({ submitTo: "市委、市政府", copyTo: null, copies: 30 });
    expect(bulletinPlainText(doc).endsWith("\n报送：市委、市政府\n（共印30份）\n")).toBe(true);
  });

  test("warns about a 印发份数 that is not a whole number", () => {
    const grids = sample();
    const settings = grids.find((grid) => grid.name === "专报设置")!;
    const address = `B${settings.values.findIndex((r) => r[0] === "印发份数") + 1}`;
    setCell(grids, "专报设置", address, "三十");
    const analysis = analyzeWorkbook(grids);
    expect(analysis.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", sheet: "专报设置", cell: address, code: "setting-invalid" }),
    );
    expect(analysis.footer).toBeNull();
  });
});

describe("**…** bold marks", () => {
  test("split text into plain and bold runs", () => {
    expect(parseMarkedText("一是**精准防控。**紧盯**重点**区域")).toEqual({
      balanced: true,
      runs: [
        { text: "一是", bold: false },
        { text: "精准防控。", bold: true },
        { text: "紧盯", bold: false },
        { text: "重点", bold: true },
        { text: "区域", bold: false },
      ],
    });
  });

  test("drop an unpartnered final mark and keep the text after it plain", () => {
    expect(parseMarkedText("**甲**乙**丙")).toEqual({
      balanced: false,
      runs: [
        { text: "甲", bold: true },
        { text: "乙丙", bold: false },
      ],
    });
  });
});
