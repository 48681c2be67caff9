import { describe, expect, test } from "@jest/globals";
import { bulletinHtml, bulletinHtmlPage, bulletinPlainText, escapeHtml, linePitchPoints } from "../../src/core";
import { hostileBulletin, markupPayload, quotedPayload, sampleBulletin, unescapeMarkup } from "../support/bulletin";
import { referenceLines } from "../support/sample";

/** Each <p>'s text, tags stripped and entities read, empty spacer lines left out. */
function paragraphTexts(html: string): string[] {
  return [...html.matchAll(/<p\b[^>]*>(.*?)<\/p>/g)]
    .map((match) => unescapeMarkup(match[1]!.replace(/<[^>]*>/g, "")))
    .filter((text) => text !== "");
}

/** The style attribute of the <p> whose text begins with `start`. */
function styleOf(html: string, start: string): string {
  const match = [...html.matchAll(/<p style="([^"]*)">(.*?)<\/p>/g)].find((m) =>
    m[2]!.replace(/<[^>]*>/g, "").startsWith(start),
  );
  if (!match) throw new Error(`no paragraph starting ${start}`);
  return match[1]!;
}

describe("the HTML export of the sample", () => {
  const html = bulletinHtml(sampleBulletin());

  test("holds every line of bulletin-expected.txt as a paragraph, in order", () => {
    expect(paragraphTexts(html)).toEqual(referenceLines("bulletin-expected.txt"));
  });

  test("sets body text in 3号仿宋 with exact 28.95pt lines and a two-character indent", () => {
    expect(linePitchPoints).toBe(28.95);
    const body = styleOf(html, "●惠民生增福祉专班部署。");
    expect(body).toContain("font-family:'仿宋_GB2312','仿宋',FangSong,STFangsong,serif");
    expect(body).toContain("font-size:16pt");
    expect(body).toContain("line-height:28.95pt");
    expect(body).toContain("mso-line-height-rule:exactly");
    expect(body).toContain("text-indent:2em");
  });

  test("sets headings in 黑体, the 主要指标 lead-ins in 楷体 and the lead-ins' bold as <strong>", () => {
    expect(styleOf(html, "【工作部署】")).toContain("font-family:'黑体',SimHei");
    expect(html).toContain(
      `<span style="font-family:'楷体_GB2312','楷体',KaiTi,STKaiti,serif">（一）产业发展指标。</span>`,
    );
    expect(html).toContain(`<strong style="font-weight:bold">惠民生增福祉专班部署。</strong>`);
    expect(html).toContain(`一是<strong style="font-weight:bold">精准防控守牢安全底线。</strong>紧盯`);
  });

  test("sets the masthead in red 小标宋 over a red rule", () => {
    const title = styleOf(html, "汨罗市实施“开局八好”工作专报");
    expect(title).toContain("font-family:'方正小标宋简体','小标宋'");
    expect(title).toContain("color:#FF0000");
    expect(title).toContain("text-align:center");
    expect(html).toContain("border-bottom:2.25pt solid #FF0000");
  });
});

describe("the HTML export of hostile text", () => {
  const doc = hostileBulletin();
  const html = bulletinHtml(doc);

  test("shows markup and quotes as characters, never as elements or broken attributes", () => {
    expect(html).not.toContain("<img");
    expect(html).toContain("正文&lt;img src=x onerror=alert(1)&gt;结束。");
    expect(html).toContain(escapeHtml(quotedPayload));
    expect(escapeHtml(quotedPayload)).toBe("“汨罗” &amp; &#39;single&#39; &quot;double&quot;");
    expect(html).toContain("抄送：&lt;img src=x onerror=alert(1)&gt;");
    expect(paragraphTexts(html)).toEqual(bulletinPlainText(doc).trimEnd().split("\n"));
    expect(paragraphTexts(html)).toContain(`抄送：${markupPayload}`);
  });

  test("wraps the fragment in a page with its charset and an escaped title", () => {
    const page = bulletinHtmlPage(doc);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">/);
    expect(page).toContain(html);
  });
});
