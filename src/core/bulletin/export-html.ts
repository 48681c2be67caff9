/**
 * The bulletin as HTML with Word-compatible inline styles, for the clipboard (text/html) and for
 * `--format html`: pasted into Word or WPS it keeps the official fonts, sizes and exact line spacing.
 * Styles are inline because Word's paste drops style sheets.
 */
import { type BulletinDocument, footerLines } from "./bulletin-document";
import {
  bulletinTypography,
  firstLineIndentCharacters,
  footerRuleWidth,
  mastheadRed,
  mastheadRuleWidth,
  officialPage,
  typefaces,
  type ParagraphKind,
  type Typeface,
} from "./official-layout";
import { replaceControlCharacters } from "../wording/control-characters";
import type { BulletinParagraph } from "../wording/text-runs";

const htmlEscapes: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Markup characters as entities, control characters as U+FFFD. */
export function escapeHtml(text: string): string {
  return replaceControlCharacters(text).replace(/[&<>"']/g, (character) => htmlEscapes[character]!);
}

/** Names other than plain Latin ones in single quotes: the style attribute itself is double-quoted. */
function fontFamily(typeface: Typeface): string {
  return typefaces[typeface].map((name) => (/^[A-Za-z-]+$/.test(name) ? name : `'${name}'`)).join(",");
}

/** Points with at most two decimals: 28.95pt, 57.9pt. */
function pt(points: number): string {
  return `${Number(points.toFixed(2))}pt`;
}

function css(declarations: readonly (string | null)[]): string {
  return declarations.filter((declaration) => declaration !== null).join(";");
}

interface BlockOptions {
  align?: "left" | "center" | "right" | "justify";
  indent?: boolean;
  color?: string;
  extra?: readonly string[];
}

/** A block's style; mso-line-height-rule makes Word read line-height as exact, not "at least". */
function blockStyle(kind: ParagraphKind, options: BlockOptions = {}): string {
  const style = bulletinTypography[kind];
  return css([
    "margin:0",
    `text-align:${options.align ?? "justify"}`,
    options.indent ? `text-indent:${firstLineIndentCharacters}em` : null,
    `font-family:${fontFamily(style.typeface)}`,
    `font-size:${pt(style.size)}`,
    `line-height:${pt(style.lineHeight)}`,
    "mso-line-height-rule:exactly",
    options.color ? `color:#${options.color}` : null,
    ...(options.extra ?? []),
  ]);
}

const boldStyle = "font-weight:bold";
const subheadingStyle = `font-family:${fontFamily("subheading")}`;

function runsHtml(runs: BulletinParagraph): string {
  return runs
    .map((run) => {
      const text = escapeHtml(run.text);
      const inner = run.subheading ? `<span style="${subheadingStyle}">${text}</span>` : text;
      return run.bold ? `<strong style="${boldStyle}">${inner}</strong>` : inner;
    })
    .join("");
}

function paragraph(kind: ParagraphKind, content: string, options: BlockOptions = {}): string {
  return `<p style="${blockStyle(kind, options)}">${content}</p>`;
}

/** 编发单位 flush left and 印发日期 flush right above the red rule: a borderless one-row table. */
function mastheadRule(publisher: string, date: string): string {
  const rule = `border:none;border-bottom:${pt(mastheadRuleWidth)} solid #${mastheadRed};padding:0`;
  const cell = (text: string, align: "left" | "right") =>
    `<td style="${css([rule, `width:50%`])}">${paragraph("mastheadLine", escapeHtml(text), { align })}</td>`;
  return (
    `<table style="width:100%;border-collapse:collapse;border:none">` +
    `<tr>${cell(publisher, "left")}${cell(date, "right")}</tr></table>`
  );
}

const emptyLine = paragraph("body", "&nbsp;");

/** The bulletin as an HTML fragment: a div of paragraphs with inline styles, every text escaped. */
export function bulletinHtml(doc: BulletinDocument): string {
  const { masthead, sections, footer } = doc;
  const blocks: string[] = [
    paragraph("mastheadTitle", escapeHtml(masthead.title), { align: "center", color: mastheadRed }),
    paragraph("mastheadLine", escapeHtml(masthead.issue), { align: "center" }),
    mastheadRule(masthead.publisher, masthead.date),
    emptyLine,
  ];
  for (const section of sections) {
    blocks.push(paragraph("heading", escapeHtml(section.heading), { indent: true }));
    for (const runs of section.paragraphs) blocks.push(paragraph("body", runsHtml(runs), { indent: true }));
  }
  if (footer) {
    const lines = footerLines(footer);
    const rule = `${pt(footerRuleWidth)} solid #000000`;
    blocks.push(emptyLine);
    lines.forEach((line, i) => {
      const borders = [
        i === 0 ? `border-top:${rule}` : null,
        i === lines.length - 1 ? `border-bottom:${rule}` : null,
      ].filter((border): border is string => border !== null);
      blocks.push(paragraph("footer", escapeHtml(line), { align: "left", extra: ["padding:0 1em", ...borders] }));
    });
  }
  return `<div style="max-width:${officialPage.widthMm - officialPage.marginsMm.left - officialPage.marginsMm.right}mm">${blocks.join("")}</div>`;
}

/** A standalone page around `bulletinHtml`, for a file opened in a browser, Word or WPS. */
export function bulletinHtmlPage(doc: BulletinDocument): string {
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.masthead.title)}</title></head>` +
    `<body>${bulletinHtml(doc)}</body></html>\n`
  );
}
