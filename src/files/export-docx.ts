/**
 * The bulletin as a .docx in the official layout (GB/T 9704-2012): A4, 156 × 225 mm type area, a
 * 22 × 28 document grid, exact line spacing, East Asian fonts, the red 报头 with its rule, and page
 * numbers "— 1 —" right on odd and left on even pages. Kept apart from the rest of core because the
 * `docx` package is large: callers load this module only when a .docx is asked for.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun as DocxRun,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import { type BulletinDocument, footerLines, withoutControlCharacters } from "../core/bulletin";
import {
  bulletinTypography,
  characterSpace,
  firstLineIndentCharacters,
  footerDistanceTwips,
  footerRuleWidth,
  linePitchTwips,
  mastheadRed,
  mastheadRuleWidth,
  pageTwips,
  typefaces,
  type ParagraphKind,
  type Typeface,
} from "../core/bulletin";
import type { BulletinParagraph } from "../core/wording";

const twipsPerPoint = 20;
/** docx sizes fonts in half-points and borders in eighths of a point. */
const halfPoints = (points: number) => Math.round(points * 2);
const eighthPoints = (points: number) => Math.round(points * 8);

/** One font for every script, so digits and Latin letters match the Chinese around them. */
function font(typeface: Typeface): IRunOptions["font"] {
  const name = typefaces[typeface][0];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function runStyle(kind: ParagraphKind): Pick<IRunOptions, "font" | "size"> {
  const style = bulletinTypography[kind];
  return { font: font(style.typeface), size: halfPoints(style.size) };
}

function exactSpacing(kind: ParagraphKind): IParagraphOptions["spacing"] {
  return {
    line: Math.round(bulletinTypography[kind].lineHeight * twipsPerPoint),
    lineRule: LineRuleType.EXACT,
    before: 0,
    after: 0,
  };
}

/** firstLineChars for Word and WPS; firstLine in twips for readers that ignore character units. */
function firstLineIndent(kind: ParagraphKind): IParagraphOptions["indent"] {
  return {
    firstLineChars: firstLineIndentCharacters * 100,
    firstLine: firstLineIndentCharacters * bulletinTypography[kind].size * twipsPerPoint,
  };
}

function bodyRuns(runs: BulletinParagraph): DocxRun[] {
  return runs.map(
    (run) =>
      new DocxRun({
        text: run.text,
        bold: run.bold,
        ...runStyle("body"),
        ...(run.subheading ? { font: font("subheading") } : {}),
      }),
  );
}

function textParagraph(kind: ParagraphKind, text: string, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    spacing: exactSpacing(kind),
    ...options,
    children: [new DocxRun({ text, ...runStyle(kind), ...options.run })],
  });
}

function border(points: number, color: string): IBorderOptions {
  return { style: BorderStyle.SINGLE, size: eighthPoints(points), color, space: 4 };
}

/**
 * The 报头 keeps off the character grid (snapToGrid off, as Word's own 公文 templates do), so the large
 * title keeps its natural width instead of taking whole grid cells per character.
 */
function masthead(doc: BulletinDocument): Paragraph[] {
  const { title, issue, publisher, date } = doc.masthead;
  const typeAreaWidth = pageTwips.width - pageTwips.left - pageTwips.right;
  const offGrid = { snapToGrid: false } as const;
  return [
    textParagraph("mastheadTitle", title, {
      alignment: AlignmentType.CENTER,
      run: { color: mastheadRed, ...offGrid },
    }),
    textParagraph("mastheadLine", issue, { alignment: AlignmentType.CENTER }),
    // 编发单位 flush left, 印发日期 flush right on a right tab, the red rule as the bottom border.
    new Paragraph({
      spacing: { ...exactSpacing("mastheadLine"), after: linePitchTwips },
      tabStops: [{ type: TabStopType.RIGHT, position: typeAreaWidth }],
      border: { bottom: border(mastheadRuleWidth, mastheadRed) },
      children: [
        new DocxRun({ text: publisher, ...runStyle("mastheadLine"), ...offGrid }),
        new DocxRun({ children: [new Tab(), date], ...runStyle("mastheadLine"), ...offGrid }),
      ],
    }),
  ];
}

function sectionParagraphs(doc: BulletinDocument): Paragraph[] {
  return doc.sections.flatMap((section) => [
    textParagraph("heading", section.heading, { indent: firstLineIndent("heading") }),
    ...section.paragraphs.map(
      (runs) =>
        new Paragraph({
          spacing: exactSpacing("body"),
          indent: firstLineIndent("body"),
          alignment: AlignmentType.JUSTIFIED,
          children: bodyRuns(runs),
        }),
    ),
  ]);
}

/** 报送, 抄送 and 共印N份 between two black rules, indented one character on each side. */
function footerParagraphs(doc: BulletinDocument): Paragraph[] {
  if (!doc.footer) return [];
  const lines = footerLines(doc.footer);
  const oneCharacter = bulletinTypography.footer.size * twipsPerPoint;
  const rule = border(footerRuleWidth, "000000");
  return [
    textParagraph("body", ""),
    ...lines.map((line, i) =>
      textParagraph("footer", line, {
        indent: { left: oneCharacter, right: oneCharacter },
        border: { ...(i === 0 ? { top: rule } : {}), ...(i === lines.length - 1 ? { bottom: rule } : {}) },
      }),
    ),
  ];
}

/** "— 1 —" in 4号宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const oneCharacter = bulletinTypography.pageNumber.size * twipsPerPoint;
  return new Footer({
    children: [
      new Paragraph({
        spacing: exactSpacing("pageNumber"),
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: oneCharacter } : { left: oneCharacter },
        children: [new DocxRun({ children: ["— ", PageNumber.CURRENT, " —"], ...runStyle("pageNumber") })],
      }),
    ],
  });
}

/** The .docx of `doc`; control characters become U+FFFD (most are not even allowed in XML). */
export function bulletinWordDocument(bulletin: BulletinDocument): Document {
  const doc = withoutControlCharacters(bulletin);
  return new Document({
    title: doc.masthead.title,
    creator: doc.masthead.publisher,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { ...runStyle("body"), language: { value: "zh-CN", eastAsia: "zh-CN" } },
          paragraph: { spacing: exactSpacing("body") },
        },
      },
      // The grid's character pitch is relative to Normal's own size: LibreOffice reads it from the
      // style, not from the document defaults, so Normal states it.
      paragraphStyles: [
        { id: "Normal", name: "Normal", run: runStyle("body"), paragraph: { spacing: exactSpacing("body") } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: pageTwips.width, height: pageTwips.height },
            margin: {
              top: pageTwips.top,
              bottom: pageTwips.bottom,
              left: pageTwips.left,
              right: pageTwips.right,
              footer: footerDistanceTwips,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: linePitchTwips, charSpace: characterSpace },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: [...masthead(doc), ...sectionParagraphs(doc), ...footerParagraphs(doc)],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderBulletinDocx(doc: BulletinDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(bulletinWordDocument(doc)));
}
