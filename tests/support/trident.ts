/**
 * Internet Explorer 11 as far as a script can tell, inside Chromium: the legacy pane's end-to-end tests
 * run with the built-ins and DOM methods Trident lacks taken away before the page's first script, so a
 * polyfill that is missing or a method the legacy bundle calls without a fallback fails here as it
 * would in Office 2016's webview. Syntax is not emulated: tests/legacy-bundle.test.ts parses the
 * legacy bundle as ES5 instead. Sources: MDN's compatibility data for IE 11.
 *
 * Kept: Promise, Symbol, Map, Set, WeakMap, Object.is, Element#matches and #closest (the pane calls
 * neither). Playwright's own script in the page needs the engine's
 * (core-js's Symbol cannot make its iterators natively iterable), and IE11's partial Map, Set and
 * WeakMap fail core-js's feature tests, so the legacy bundle brings its own there either way.
 */

/** Runs in the page (serialised by playwright): keep it self-contained and ES5. */
function removeWhatTridentLacks(): void {
  // Chromium's own pages (the error page of a frame the policy blocked) run Chromium's scripts, not ours.
  if (!/^https?:$/.test(location.protocol)) return;
  const remove = (owner: object | undefined, names: string[]) => {
    if (!owner) return;
    for (const name of names) {
      // Some are accessors on a prototype further up: shadow them with undefined where delete is not enough.
      delete (owner as Record<string, unknown>)[name];
      if (name in owner) Object.defineProperty(owner, name, { value: undefined, configurable: true, writable: true });
    }
  };
  const global = window as unknown as Record<string, unknown>;
  // The test reads the clipboard back through the real API, kept where the pane does not look.
  global.__testClipboard = navigator.clipboard;

  remove(window, [
    "WeakSet",
    "Reflect",
    "Proxy",
    "URLSearchParams",
    "TextEncoder",
    "TextDecoder",
    "fetch",
    "queueMicrotask",
    "structuredClone",
    "ClipboardItem",
    "AbortController",
    "globalThis",
  ]);
  // IE11's URL is only URL.createObjectURL and URL.revokeObjectURL, not a constructor.
  const { createObjectURL, revokeObjectURL } = URL;
  const urlStub = function URL() {
    throw new TypeError("对象不支持此操作");
  } as unknown as Record<string, unknown>;
  urlStub.createObjectURL = createObjectURL;
  urlStub.revokeObjectURL = revokeObjectURL;
  global.URL = urlStub;

  remove(Object, ["assign", "entries", "values", "fromEntries", "getOwnPropertyDescriptors", "hasOwn"]);
  remove(Array, ["from", "of"]);
  remove(Array.prototype, [
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "fill",
    "includes",
    "copyWithin",
    "entries",
    "keys",
    "values",
    "flat",
    "flatMap",
    "at",
    "toSorted",
    "toReversed",
  ]);
  remove(String, ["fromCodePoint", "raw"]);
  remove(String.prototype, [
    "includes",
    "startsWith",
    "endsWith",
    "repeat",
    "padStart",
    "padEnd",
    "codePointAt",
    "normalize",
    "trimStart",
    "trimEnd",
    "matchAll",
    "replaceAll",
    "at",
  ]);
  // Number.EPSILON and the safe-integer bounds are not configurable: they stay.
  remove(Number, ["isFinite", "isNaN", "isInteger", "isSafeInteger"]);
  remove(Math, ["trunc", "sign", "log10", "log2", "hypot", "cbrt", "clz32", "imul", "fround", "expm1", "log1p"]);
  const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };
  remove(typedArray, ["from", "of"]);
  remove(typedArray.prototype, [
    "slice",
    "fill",
    "indexOf",
    "lastIndexOf",
    "includes",
    "map",
    "forEach",
    "filter",
    "reduce",
    "reduceRight",
    "join",
    "find",
    "findIndex",
    "every",
    "some",
    "at",
  ]);
  remove(Element.prototype, [
    "append",
    "prepend",
    "before",
    "after",
    "remove",
    "replaceWith",
    "replaceChildren",
    "toggleAttribute",
    "getAttributeNames",
  ]);
  remove(CharacterData.prototype, ["remove", "before", "after", "replaceWith"]);
  remove(Document.prototype, ["append", "prepend", "replaceChildren"]);
  remove(DocumentFragment.prototype, ["append", "prepend", "replaceChildren"]);
  remove(NodeList.prototype, ["forEach"]);
  remove(Blob.prototype, ["text", "arrayBuffer", "stream"]);
  remove(Intl.NumberFormat.prototype, ["formatToParts"]);
  remove(Intl.DateTimeFormat.prototype, ["formatToParts"]);
  // IE11's SVG elements have no classList; its classList.toggle ignores the second argument.
  Object.defineProperty(SVGElement.prototype, "classList", { get: () => undefined, configurable: true });
  const toggle = DOMTokenList.prototype.toggle;
  DOMTokenList.prototype.toggle = function (this: DOMTokenList, token: string) {
    return toggle.call(this, token);
  };
  // Trident's copy event carries no clipboardData (it lives on window.clipboardData, text only).
  Object.defineProperty(ClipboardEvent.prototype, "clipboardData", { get: () => undefined, configurable: true });
  Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
}

/** The emulation as an init script for playwright's `addInitScript`. */
export const tridentInitScript = `(${removeWhatTridentLacks.toString()})();`;

/**
 * The pane's stylesheet as IE11 would apply it, approximately: without what Trident ignores
 * (declarations using var(), `display: grid`, `gap`) and with the IE-only media block applied.
 */
export function tridentStyles(css: string): string {
  const ieOnly = /@media\s*(?:all and\s*)?\(-ms-high-contrast:\s*none\),\s*\(-ms-high-contrast:\s*active\)/;
  if (!ieOnly.test(css)) throw new Error("taskpane.css has no IE-only style block");
  return css
    .replace(ieOnly, "@media all")
    .replace(/[\w-]+\s*:[^;{}]*var\([^;{}]*;?/g, "")
    .replace(/display\s*:\s*grid\s*;?/g, "")
    .replace(/(?:column-|row-)?gap\s*:[^;{}]*;?/g, "");
}

/** `html` with its link to taskpane.css pointing at `stylesheet` instead. */
export function withStylesheet(html: string, stylesheet: string): string {
  const linked = html.replace(/(<link\b[^>]*\bhref=)"?taskpane\.css"?/, `$1"${stylesheet}"`);
  if (linked === html) throw new Error("taskpane.html does not link taskpane.css");
  return linked;
}
