/**
 * A hostile return's control characters (a CR plus ESC[2K rewriting the check report on screen, bidi
 * overrides reordering a line) never reach a terminal, the pane, HTML or .docx raw, and the check
 * names each cell holding them.
 */
import { describe, expect, test } from "@jest/globals";
import { unzipSync, strFromU8 } from "fflate";
import {
  analyzeWorkbook,
  bulletinDocument,
  bulletinHtml,
  bulletinPlainText,
  escapeControlCharacters,
  hasControlCharacters,
  replaceControlCharacters,
} from "../../src/core";
import { renderBulletinDocx } from "../../src/files/export-docx";
import { withCells } from "../support/sample";

/** Every kind the issue names: ESC sequence, BEL, lone CR, C1 (CSI), DEL, bidi embedding/override/isolate. */
const hostile = ["\u001b[2K", "\u0007", "\r", "\u009b", "\u007f", "\u202a", "\u202e", "\u2066", "\u2069"];
// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const raw = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("the control-character functions", () => {
  test("escape each control character as \\uXXXX and keep tab, line feed and CRLF line ends", () => {
    expect(escapeControlCharacters("a\u001b[2Kb\rc\u202ed")).toBe("a\\u001b[2Kb\\u000dc\\u202ed");
    expect(escapeControlCharacters("\u0007\u007f\u0085\u2066")).toBe("\\u0007\\u007f\\u0085\\u2066");
    expect(escapeControlCharacters("一\t二\n三\r\n四")).toBe("一\t二\n三\r\n四");
  });

  test("replace them by U+FFFD for pages and documents", () => {
    for (const text of hostile) {
      expect(hasControlCharacters(`前${text}后`)).toBe(true);
      expect(raw.test(replaceControlCharacters(`前${text}后`))).toBe(false);
    }
    expect(replaceControlCharacters("未发现\u202e问题")).toBe("未发现\ufffd问题");
    expect(hasControlCharacters("城镇新增就业462人\n第二行\t")).toBe(false);
  });
});

describe("a workbook whose cells hold control characters", () => {
  // No "[": in a 表述模板 it opens an optional part.
  const template = "城镇新增就业\r\u001bM未发现问题\u0007{本期值}{单位}";
  const grids = () =>
    withCells([
      ["城乡融合", "H2", template],
      ["文字材料", "C2", `3月18日\u202e召开会议\u009b31m；\u2066完成\u2069。\u007f`],
    ]);

  test("the check warns for each such cell, naming the cell and the characters", () => {
    const issues = analyzeWorkbook(grids()).issues.filter((issue) => issue.code === "control-characters");
    expect(issues.map(({ severity, sheet, cell }) => ({ severity, sheet, cell }))).toEqual([
      { severity: "warning", sheet: "城乡融合", cell: "H2" },
      { severity: "warning", sheet: "文字材料", cell: "C2" },
    ]);
    expect(issues[0]!.message).toContain("单元格 H2 含有控制字符（\\u000d、\\u001b、\\u0007）");
    expect(issues[1]!.message).toContain("\\u202e");
    for (const issue of issues) expect(raw.test(issue.message)).toBe(false);
  });

  test("the bulletin's text, HTML and .docx carry none of them", async () => {
    const document = bulletinDocument(analyzeWorkbook(grids()));
    const text = bulletinPlainText(document);
    expect(text).toContain("城镇新增就业\ufffd\ufffdM未发现问题\ufffd462人");
    expect(text).toContain("3月18日\ufffd召开会议\ufffd31m；\ufffd完成\ufffd。\ufffd");
    expect(raw.test(text)).toBe(false);
    expect(raw.test(bulletinHtml(document))).toBe(false);
    const files = unzipSync(await renderBulletinDocx(document));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain("3月18日\ufffd召开会议");
    expect(raw.test(xml)).toBe(false);
  });

  test("the .docx export cleans a document model that did not come from bulletinDocument", async () => {
    const document = bulletinDocument(analyzeWorkbook(withCells([])));
    const hostileDoc = { ...document, masthead: { ...document.masthead, title: "专报\u001b[31m" } };
    const xml = strFromU8(unzipSync(await renderBulletinDocx(hostileDoc))["word/document.xml"]!);
    expect(xml).toContain("专报\ufffd[31m");
    expect(raw.test(xml)).toBe(false);
  });
});
