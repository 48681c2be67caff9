import { beforeAll, describe, expect, test } from "@jest/globals";
import JSZip from "jszip";
import { bulletinPlainText, characterSpace, linePitchTwips } from "../../src/core";
import { renderBulletinDocx } from "../../src/files/export-docx";
import { hostileBulletin, markupPayload, sampleBulletin, unescapeMarkup } from "../support/bulletin";
import { referenceLines } from "../support/sample";

interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  relationships: string;
  footers: Map<string, string>;
}

async function unpack(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (path: string) => zip.file(path)!.async("string");
  const footers = new Map<string, string>();
  for (const path of Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name)))
    footers.set(path.replace(/^word\//, ""), await read(path));
  return {
    document: await read("word/document.xml"),
    styles: await read("word/styles.xml"),
    settings: await read("word/settings.xml"),
    relationships: await read("word/_rels/document.xml.rels"),
    footers,
  };
}

/** The attributes of the first element named `name`. */
function attributes(xml: string, name: string): Record<string, string> {
  const element = new RegExp(`<${name}\\b([^>]*)/?>`).exec(xml);
  if (!element) throw new Error(`no <${name}>`);
  return Object.fromEntries([...element[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>.*?<\/w:p>/gs)].map((m) => m[0]);
}

/** A paragraph's text: its runs' w:t joined, a w:tab as "\t". */
function paragraphText(paragraph: string): string {
  return [...paragraph.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)]
    .map((m) => (m[0] === "<w:tab/>" ? "\t" : unescapeMarkup(m[1]!)))
    .join("");
}

/** The footer part a section's w:footerReference of `type` points at. */
function footerOf(parts: DocxParts, type: "default" | "even"): string {
  const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(parts.document)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    parts.relationships,
  );
  const footer = parts.footers.get(target![1] ?? target![2]!);
  if (!footer) throw new Error(`no footer ${type}`);
  return footer;
}

describe("the .docx of the sample", () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await unpack(await renderBulletinDocx(sampleBulletin()));
  });

  test("is A4 with GB/T 9704 margins: a 156 × 225 mm type area", () => {
    expect(attributes(parts.document, "w:pgSz")).toMatchObject({ "w:w": "11906", "w:h": "16838" });
    expect(attributes(parts.document, "w:pgMar")).toMatchObject({
      "w:top": "2098",
      "w:bottom": "1984",
      "w:left": "1587",
      "w:right": "1474",
    });
  });

  test("has a 22-line × 28-character document grid", () => {
    expect(linePitchTwips).toBe(579);
    expect(characterSpace).toBe(-842);
    expect(attributes(parts.document, "w:docGrid")).toEqual({
      "w:type": "linesAndChars",
      "w:linePitch": "579",
      "w:charSpace": "-842",
    });
    // The character pitch is relative to Normal's size, which must be 三号 itself.
    expect(parts.styles).toMatch(/w:styleId="Normal".*?<w:sz w:val="32"\/>.*?<\/w:style>/s);
  });

  test("spaces every paragraph exactly, never with Word's ignored 'exactly'", () => {
    const bodyParagraphs = paragraphs(parts.document);
    for (const paragraph of bodyParagraphs) expect(paragraph).toMatch(/w:lineRule="exact"/);
    expect(bodyParagraphs.filter((p) => /w:line="579"/.test(p)).length).toBeGreaterThan(30);
    expect(parts.document + [...parts.footers.values()].join("")).not.toContain('"exactly"');
  });

  test("sets East Asian fonts: 仿宋_GB2312 body, 黑体 headings, 楷体_GB2312 lead-ins, red 方正小标宋简体 title", () => {
    const runOf = (text: string) => {
      const run = [...parts.document.matchAll(/<w:r>.*?<\/w:r>/gs)].map((m) => m[0]).find((r) => r.includes(text));
      if (!run) throw new Error(`no run with ${text}`);
      return run;
    };
    expect(runOf("3月18日组织")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runOf("3月18日组织")).toContain('<w:sz w:val="32"/>');
    expect(runOf("【工作部署】")).toContain('w:eastAsia="黑体"');
    expect(runOf("（一）产业发展指标。")).toContain('w:eastAsia="楷体_GB2312"');
    const title = runOf("汨罗市实施“开局八好”工作专报");
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:color w:val="FF0000"/>');
  });

  test("draws the red rule under the masthead as a bottom border", () => {
    const rule = paragraphs(parts.document).find((p) => p.includes("综合协调组"))!;
    expect(attributes(rule, "w:bottom")).toMatchObject({ "w:val": "single", "w:color": "FF0000", "w:sz": "18" });
    expect(paragraphText(rule)).toBe("汨罗市实施“开局八好”综合协调组\t2025年4月28日");
  });

  test("indents body paragraphs and headings by two characters", () => {
    const body = paragraphs(parts.document).find((p) => p.includes("（二）城乡融合指标。"))!;
    expect(attributes(body, "w:ind")).toMatchObject({ "w:firstLineChars": "200", "w:firstLine": "640" });
  });

  test("keeps the bold lead-ins bold and the rest not", () => {
    const boldTexts = [...parts.document.matchAll(/<w:r>(?:(?!<\/w:r>).)*<w:b\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map(
      (m) => m[1],
    );
    expect(boldTexts).toContain("惠民生增福祉专班部署。");
    expect(boldTexts).toContain("精准防控守牢安全底线。");
    expect(boldTexts).toContain("政策引领强动力");
    expect(boldTexts).not.toContain("●");
    expect(boldTexts).toHaveLength((referenceLines("bulletin-marked.txt").join("").match(/\*\*/g) ?? []).length / 2);
  });

  test("numbers pages — 1 — in 4号宋体, right on odd pages and left on even", () => {
    expect(parts.settings).toContain("<w:evenAndOddHeaders/>");
    const odd = footerOf(parts, "default");
    const even = footerOf(parts, "even");
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(paragraphText(footer)).toBe("—  —");
    }
    expect(attributes(odd, "w:jc")["w:val"]).toBe("right");
    expect(attributes(odd, "w:ind")).toEqual({ "w:right": "280" });
    expect(attributes(even, "w:jc")["w:val"]).toBe("left");
    expect(attributes(even, "w:ind")).toEqual({ "w:left": "280" });
  });

  test("holds every line of bulletin-expected.txt, in order", () => {
    const texts = paragraphs(parts.document)
      .map(paragraphText)
      .flatMap((text) => text.split("\t"))
      .filter((text) => text !== "");
    expect(texts).toEqual(referenceLines("bulletin-expected.txt"));
  });
});

describe("the .docx of hostile text", () => {
  test("holds markup as escaped text, and the 报尾 between black rules", async () => {
    const doc = hostileBulletin();
    const parts = await unpack(await renderBulletinDocx(doc));
    expect(parts.document).not.toContain("<img");
    expect(parts.document).toContain("正文&lt;img src=x onerror=alert(1)&gt;结束。");
    const texts = paragraphs(parts.document)
      .map(paragraphText)
      .flatMap((text) => text.split("\t"))
      .filter((text) => text !== "");
    expect(texts).toEqual(bulletinPlainText(doc).trimEnd().split("\n"));
    const footer = paragraphs(parts.document).filter((p) => /抄送：|共印/.test(p));
    expect(paragraphText(footer[0]!)).toBe(`抄送：${markupPayload}`);
    expect(attributes(footer[0]!, "w:top")).toMatchObject({ "w:color": "000000" });
    expect(attributes(footer[1]!, "w:bottom")).toMatchObject({ "w:color": "000000" });
  });
});
