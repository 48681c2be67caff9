/**
 * The whole bulletin as a document model: the 报头, the sections in their printed order, each
 * paragraph a list of text runs, and the optional 报尾. Every export (plain text, HTML, .docx) renders
 * this one model.
 */
import type { Analysis, IndicatorSection } from "./bulletin";
import type { BulletinFooter } from "../reading/bulletin-footer";
import { type BulletinSectionName, bulletinSectionNames, indicatorSectionName } from "../spec/layout";
import type { NarrativeEntry } from "../reading/narrative";
import { replaceControlCharacters } from "../wording/control-characters";
import { sectionOrdinal } from "../wording/paragraph";
import { type BulletinParagraph, markedText, plainText, type TextRun } from "../wording/text-runs";

export interface BulletinMasthead {
  /** 专报名称 */
  title: string;
  /** 第2期; "" while 期号 is missing. */
  issue: string;
  /** 编发单位 */
  publisher: string;
  /** 2025年4月28日; "" while 印发日期 is missing. */
  date: string;
}

export interface BulletinSection {
  name: BulletinSectionName;
  /** 【工作部署】 */
  heading: string;
  paragraphs: BulletinParagraph[];
}

export interface BulletinDocument {
  masthead: BulletinMasthead;
  /** Only the sections that have paragraphs, in the order of `bulletinSectionNames`. */
  sections: BulletinSection[];
  footer: BulletinFooter | null;
}

const bullet = "●";

/** （一）产业发展指标。 is the paragraph's run-in level-two heading; the rest is body text. */
function indicatorParagraph(section: IndicatorSection, index: number): BulletinParagraph {
  const lead = `${sectionOrdinal(index)}${section.title}。`;
  if (!section.text.startsWith(lead)) return [{ text: section.text, bold: false }];
  return [
    { text: lead, bold: false, subheading: true },
    { text: section.text.slice(lead.length), bold: false },
  ];
}

/** ●**标题**正文 for an entry with a 标题; its further paragraphs, and untitled entries, as written. */
function narrativeParagraphs(entry: NarrativeEntry): BulletinParagraph[] {
  return entry.paragraphs.map((runs, i): BulletinParagraph => {
    if (i > 0 || entry.title === "") return runs;
    const lead: TextRun[] = [
      { text: bullet, bold: false },
      { text: entry.title, bold: true },
    ];
    return [...lead, ...runs];
  });
}

export function bulletinDocument(analysis: Analysis): BulletinDocument {
  const { settings } = analysis;
  const masthead: BulletinMasthead = {
    title: settings.title,
    issue: settings.issueNumber === null ? "" : `第${settings.issueNumber}期`,
    publisher: settings.publisher,
    date: settings.issueDate === null ? "" : (settings.items.get("印发日期") ?? ""),
  };
  const sections = bulletinSectionNames
    .map((name): BulletinSection => {
      const paragraphs =
        name === indicatorSectionName
          ? analysis.sections.map(indicatorParagraph)
          : analysis.narrative.filter((entry) => entry.section === name).flatMap(narrativeParagraphs);
      return { name, heading: `【${name}】`, paragraphs };
    })
    .filter((section) => section.paragraphs.length > 0);
  return withoutControlCharacters({ masthead, sections, footer: analysis.footer });
}

function cleanFooter(footer: BulletinFooter): BulletinFooter {
  const clean = (text: string | null) => (text === null ? null : replaceControlCharacters(text));
  return { ...footer, submitTo: clean(footer.submitTo), copyTo: clean(footer.copyTo) };
}

/**
 * `doc` with every control character (ESC, CR, C1, bidi overrides…) replaced by U+FFFD: what a cell
 * holds never acts on the page, the document or the terminal the bulletin is shown in.
 */
export function withoutControlCharacters(doc: BulletinDocument): BulletinDocument {
  const { title, issue, publisher, date } = doc.masthead;
  return {
    masthead: {
      title: replaceControlCharacters(title),
      issue: replaceControlCharacters(issue),
      publisher: replaceControlCharacters(publisher),
      date: replaceControlCharacters(date),
    },
    sections: doc.sections.map((section) => ({
      ...section,
      paragraphs: section.paragraphs.map((runs) =>
        runs.map((run) => ({ ...run, text: replaceControlCharacters(run.text) })),
      ),
    })),
    footer: doc.footer ? cleanFooter(doc.footer) : null,
  };
}

/** The 报尾's lines: 报送：… 抄送：… （共印N份）. */
export function footerLines(footer: BulletinFooter): string[] {
  return [
    footer.submitTo === null ? null : `报送：${footer.submitTo}`,
    footer.copyTo === null ? null : `抄送：${footer.copyTo}`,
    footer.copies === null ? null : `（共印${footer.copies}份）`,
  ].filter((line): line is string => line !== null);
}

function documentLines(doc: BulletinDocument, paragraphText: (runs: BulletinParagraph) => string): string[] {
  const { title, issue, publisher, date } = doc.masthead;
  return [
    ...[title, issue, publisher, date].filter((line) => line !== ""),
    ...doc.sections.flatMap((section) => [section.heading, ...section.paragraphs.map(paragraphText)]),
    ...(doc.footer ? footerLines(doc.footer) : []),
  ];
}

/** One line per masthead field, heading and paragraph: the text for the clipboard and `--format text`. */
export function bulletinPlainText(doc: BulletinDocument): string {
  return `${documentLines(doc, plainText).join("\n")}\n`;
}

/** As `bulletinPlainText`, with bold runs marked **…**. */
export function bulletinMarkedText(doc: BulletinDocument): string {
  return `${documentLines(doc, markedText).join("\n")}\n`;
}
