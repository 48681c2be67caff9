/**
 * 表述模板: the phrase a row contributes to the bulletin, typed by staff. Syntax (docs/workbook.md):
 *   {本期值}           a placeholder, named after a column or a 专报设置 item
 *   [，{同比}]          an optional part, dropped when a value inside it is missing (【…】 works too)
 *   主表述||零值表述     the wording after || is used when 本期值 is 0 (｜｜ works too)
 */

export type Piece = { kind: "text"; text: string } | { kind: "placeholder"; name: string };
export type Part = Piece | { kind: "optional"; pieces: Piece[] };

export interface PhraseTemplate {
  main: Part[];
  zero: Part[] | null;
  /** Every placeholder name used, in order of first use. */
  placeholders: string[];
}

export type TemplateParse = { ok: true; template: PhraseTemplate } | { ok: false; error: string };

const zeroSeparator = /\|\||｜｜/;
/** The characters that end a text run; everything between two of them is copied in one slice. */
const syntax = /[{｛}｝[\]【】]/g;
const closeBrace = /[}｝]/g;

/**
 * One pass over `source`: the regular expressions jump from one syntax character to the next and
 * never look back, so a 300 KB template parses in linear time.
 */
function parseParts(source: string): { ok: true; parts: Part[] } | { ok: false; error: string } {
  const parts: Part[] = [];
  let optional: Piece[] | null = null;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) (optional ?? parts).push({ kind: "text", text: source.slice(textStart, end) });
  };
  syntax.lastIndex = 0;
  for (let found = syntax.exec(source); found; found = syntax.exec(source)) {
    const i = found.index;
    const ch = found[0];
    if (ch === "{" || ch === "｛") {
      closeBrace.lastIndex = i + 1;
      const closing = closeBrace.exec(source);
      if (!closing) return { ok: false, error: `“${ch}”没有对应的“}”` };
      const close = closing.index;
      const name = source.slice(i + 1, close).trim();
      if (!name || /[{｛[\]【】]/.test(name))
        return { ok: false, error: `占位符“${source.slice(i, close + 1)}”写法有误` };
      flushText(i);
      (optional ?? parts).push({ kind: "placeholder", name });
      syntax.lastIndex = close + 1;
    } else if (ch === "}" || ch === "｝") {
      return { ok: false, error: `多余的“${ch}”` };
    } else if (ch === "[" || ch === "【") {
      if (optional) return { ok: false, error: "可选部分不能嵌套" };
      flushText(i);
      optional = [];
    } else {
      if (!optional) return { ok: false, error: `多余的“${ch}”` };
      flushText(i);
      parts.push({ kind: "optional", pieces: optional });
      optional = null;
    }
    textStart = syntax.lastIndex;
  }
  if (optional) return { ok: false, error: "可选部分缺少结尾的“]”" };
  flushText(source.length);
  return { ok: true, parts };
}

function placeholderNames(parts: readonly Part[], into: Set<string>): void {
  for (const part of parts) {
    const pieces = part.kind === "optional" ? part.pieces : [part];
    for (const piece of pieces) if (piece.kind === "placeholder") into.add(piece.name);
  }
}

export function parseTemplate(source: string): TemplateParse {
  const [mainSource = "", zeroSource, ...extra] = source.split(zeroSeparator);
  if (extra.length > 0) return { ok: false, error: "“||”只能出现一次（其后为数值为0时的表述）" };
  const main = parseParts(mainSource);
  if (!main.ok) return main;
  const zero = zeroSource === undefined ? null : parseParts(zeroSource);
  if (zero && !zero.ok) return zero;
  const placeholders = new Set<string>();
  placeholderNames(main.parts, placeholders);
  if (zero) placeholderNames(zero.parts, placeholders);
  return { ok: true, template: { main: main.parts, zero: zero ? zero.parts : null, placeholders: [...placeholders] } };
}

/** A placeholder's text, or null when the value is missing. */
export type ValueLookup = (name: string) => string | null;

export type Rendered = { ok: true; text: string } | { ok: false; missing: string[] };

function renderParts(parts: readonly Part[], lookup: ValueLookup): Rendered {
  let text = "";
  const missing: string[] = [];
  for (const part of parts) {
    if (part.kind === "text") {
      text += part.text;
    } else if (part.kind === "placeholder") {
      const value = lookup(part.name);
      if (value === null) missing.push(part.name);
      else text += value;
    } else {
      const values = part.pieces.map((piece) => (piece.kind === "text" ? piece.text : lookup(piece.name)));
      if (values.every((value) => value !== null)) text += values.join("");
    }
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, text };
}

/** Fills a template; `isZero` selects the zero wording where the template has one. */
export function renderTemplate(template: PhraseTemplate, lookup: ValueLookup, isZero = false): Rendered {
  return renderParts(isZero && template.zero ? template.zero : template.main, lookup);
}

/**
 * parseTemplate with memory: a sheet of thousands of rows repeats a handful of templates, and each is
 * parsed by the checks and again by the renderer.
 */
export function templateParser(): (source: string) => TemplateParse {
  const parsed = new Map<string, TemplateParse>();
  return (source) => {
    let result = parsed.get(source);
    if (!result) {
      result = parseTemplate(source);
      parsed.set(source, result);
    }
    return result;
  };
}
