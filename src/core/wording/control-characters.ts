/**
 * Characters a cell may hold that would act on a terminal or a page instead of being read: C0
 * controls other than tab and line feed (ESC starts terminal sequences, CR returns to the line's start,
 * BEL rings), DEL, C1 controls (U+0080–U+009F, CSI among them), and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) that reorder what follows. A CR before a line feed is a
 * Windows line end and is read as one.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const hostile = /\r(?!\n)|[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const hostileTest = new RegExp(hostile.source);

/** The replacement character shown in pages and documents where a control character was. */
export const replacementCharacter = "\ufffd";

export function hasControlCharacters(text: string): boolean {
  return hostileTest.test(text);
}

/** For terminals and JSON: each control character as its escape (`\u001b`), so nothing is lost or acted on. */
export function escapeControlCharacters(text: string): string {
  return text.replace(hostile, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** For pages, the pane and .docx: each control character becomes U+FFFD, a visible mark that acts on nothing. */
export function replaceControlCharacters(text: string): string {
  return text.replace(hostile, replacementCharacter);
}

/** The control characters in `text`, named as escapes (for the check's message). */
export function controlCharacterNames(text: string): string[] {
  const names = new Set<string>();
  for (const found of text.match(hostile) ?? []) names.add(escapeControlCharacters(found));
  return [...names];
}
