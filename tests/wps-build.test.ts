/**
 * The built WPS 加载项 (dist/wps/, dist/jsplugins.xml, dist/wps-offline/): its XML is well-formed, every
 * callback ribbon.xml names is a function of the entry page, every address in its files resolves in the
 * build, the offline copy is the add-in as built, and its pages hold to the Content-Security-Policy.
 */
import { describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ribbonActions } from "../src/wps/ribbon";
import { distDir, distPath, readDist } from "./dist";
import { loadWpsEntry } from "./functions-runtime";
import { describeWith, xmllint } from "./support/tools";
import { version } from "../package.json";

const wpsDir = join(distDir, "wps");
const devBase = "https://localhost:3000/";
const xmlFiles = ["wps/ribbon.xml", "wps/manifest.xml", "jsplugins.xml", "wps-offline/jsaddons/publish.xml"];

/** Every file under `folder`, relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(join(folder, name)).isFile())
    .map((name) => name.split("\\").join("/"))
    .sort();
}

/** The relative addresses a page loads (src and href), without query or fragment. */
function pageAddresses(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)=["']?([^"'\s>]+)/g)].map((match) => match[1]!.replace(/[?#].*$/, ""));
}

/** A URL under the add-in's base address as the file of dist/ it names. */
function distFileOf(url: string): string {
  expect(url.startsWith(devBase)).toBe(true);
  return join(distDir, url.slice(devBase.length));
}

describeWith(xmllint)("the WPS XML files", () => {
  test.each(xmlFiles)("%s is well-formed (xmllint)", (file) => {
    expect(() => execFileSync("xmllint", ["--noout", "--nonet", distPath(file)], { stdio: "pipe" })).not.toThrow();
  });
});

describe("the WPS entry page and ribbon", () => {
  test("every callback ribbon.xml names is a function of the entry page", () => {
    const ribbon = readDist("wps/ribbon.xml");
    const callbacks = [...ribbon.matchAll(/\b(?:onLoad|onAction|get[A-Z][A-Za-z]*)="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(callbacks)).toEqual(new Set(["OnAddinLoad", "OnAction", "GetImage"]));
    const { globals } = loadWpsEntry();
    for (const name of callbacks) expect(typeof globals[name]).toBe("function");
  });

  test("the tab 专报 has the four buttons, each starting its pane action with an icon that exists", () => {
    const ribbon = readDist("wps/ribbon.xml");
    expect(ribbon).toContain('label="专报"');
    const buttons = [...ribbon.matchAll(/<button id="([^"]+)" label="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(buttons).toEqual([
      ["zbCreateTemplate", "创建模板"],
      ["zbCheckData", "校验数据"],
      ["zbGenerate", "生成专报"],
      ["zbNextPeriod", "开始下一期"],
    ]);
    expect(Object.keys(ribbonActions)).toEqual(buttons.map(([id]) => id));
    const { globals } = loadWpsEntry();
    const image = (globals.GetImage as () => string)();
    expect(existsSync(join(wpsDir, image))).toBe(true);
  });
});

describe("every address in the WPS add-in resolves in the build", () => {
  test("the entry page and the pane load only files beside them, and no office.js", () => {
    for (const page of ["index.html", "taskpane.html"]) {
      const addresses = pageAddresses(readDist(`wps/${page}`));
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses)
        expect({ page, address, exists: existsSync(join(wpsDir, address)) }).toEqual({
          page,
          address,
          exists: true,
        });
      expect(addresses.filter((address) => address.includes("office"))).toEqual([]);
    }
  });

  test("the pane's lazily loaded chunks and the legacy bundle are beside it", () => {
    const chunks = readdirSync(distDir).filter((name) => /^[\w-]+\.[0-9a-f]{8}\.js$/.test(name));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(readFileSync(join(wpsDir, chunk))).toEqual(readFileSync(join(distDir, chunk)));
    expect(filesUnder(join(wpsDir, "legacy"))).toEqual(filesUnder(join(distDir, "legacy")));
  });

  test("the manifest's functions.json is there, and is Excel's", () => {
    const uri = /<Uri>\/?([^<]+)<\/Uri>/.exec(readDist("wps/manifest.xml"))![1]!;
    expect(readDist(`wps/${uri}`)).toBe(readDist("functions.json"));
    expect(readDist("wps/manifest.xml")).toContain("<Namespace>ZB</Namespace>");
  });

  test("jsplugins.xml and publish.xml name the add-in folder, which holds what WPS loads", () => {
    for (const file of ["jsplugins.xml", "wps-offline/jsaddons/publish.xml"]) {
      const url = /\burl="([^"]+)"/.exec(readDist(file))![1]!;
      const folder = distFileOf(url);
      for (const part of ["index.html", "main.js", "ribbon.xml", "manifest.xml", "functions.json"]) {
        expect(existsSync(join(folder, part))).toBe(true);
      }
      expect(readDist(file)).toMatch(/type="et"/);
    }
  });

  test("the offline jsaddons folder is dist/wps/ as built, under the name_version publish.xml gives", () => {
    const entry = /<jsplugin\b[^>]*>/.exec(readDist("wps-offline/jsaddons/publish.xml"))![0];
    const name = /\bname="([^"]+)"/.exec(entry)![1]!;
    expect(/\bversion="([^"]+)"/.exec(entry)![1]).toBe(version);
    const folder = join(distDir, "wps-offline", "jsaddons", `${name}_${version}`);
    expect(filesUnder(folder)).toEqual(filesUnder(wpsDir));
    for (const file of filesUnder(wpsDir)) {
      expect({ file, same: readFileSync(join(folder, file)).equals(readFileSync(join(wpsDir, file))) }).toEqual({
        file,
        same: true,
      });
    }
    expect(relative(distDir, folder)).toBe(`wps-offline/jsaddons/zhuanbao_${version}`);
  });
});

test("the WPS pages carry the Content-Security-Policy and hold no inline code", () => {
  for (const page of ["wps/index.html", "wps/taskpane.html"]) {
    const html = readDist(page);
    expect(html).toMatch(/http-equiv="?Content-Security-Policy/);
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/i);
  }
});
