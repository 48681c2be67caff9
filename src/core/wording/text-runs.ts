/**
 * A paragraph as runs of text with their emphasis, and the **…** convention staff use in Excel cells
 * (which hold no formatting the pipeline can read) to mark the bold runs.
 */

export interface TextRun {
  text: string;
  bold: boolean;
  /** A run-in level-two heading, set in 楷体: the （一）产业发展指标。 of a 主要指标 paragraph. */
  subheading?: boolean;
}

export type BulletinParagraph = readonly TextRun[];

const boldMark = "**";

export interface MarkedTextReading {
  runs: TextRun[];
  /** False when a ** has no partner; it is then dropped and the text after it left plain. */
  balanced: boolean;
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && Boolean(a.subheading) === Boolean(b.subheading);
}

/** Drops empty runs and joins neighbours of the same style, so "**a****b**" is one bold run. */
export function mergeRuns(runs: readonly TextRun[]): TextRun[] {
  const merged: TextRun[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run)) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push({ ...run });
  }
  return merged;
}

/** "一是**精准防控。**紧盯…" → plain "一是", bold "精准防控。", plain "紧盯…". */
export function parseMarkedText(text: string): MarkedTextReading {
  const pieces = text.split(boldMark);
  // An odd number of marks leaves an even number of pieces: the last mark has no partner.
  const balanced = pieces.length % 2 === 1;
  const runs = pieces.map((piece, i) => ({
    text: piece,
    bold: i % 2 === 1 && (balanced || i < pieces.length - 1),
  }));
  return { runs: mergeRuns(runs), balanced };
}

export function plainText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join("");
}

/** The runs with their bold parts marked **…**, the form of bulletin-marked.txt. */
export function markedText(runs: readonly TextRun[]): string {
  return mergeRuns(runs)
    .map((run) => (run.bold ? `${boldMark}${run.text}${boldMark}` : run.text))
    .join("");
}
