/**
 * Text that Excel would take for a formula or a sign (=…, +…, -…, @…) keeps Excel's quote prefix
 * (quotePrefix="1" on its cell style), so it stays text when someone edits the cell, as if typed with
 * a leading apostrophe. ExcelJS cannot write that attribute, so the written .xlsx is rewritten here:
 * such cells get a copy of their style with the prefix. A file without such text is returned as it is.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";

const startsLikeFormula = /^[=+\-@]/;

const entities: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity: string, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name] ?? entity;
  });
}

/** The text of a shared string or inline string: its <t> runs joined. */
function runText(xml: string): string {
  let text = "";
  for (const match of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += match[1]!;
  return unescapeXml(text);
}

/** Indices of the shared strings that start like a formula. */
function formulaLikeSharedStrings(files: Unzipped): Set<number> {
  const indices = new Set<number>();
  const xml = files["xl/sharedStrings.xml"];
  if (!xml) return indices;
  let index = 0;
  for (const match of strFromU8(xml).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
    if (match[1] !== undefined && startsLikeFormula.test(runText(match[1]))) indices.add(index);
    index += 1;
  }
  return indices;
}

/** The cell styles (cellXfs) of styles.xml, with a way to get the quote-prefixed copy of one. */
class CellStyles {
  private readonly xfs: string[];
  private readonly quoted = new Map<number, number>();

  constructor(private readonly xml: string) {
    const block = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
    this.xfs = block.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
  }

  quotedIndex(style: number): number {
    const known = this.quoted.get(style);
    if (known !== undefined) return known;
    const xf = this.xfs[style] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const index = /\squotePrefix="1"/.test(xf) ? style : this.xfs.push(xf.replace(/^<xf\b/, '<xf quotePrefix="1"')) - 1;
    this.quoted.set(style, index);
    return index;
  }

  toXml(): string {
    const block = `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>`;
    return this.xml.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, block);
  }
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];
}

function cellIsFormulaLikeText(attributes: string, content: string, shared: ReadonlySet<number>): boolean {
  const type = attribute(attributes, "t");
  if (type === "s") {
    const index = /<v>(\d+)<\/v>/.exec(content)?.[1];
    return index !== undefined && shared.has(Number(index));
  }
  return type === "inlineStr" && startsLikeFormula.test(runText(content));
}

/** The .xlsx `xlsx` with every text cell starting with =, +, - or @ quote-prefixed. */
export function withQuotePrefix(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const shared = formulaLikeSharedStrings(files);
  const sheets = Object.keys(files).filter((path) => /^xl\/worksheets\/[^/]+\.xml$/.test(path));
  const stylesXml = files["xl/styles.xml"];
  if (!stylesXml) return xlsx;
  const styles = new CellStyles(strFromU8(stylesXml));
  let changed = false;
  for (const path of sheets) {
    const xml = strFromU8(files[path]!);
    if (shared.size === 0 && !xml.includes('t="inlineStr"')) continue;
    const rewritten = xml.replace(
      /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g,
      (cell: string, attributes: string, end: string, content: string | undefined) => {
        if (content === undefined || !cellIsFormulaLikeText(attributes, content, shared)) return cell;
        const style = styles.quotedIndex(Number(attribute(attributes, "s") ?? 0));
        const withStyle = /\ss="\d+"/.test(attributes)
          ? attributes.replace(/\ss="\d+"/, ` s="${style}"`)
          : `${attributes} s="${style}"`;
        changed = true;
        return `<c${withStyle}${end}`;
      },
    );
    files[path] = strToU8(rewritten);
  }
  if (!changed) return xlsx;
  files["xl/styles.xml"] = strToU8(styles.toXml());
  return zipSync(files);
}
