/** Spread arguments (`a.push(...b)`, `Math.max(...xs)`) overflow the stack on long arrays: ESLint refuses them in src/. */
import { describe, expect, it } from "@jest/globals";
import { ESLint } from "eslint";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");

async function spreadMessages(file: string, code: string): Promise<number> {
  // The project's config, passed in: jest's module sandbox cannot run ESLint's own dynamic import of it.
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: require("../eslint.config.js") });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-syntax").length;
}

describe("no spread arguments in src/", () => {
  it.each([
    ["src/core/bulletin/probe.ts", "const a: number[] = [];\nconst b = [1];\na.push(...b);\nexport { a };\n"],
    ["src/cli/probe.ts", "const xs = [1, 2];\nexport const top = Math.max(...xs);\n"],
    ["src/files/probe.ts", "const bytes = [65];\nexport const text = String.fromCharCode(...bytes);\n"],
    ["src/taskpane/probe.ts", "declare const list: Element;\ndeclare const nodes: Node[];\nlist.append(...nodes);\n"],
    ["src/core/spec/probe.ts", "const parts = [1];\nexport const d = new Date(...(parts as [number]));\n"],
  ])("refuses one in %s", async (file, code) => {
    expect(await spreadMessages(file, code)).toBe(1);
  });

  it("allows spreads that build arrays and objects, and rest parameters", async () => {
    const code =
      "const a = [1];\nexport const b = [...a, 2];\nexport const c = { ...{ x: 1 } };\nexport function f(...xs: number[]): number {\n  return xs.length;\n}\n";
    expect(await spreadMessages("src/core/spec/probe.ts", code)).toBe(0);
  });
});
