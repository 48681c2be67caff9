/** The import layering of src/ (scripts/eslint-layers.js) is enforced by ESLint on every import form. */
import { describe, expect, it } from "@jest/globals";
import { ESLint } from "eslint";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");

async function lintAs(file: string, code: string): Promise<string[]> {
  // The project's config, passed in: jest's module sandbox cannot run ESLint's own dynamic import of it.
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: require("../eslint.config.js") });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((message) => message.ruleId === "zhuanbao/layers").map((m) => m.message);
}

describe("core layering", () => {
  it("lets a layer import the layers before it", async () => {
    expect(
      await lintAs(
        "src/core/bulletin/probe.ts",
        'import { readCell } from "../reading";\nexport const x = readCell;\n',
      ),
    ).toEqual([]);
  });

  it.each([
    ["src/core/reading/probe.ts", 'import { analyzeWorkbook } from "../bulletin";'],
    ["src/core/spec/probe.ts", 'export * from "../calc";'],
    ["src/core/calc/probe.ts", 'export { growthPhrase } from "../wording/phrases";'],
    ["src/core/wording/probe.ts", 'const m = import("../workbook");'],
  ])("refuses a later layer from %s", async (file, code) => {
    const messages = await lintAs(file, `${code}\nexport {};\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/may not import core\//);
  });

  it("keeps file libraries and hosts out of core", async () => {
    const messages = await lintAs(
      "src/core/reading/probe.ts",
      'import { worksheetGrid } from "../../files/worksheet-grid";\nexport {};\n',
    );
    expect(messages).toEqual(["src/core must stay pure: it may not import src/files"]);
  });
});

describe("outside core", () => {
  it("reaches core through a folder's index", async () => {
    expect(await lintAs("src/taskpane/probe.ts", 'import { readCell } from "../core/reading";\nexport {};\n')).toEqual(
      [],
    );
    const messages = await lintAs(
      "src/taskpane/probe.ts",
      'import { readCell } from "../core/reading/cells";\nexport {};\n',
    );
    expect(messages).toEqual(["import core/reading through its index, not a file inside it"]);
  });

  it("keeps the functions to the rules and phrases", async () => {
    const messages = await lintAs(
      "src/functions/probe.ts",
      'import { analyzeWorkbook } from "../core/bulletin";\nexport {};\n',
    );
    expect(messages[0]).toMatch(/^src\/functions may import only .*not core\/bulletin$/);
  });

  it("keeps hosts apart", async () => {
    const messages = await lintAs("src/excel/probe.ts", 'import { main } from "../cli/main";\nexport {};\n');
    expect(messages[0]).toMatch(/^src\/excel may import only .*not src\/cli$/);
  });
});
