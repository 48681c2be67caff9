/**
 * IE11 drops every CSS declaration with var(): the build gives each one a var()-free twin right before
 * it (scripts/css-fallbacks.js), which IE11 keeps and other engines override.
 */
import { describe, expect, test } from "@jest/globals";
import { readDist } from "./dist";

const { withVarFallbacks, resolveTokens } = require("../scripts/css-fallbacks") as {
  withVarFallbacks: (css: string) => string;
  resolveTokens: (value: string, tokens: Map<string, string>) => string;
};

describe("withVarFallbacks", () => {
  test("puts the resolved declaration before each var() one, nested tokens and !important included", () => {
    const css =
      ":root{--a:#fff;--b: 2px;--c: var(--b) solid var(--a)}\nbody { color: var(--a); margin:0; border: var(--c) !important }";
    expect(withVarFallbacks(css)).toBe(
      ":root{--a:#fff;--b: 2px;--c: var(--b) solid var(--a)}\nbody { color: #fff;color: var(--a); margin:0; border: 2px solid #fff !important ;border: var(--c) !important }",
    );
  });

  test("uses a var()'s own fallback for a token :root lacks, and refuses an unknown one without", () => {
    expect(resolveTokens("var(--x, 3px) var(--a)", new Map([["--a", "1px"]]))).toBe("3px 1px");
    expect(() => resolveTokens("var(--missing)", new Map())).toThrow(/--missing/);
  });

  test("leaves declarations without var() and the custom properties themselves alone", () => {
    const css = ":root{--a:red;--b:var(--a)}p{margin:0;color:blue}";
    expect(withVarFallbacks(css)).toBe(css);
  });
});

test("in the built pane's stylesheet every var() declaration follows its var()-free twin", () => {
  const style = readDist("taskpane.css");
  const rules = [...style.matchAll(/([^{}]+)\{([^{}]*)\}/g)].filter(([, selector]) => !selector!.includes(":root"));
  let checked = 0;
  for (const [, selector, body] of rules) {
    const declarations = body!.split(";").map((declaration) => declaration.trim());
    declarations.forEach((declaration, index) => {
      if (!declaration.includes("var(")) return;
      const property = declaration.slice(0, declaration.indexOf(":"));
      const twin = declarations[index - 1] ?? "";
      expect({ selector, declaration, twin }).toEqual({
        selector,
        declaration,
        twin: expect.stringMatching(new RegExp(`^${property}:(?!.*var\\()`)),
      });
      checked += 1;
    });
  }
  expect(checked).toBeGreaterThan(100);
});
