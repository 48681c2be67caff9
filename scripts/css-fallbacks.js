// Internet Explorer 11 (the pane's webview in Office 2016/2019) has no CSS custom properties: it drops
// every declaration that uses var(). The pane's stylesheet (src/taskpane/taskpane.css) keeps its
// design tokens as custom properties, and the build (webpack.config.js, as it copies the file) puts
// before each such declaration the same one with the tokens' values, which IE11 applies and every
// other engine overrides with the var() one right after it.
"use strict";

/** The custom properties defined in `:root` rules of `css`, by name (with the leading --). */
function rootTokens(css) {
  const tokens = new Map();
  for (const [, body] of css.matchAll(/:root\s*\{([^}]*)\}/g)) {
    for (const [, name, value] of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g)) tokens.set(name, value);
  }
  return tokens;
}

/** `value` with every var(--name) (and var(--name, fallback)) replaced by what it stands for. */
function resolveTokens(value, tokens, depth = 0) {
  if (depth > 10) throw new Error(`custom properties refer to each other in a loop: ${value}`);
  const resolved = value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (whole, name, fallback) => {
    const token = tokens.has(name) ? tokens.get(name) : fallback;
    if (token === undefined) throw new Error(`undefined custom property ${name} in “${value}”`);
    return token.trim();
  });
  return resolved.includes("var(") ? resolveTokens(resolved, tokens, depth + 1) : resolved;
}

/** `css` with a var()-free twin before each declaration that uses var(), custom properties aside. */
function withVarFallbacks(css) {
  const tokens = rootTokens(css);
  return css.replace(
    /([{;]\s*)([a-z][\w-]*)(\s*:\s*)([^;{}]*var\(--[^;{}]*?)(\s*(?:!important)?\s*)(?=[;}])/g,
    (whole, before, property, colon, value, important) =>
      `${before}${property}${colon}${resolveTokens(value, tokens)}${important};${whole.slice(before.length)}`,
  );
}

module.exports = { withVarFallbacks, resolveTokens };
