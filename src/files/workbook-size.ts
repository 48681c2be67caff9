/**
 * A workbook's size, measured from its zip before any spreadsheet library reads it, against
 * `workbookLimits`: the central directory's declared sizes first (nothing inflated), then each part
 * inflated in pieces and thrown away — counting rows and cells of the worksheets — stopping at the
 * first limit passed or at a part that inflates to more than it declared (a zip bomb). Memory stays
 * at one piece whatever the file holds. Pure (fflate, no Node): the CLI and the pane call it.
 */
import { strFromU8 } from "fflate";
import { sheetSizeProblem, unzippedSizeProblem, usedRangesSizeProblem, workbookLimits } from "../core/spec";
import { inflateEntry, readEntry, zipEntries } from "./zip";

const zip64Marker = 0xffffffff;

const grouped = (n: number) => n.toLocaleString("en-US");

/** Worksheet part path → sheet name, from the workbook part and its relationships (best effort). */
function sheetNamesByPart(bytes: Uint8Array): Map<string, string> {
  const names = new Map<string, string>();
  try {
    const entries = zipEntries(bytes) ?? [];
    const part = (name: string) => {
      const entry = entries.find((candidate) => candidate.name === name);
      return entry ? readEntry(bytes, entry, 4 << 20) : null;
    };
    const workbook = part("xl/workbook.xml");
    const rels = part("xl/_rels/workbook.xml.rels");
    if (!workbook || !rels) return names;
    const targets = new Map<string, string>();
    for (const match of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]*)"/.exec(match[0])?.[1];
      const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
      if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
    for (const match of strFromU8(workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
      const id = /\br:id="([^"]*)"/.exec(match[0])?.[1];
      const part = id ? targets.get(id) : undefined;
      if (name && part) names.set(part, name.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
    }
  } catch {
    // Names only make the message friendlier; the limits hold without them.
  }
  return names;
}

/** Counts `<row` and `<c ` / `<c>` across the pieces of one worksheet's XML, tags split between pieces included. */
class TagCounter {
  rows = 0;
  cells = 0;
  /** The last bytes of the previous piece, where a tag may have begun. */
  private tail = new Uint8Array(0);

  add(piece: Uint8Array): void {
    if (this.tail.length > 0) {
      const seam = new Uint8Array(this.tail.length + Math.min(piece.length, tagLength));
      seam.set(this.tail);
      seam.set(piece.subarray(0, seam.length - this.tail.length), this.tail.length);
      this.count(seam, this.tail.length);
    }
    this.count(piece, piece.length - tagLength + 1);
    this.tail = piece.slice(Math.max(0, piece.length - tagLength + 1));
  }

  /** Counts the tags that begin before `end` (and whose bytes are all in `bytes`). */
  private count(bytes: Uint8Array, end: number): void {
    for (let i = bytes.indexOf(0x3c); i >= 0 && i < end; i = bytes.indexOf(0x3c, i + 1)) {
      if (i + tagLength > bytes.length) break;
      const next = bytes[i + 1];
      const after = bytes[i + 2]!;
      if (next === 0x63 && isTagEnd(after))
        this.cells += 1; // <c
      else if (next === 0x72 && after === 0x6f && bytes[i + 3] === 0x77 && isTagEnd(bytes[i + 4]!)) this.rows += 1; // <row
    }
  }
}

/** "<row" and the byte after it: the longest tag start counted. */
const tagLength = 5;

function isTagEnd(byte: number): boolean {
  return byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Thrown inside the inflater's callback to stop at the first limit passed. */
class Refusal {
  constructor(readonly reason: string) {}
}

/**
 * Why the workbook in `bytes` is too large to read (one Chinese sentence), or null when it is within
 * `workbookLimits` or is no zip at all (the reader then says what it is).
 */
export function workbookSizeProblem(bytes: Uint8Array): string | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const limits = workbookLimits;
  const declared = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  // A zip64 entry keeps its real size elsewhere; as before, it is taken as past 4 GB.
  const tooLarge = unzippedSizeProblem(
    entries.some((entry) => entry.originalSize === zip64Marker) ? Infinity : declared,
  );
  if (tooLarge) return tooLarge;
  let sheetNames: Map<string, string> | null = null;
  const sheetName = (part: string) => (sheetNames ??= sheetNamesByPart(bytes)).get(part) ?? part;
  let cells = 0;
  let inflated = 0;
  try {
    for (const entry of entries) {
      const counter = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) ? new TagCounter() : null;
      let size = 0;
      inflateEntry(bytes, entry, (chunk) => {
        size += chunk.length;
        inflated += chunk.length;
        if (size > entry.originalSize || inflated > limits.maxUnzippedBytes) {
          throw new Refusal(
            `工作簿中的“${entry.name}”解压后比它声明的大小（${grouped(entry.originalSize)} 字节）更大，可能是恶意构造的压缩文件，未读取。`,
          );
        }
        if (!counter) return;
        counter.add(chunk);
        // The sheet's name is looked up (in workbook.xml) only for the sentence.
        if (sheetSizeProblem(entry.name, counter.rows))
          throw new Refusal(sheetSizeProblem(sheetName(entry.name), counter.rows)!);
        const tooManyCells = usedRangesSizeProblem(cells + counter.cells);
        if (tooManyCells) throw new Refusal(tooManyCells);
      });
      if (counter) cells += counter.cells;
    }
  } catch (error) {
    if (error instanceof Refusal) return error.reason;
    return null; // a damaged part: the reader names the damage
  }
  return null;
}
