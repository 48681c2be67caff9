/**
 * The build's switches, read from webpack.config.js without building: where the pages load office.js
 * from (OFFICE_JS=cdn), what is copied, and where the deployed add-in lives (ADDIN_URL).
 */
import { afterEach, describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { paneStartedAttribute } from "../src/taskpane/pane-start";
import { version } from "../package.json";
import { distDir, readDist, rootDir } from "./dist";

interface Configuration {
  name: string;
  target: string[];
  entry: Record<string, { import: string; chunkLoading?: false } | string | string[]>;
  output: { path: string; publicPath?: string };
  plugins?: {
    constructor: { name: string };
    scriptsByPage?: Record<string, string>;
    patterns?: { from: string; to?: string }[];
  }[];
  devServer?: { port: number };
}

const buildConfigs = require("../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<Configuration[]>;
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

async function configsWith(officeJs: string | undefined): Promise<Configuration[]> {
  if (officeJs === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = officeJs;
  return buildConfigs({}, { mode: "production" });
}

const plugins = (configs: Configuration[], name: string) =>
  configs.flatMap((config) => config.plugins ?? []).filter((plugin) => plugin.constructor.name === name);
const scriptTags = (configs: Configuration[]) =>
  Object.assign({}, ...plugins(configs, "OfficeScriptTagPlugin").map((plugin) => plugin.scriptsByPage));
const copied = (configs: Configuration[]) =>
  plugins(configs, "CopyPlugin").flatMap((plugin) => plugin.patterns!.map((pattern) => pattern.to ?? pattern.from));
const named = (configs: Configuration[], name: string) => configs.find((config) => config.name === name)!;

describe("office.js", () => {
  test("is served from the build by default, with exactly the files it loads", async () => {
    const config = await configsWith(undefined);
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
    const config = await configsWith("cdn");
    expect(scriptTags(config)).toEqual({
      "taskpane.html": "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "commands.html": "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.html": "https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js",
    });
    expect(copied(config).filter((to) => to.startsWith("office-js/"))).toEqual([]);
  });

  test("the built pages load it first, before their own deferred bundle (a module script is deferred)", () => {
    for (const [page, office, bundle] of [
      ["taskpane.html", "office-js/office.js", "taskpane.js"],
      ["commands.html", "office-js/office.js", "commands.js"],
      ["functions.html", "office-js/custom-functions-runtime.js", "functions.js"],
    ] as const) {
      const scripts = [...readDist(page).matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes!);
      expect(scripts[0]).toContain(office);
      expect(scripts[0]).not.toMatch(/\b(defer|async)\b|module/);
      const own = scripts.filter((attributes) => attributes.includes(bundle));
      expect(own.length).toBeGreaterThan(0);
      for (const attributes of own) expect(attributes).toMatch(/\bdefer\b|\btype="?module\b/);
    }
  });

  test("the pane and the commands load the modern bundle as a module and the legacy one as nomodule", () => {
    for (const name of ["taskpane", "commands"]) {
      const scripts = [...readDist(`${name}.html`).matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes!);
      const ours = scripts
        .slice(1)
        .filter((attributes) => /\bsrc=/.test(attributes) && !/-rescue\.js/.test(attributes));
      expect(ours).toHaveLength(2);
      expect(ours[0]).toMatch(new RegExp(`\\btype="?module"?`));
      expect(ours[0]).toMatch(new RegExp(`\\bsrc="?${name}\\.js\\b`));
      expect(ours[1]).toMatch(/\bnomodule\b/);
      expect(ours[1]).toMatch(new RegExp(`\\bsrc="?legacy/${name}\\.js\\b`));
      expect(readDist(`legacy/${name}.js`).length).toBeGreaterThan(0);
    }
    expect(readDist("functions.html")).not.toMatch(/module/);
  });

  test("the pane's rescue script, a deferred file, loads the legacy bundle unless a bundle claimed the pane", () => {
    const scripts = [...readDist("taskpane.html").matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes!);
    const rescue = scripts.filter((attributes) => attributes.includes("taskpane-rescue.js"));
    expect(rescue).toHaveLength(1);
    expect(rescue[0]).toMatch(/\bdefer\b/);
    expect(rescue[0]).not.toMatch(/\b(type="?module|nomodule)\b/);
    const code = readDist("taskpane-rescue.js");
    expect(code).toContain(`hasAttribute("${paneStartedAttribute}")`);
    expect(code).toContain('"legacy/taskpane.js"');
    expect(readDist("commands.html")).not.toMatch(/rescue/);
  });
});

describe("the pages' Content-Security-Policy", () => {
  const { contentSecurityPolicy } = require("../scripts/content-security-policy") as {
    contentSecurityPolicy: (scriptOrigins?: string[]) => string;
  };
  const policies = (configs: Configuration[]) =>
    plugins(configs, "ContentSecurityPolicyPlugin").map((plugin) => (plugin as unknown as { policy: string }).policy);

  test("every page of dist/ carries it, first in <head>, and holds no inline script or style", () => {
    const pages = readdirSync(distDir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html"));
    const wpsPages = ["index.html", "taskpane.html"];
    expect(pages.sort()).toEqual([
      "commands.html",
      "functions-help.html",
      "functions.html",
      "help.html",
      "taskpane.html",
      ...wpsPages.map((page) => `wps-offline/jsaddons/zhuanbao_${version}/${page}`),
      ...wpsPages.map((page) => `wps/${page}`),
    ]);
    for (const page of pages) {
      const html = readDist(page);
      const head = /<head>(<meta charset=[^>]*>)(<meta [^>]*>)/i.exec(html);
      expect({ page, policy: head?.[2] }).toEqual({
        page,
        policy: `<meta http-equiv=Content-Security-Policy content="${contentSecurityPolicy()}">`,
      });
      expect({ page, inline: html.match(/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\son\w+=/gi) }).toEqual({
        page,
        inline: null,
      });
    }
  });

  test("is built into the pages of every compilation, allowing Microsoft's CDN only with OFFICE_JS=cdn", async () => {
    // The pane and commands, the functions page, the WPS entry page.
    expect(policies(await configsWith(undefined))).toEqual(new Array(3).fill(contentSecurityPolicy()));
    const cdn = "https://appsforoffice.microsoft.com";
    expect(policies(await configsWith("cdn"))).toEqual(new Array(3).fill(contentSecurityPolicy([cdn])));
  });
});

test("functions.js is one chunk-less ES2016 file, and the dev server listens on port 3000", async () => {
  const configs = await configsWith(undefined);
  expect(configs.map((config) => config.name)).toEqual(["modern", "legacy", "functions", "wps"]);
  const functions = named(configs, "functions");
  expect(functions.entry).toEqual({ functions: { import: "./src/functions/functions.ts", chunkLoading: false } });
  expect(functions.target).toEqual(["web", "es2016"]);
  expect(configs[0]!.devServer!.port).toBe(3000);
});

test("the pane and the commands are built twice: ES2020 into dist/, ES5 into dist/legacy/", async () => {
  const configs = await configsWith(undefined);
  const modern = named(configs, "modern");
  const legacy = named(configs, "legacy");
  expect(Object.keys(modern.entry)).toEqual(["taskpane", "commands"]);
  expect(Object.keys(legacy.entry)).toEqual(["taskpane", "commands"]);
  expect(modern.target).toEqual(["web", "es2020"]);
  expect(legacy.target).toEqual(["web", "es5"]);
  expect(legacy.output.path).toBe(join(rootDir, "dist", "legacy"));
  // Both load their chunks relative to the page: dist/ holds every page.
  expect([modern.output.publicPath, legacy.output.publicPath]).toEqual(["", "legacy/"]);
  expect(legacy.entry.taskpane).toEqual(["./src/taskpane/trident.ts", "./src/taskpane/taskpane.ts"]);
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
