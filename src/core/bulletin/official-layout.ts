/**
 * The official page and type of GB/T 9704-2012 as data, for the HTML and .docx exports: A4 with a
 * 156 × 225 mm type area holding 22 lines of 28 characters of 3号仿宋, page numbers in 4号宋体.
 */

const twipsPerPoint = 20;
const pointsPerMm = 72 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * pointsPerMm * twipsPerPoint);
}

/** 字号 in points. */
export const fontSizes = { 一号: 26, 二号: 22, 三号: 16, 四号: 14 } as const;

export const officialPage = {
  widthMm: 210,
  heightMm: 297,
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  linesPerPage: 22,
  charactersPerLine: 28,
  /** The page number's 一字线 sits this far below the type area. */
  pageNumberGapMm: 7,
} as const;

export const pageTwips = {
  width: mmToTwips(officialPage.widthMm),
  height: mmToTwips(officialPage.heightMm),
  top: mmToTwips(officialPage.marginsMm.top),
  bottom: mmToTwips(officialPage.marginsMm.bottom),
  left: mmToTwips(officialPage.marginsMm.left),
  right: mmToTwips(officialPage.marginsMm.right),
};

const typeAreaTwips = {
  width: pageTwips.width - pageTwips.left - pageTwips.right,
  height: pageTwips.height - pageTwips.top - pageTwips.bottom,
};

/**
 * Line pitch = ⌊type-area height in twips ÷ 22⌋ = ⌊12756 ÷ 22⌋ = 579 twips = 28.95 pt, rounded down to
 * whole twips as Word does, so that 22 lines always fit (Word shows the same 28.95 磅).
 */
export const linePitchTwips = Math.floor(typeAreaTwips.height / officialPage.linesPerPage);
export const linePitchPoints = linePitchTwips / twipsPerPoint;

/**
 * w:docGrid charSpace: (character pitch − body font size) in points × 4096, rounded down. The pitch is
 * 8845 twips ÷ 28 = 15.79 pt against 16 pt 三号, giving −842, the value Word writes for 28 characters.
 */
export const characterSpace = Math.floor(
  (typeAreaTwips.width / officialPage.charactersPerLine / twipsPerPoint - fontSizes.三号) * 4096,
);

/**
 * Word measures the footer from the page's bottom edge to the footer's last line: the number's line
 * (4号, exact) ends one line height below the 7 mm gap under the type area.
 */
export const footerDistanceTwips =
  mmToTwips(officialPage.marginsMm.bottom - officialPage.pageNumberGapMm) - fontSizes.四号 * twipsPerPoint;

/** Font stacks, the Windows name first: Word takes the first, browsers the first they have. */
export const typefaces = {
  body: ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "serif"],
  heading: ["黑体", "SimHei", "STHeiti", "sans-serif"],
  subheading: ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "serif"],
  masthead: ["方正小标宋简体", "小标宋", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "serif"],
  pageNumber: ["宋体", "SimSun", "serif"],
} as const;

export type Typeface = keyof typeof typefaces;

/** The 报头's red: GB/T 9704 asks for red without naming a shade; pure red is what offices print. */
export const mastheadRed = "FF0000";

export interface TextStyle {
  typeface: Typeface;
  /** Points. */
  size: number;
  /** Exact line height in points: whole grid lines, but the page number's own height. */
  lineHeight: number;
}

/** The styles of the bulletin's kinds of paragraph. */
export const bulletinTypography = {
  mastheadTitle: { typeface: "masthead", size: fontSizes.一号, lineHeight: 2 * linePitchPoints },
  mastheadLine: { typeface: "body", size: fontSizes.三号, lineHeight: linePitchPoints },
  heading: { typeface: "heading", size: fontSizes.三号, lineHeight: linePitchPoints },
  body: { typeface: "body", size: fontSizes.三号, lineHeight: linePitchPoints },
  footer: { typeface: "body", size: fontSizes.四号, lineHeight: linePitchPoints },
  pageNumber: { typeface: "pageNumber", size: fontSizes.四号, lineHeight: fontSizes.四号 },
} as const satisfies Record<string, TextStyle>;

export type ParagraphKind = keyof typeof bulletinTypography;

/** The red rule under the 报头, in points. */
export const mastheadRuleWidth = 2.25;
/** The 报尾's black rules, in points. */
export const footerRuleWidth = 0.75;
/** First-line indent of body paragraphs and headings, in characters. */
export const firstLineIndentCharacters = 2;
