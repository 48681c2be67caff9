/**
 * The build's switches, read from webpack.config.js without building: where the pages load office.js
 * from (OFFICE_JS=cdn), what is copied, and where the deployed add-in lives (ADDIN_URL).
 */
import { afterEach, describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDist, rootDir } from "./dist";

interface Configuration {
  entry: Record<string, { import: string; chunkLoading?: false } | string>;
  plugins: { constructor: { name: string }; scriptsByPage?: Record<string, string>; patterns?: { to: string }[] }[];
  devServer: { port: number };
}

const buildConfig = require("../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<Configuration>;
const { addinBaseUrl, withBaseUrl } = require("../scripts/addin-url") as {
  addinBaseUrl: (value: string | undefined) => string;
  withBaseUrl: (text: string, base: string) => string;
};
const { officeJsFiles } = require("../scripts/office-js-files") as { officeJsFiles: string[] };

const saved = { OFFICE_JS: process.env.OFFICE_JS };

afterEach(() => {
  if (saved.OFFICE_JS === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = saved.OFFICE_JS;
});

async function configWith(officeJs: string | undefined): Promise<Configuration> {
  if (officeJs === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = officeJs;
  return buildConfig({}, { mode: "production" });
}

const scriptTags = (config: Configuration) =>
  config.plugins.find((p) => p.constructor.name === "OfficeScriptTagPlugin")!.scriptsByPage;
const copied = (config: Configuration) =>
  config.plugins.find((p) => p.constructor.name === "CopyPlugin")!.patterns!.map((pattern) => pattern.to);

describe("office.js", () => {
  test("is served from the build by default, with exactly the files it loads", async () => {
    const config = await configWith(undefined);
    expect(scriptTags(config)).toEqual({
      "taskpane.html": "office-js/office.js",
      "commands.html": "office-js/office.js",
      "functions.html": "office-js/custom-functions-runtime.js",
    });
    expect(copied(config).filter((to) => to.startsWith("office-js/"))).toEqual(
      officeJsFiles.map((file) => `office-js/${file}`),
    );
  });

  test("comes from Microsoft's CDN with OFFICE_JS=cdn, and nothing of it is copied", async () => {
    const config = await configWith("cdn");
    expect(scriptTags(config)).toEqual({
      "taskpane.html": "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "commands.html": "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.html": "https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js",
    });
    expect(copied(config).filter((to) => to.startsWith("office-js/"))).toEqual([]);
  });

  test("the built pages load it first, before their own deferred bundle", () => {
    for (const [page, office, bundle] of [
      ["taskpane.html", "office-js/office.js", "taskpane.js"],
      ["commands.html", "office-js/office.js", "commands.js"],
      ["functions.html", "office-js/custom-functions-runtime.js", "functions.js"],
    ] as const) {
      const scripts = [...readDist(page).matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes!);
      expect(scripts[0]).toContain(office);
      expect(scripts[0]).not.toMatch(/\b(defer|async)\b/);
      expect(scripts.some((attributes) => attributes.includes(bundle) && /\bdefer\b/.test(attributes))).toBe(true);
    }
  });
});

test("functions.js is one chunk-less file, and the dev server listens on port 3000", async () => {
  const config = await configWith(undefined);
  expect(config.entry.functions).toEqual({ import: "./src/functions/functions.ts", chunkLoading: false });
  expect(config.devServer.port).toBe(3000);
});

describe("ADDIN_URL", () => {
  test("defaults to the dev server and must be an https address", () => {
    expect(addinBaseUrl(undefined)).toBe("https://localhost:3000/");
    expect(addinBaseUrl("https://oa.example.cn/zhuanbao")).toBe("https://oa.example.cn/zhuanbao/");
    expect(() => addinBaseUrl("http://oa.example.cn/")).toThrow(/https/);
    expect(() => addinBaseUrl("https://oa.example.cn/?a=1")).toThrow(/\?/);
  });

  test("moves every manifest URL under the deployed address", () => {
    const manifest = readFileSync(join(rootDir, "manifest.xml"), "utf8");
    const moved = withBaseUrl(manifest, "https://oa.example.cn/zhuanbao/");
    expect(moved).not.toContain("localhost");
    expect(moved).toContain('"https://oa.example.cn/zhuanbao/taskpane.html?action=generate"');
  });

  test("the default build ships the manifest and help links as they are", () => {
    expect(readDist("manifest.xml")).toBe(readFileSync(join(rootDir, "manifest.xml"), "utf8"));
    expect(readDist("functions.json")).toContain('"helpUrl": "https://localhost:3000/functions-help.html#YOY"');
  });
});
