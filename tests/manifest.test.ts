/**
 * manifest.xml: valid against Office's schema (offline copy in tests/fixtures), every resid defined with the
 * right kind of resource, every URL a file the build emits, every label in Chinese with an English
 * override, and requirements low enough for Excel 2016.
 */
import { describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readPaneQuery } from "../src/taskpane/pane-query";
import { distPath, rootDir } from "./dist";
import { describeWith, xmllint } from "./support/tools";

const manifestPath = join(rootDir, "manifest.xml");
const schemaPath = join(rootDir, "tests", "fixtures", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd");
const manifest = readFileSync(manifestPath, "utf8");
const devOrigin = "https://localhost:3000/";

interface Element {
  name: string;
  attributes: Record<string, string>;
}

/** Start tags in document order (the schema check below guarantees the file is well-formed). */
const elements: Element[] = [
  ...manifest.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<([A-Za-z][\w:.]*)((?:\s+[\w:]+="[^"]*")*)\s*\/?>/g),
].map(([, name, attributes]) => ({
  name: name!,
  attributes: Object.fromEntries(
    [...attributes!.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]),
  ),
}));

type ResourceKind = "bt:Image" | "bt:Url" | "bt:ShortString" | "bt:LongString";

/** Resources by id, with their kind, from <Resources>. */
function resources(): Map<string, { kind: ResourceKind; element: Element }> {
  const byId = new Map<string, { kind: ResourceKind; element: Element }>();
  let section: ResourceKind | null = null;
  for (const element of elements) {
    if (element.name === "bt:Images") section = "bt:Image";
    if (element.name === "bt:Urls") section = "bt:Url";
    if (element.name === "bt:ShortStrings") section = "bt:ShortString";
    if (element.name === "bt:LongStrings") section = "bt:LongString";
    const id = element.attributes.id;
    if (section && id && ["bt:Image", "bt:Url", "bt:String"].includes(element.name)) {
      expect(byId.has(id)).toBe(false);
      byId.set(id, { kind: section, element });
    }
  }
  return byId;
}

/** What each referring element needs (per the manifest reference). */
const residKinds: Record<string, ResourceKind> = {
  "bt:Image": "bt:Image",
  SourceLocation: "bt:Url",
  FunctionFile: "bt:Url",
  LearnMoreUrl: "bt:Url",
  Label: "bt:ShortString",
  Title: "bt:ShortString",
  Namespace: "bt:ShortString",
  Description: "bt:LongString",
};

describeWith(xmllint)("the schema", () => {
  test("validates against the Office add-in manifest schema (xmllint, offline)", () => {
    expect(existsSync(schemaPath)).toBe(true);
    const output = execFileSync("xmllint", ["--noout", "--nonet", "--schema", schemaPath, manifestPath], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(output).toBe("");
  });
});

test("every resid names a defined resource of the kind its element needs, and every resource is used", () => {
  const defined = resources();
  const referring = elements.filter((element) => element.attributes.resid !== undefined);
  expect(referring.length).toBeGreaterThan(20);
  for (const element of referring) {
    const resid = element.attributes.resid!;
    expect(resid.length).toBeLessThanOrEqual(32);
    expect([element.name, resid, defined.get(resid)?.kind]).toEqual([element.name, resid, residKinds[element.name]]);
  }
  const used = new Set(referring.map((element) => element.attributes.resid));
  expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
});

describe("URLs", () => {
  const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)]
    .map(([, url]) => url!)
    .filter((url) => !url.startsWith("http://schemas.") && !url.startsWith("http://www.w3.org/"));

  test("are https://localhost:3000/… by default", () => {
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith(devOrigin)).toBe(true);
  });

  test("each names a file that npm run build emits in dist/", () => {
    for (const url of urls) {
      const file = new URL(url).pathname.slice(1);
      expect(existsSync(distPath(file))).toBe(true);
    }
  });

  test("the icons are PNGs of the sizes their elements declare", () => {
    const images = elements.filter((element) => element.name === "bt:Image" && element.attributes.DefaultValue);
    const iconUrls = [
      ...images.map((element) => element.attributes.DefaultValue!),
      ...elements.filter((element) => /IconUrl$/.test(element.name)).map((element) => element.attributes.DefaultValue!),
    ];
    for (const url of iconUrls) {
      const png = readFileSync(distPath(new URL(url).pathname.slice(1)));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)\.png$/.exec(url)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test("the ribbon buttons open the pane with the action the pane reads (?action=generate|create|check|next)", () => {
    const defined = resources();
    const actionOf = (control: string) => {
      const start = elements.findIndex((element) => element.attributes.id === control);
      const source = elements.slice(start).find((element) => element.name === "SourceLocation")!;
      const url = defined.get(source.attributes.resid!)!.element.attributes.DefaultValue!;
      expect(new URL(url).pathname).toBe("/taskpane.html");
      return readPaneQuery(new URL(url).search).action;
    };
    expect(actionOf("ZhuanBao.Generate")).toBe("generate");
    expect(actionOf("ZhuanBao.Create")).toBe("create");
    expect(actionOf("ZhuanBao.Check")).toBe("check");
    expect(actionOf("ZhuanBao.Next")).toBe("next");
  });
});

describe("strings", () => {
  const han = /[\u4e00-\u9fff]/;

  test("the default locale is zh-CN; the name and description have en-US overrides", () => {
    expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="专报助手">\s*<Override Locale="en-US" Value="[^"]+" \/>/);
    expect(manifest).toMatch(
      /<Description DefaultValue="[^"]*[\u4e00-\u9fff][^"]*">\s*<Override Locale="en-US" Value="[^"]+" \/>/,
    );
  });

  test("every label is Chinese by default, with an English en-US override, within Office's lengths", () => {
    const strings = [...resources()].filter(([, { kind }]) => kind === "bt:ShortString" || kind === "bt:LongString");
    expect(strings.length).toBeGreaterThan(8);
    for (const [id, { kind, element }] of strings) {
      const value = element.attributes.DefaultValue!;
      // The function namespace is the one ASCII string: Excel's formula names are ZB.*.
      if (id !== "Functions.Namespace") expect([id, han.test(value)]).toEqual([id, true]);
      expect(value.length).toBeLessThanOrEqual(kind === "bt:ShortString" ? 125 : 250);
      const override = new RegExp(
        `<bt:String id="${id.replace(/\./g, "\\.")}"[^>]*>\\s*<bt:Override Locale="en-US" Value="([^"]+)"`,
      );
      const english = override.exec(manifest)?.[1];
      expect([id, english !== undefined && !han.test(english)]).toEqual([id, true]);
    }
  });

  test("the ribbon has the 专报 tab with 生成专报, 创建模板, 校验数据 and 开始下一期, and the functions the ZB namespace", () => {
    const defined = resources();
    const label = (resid: string) => defined.get(resid)?.element.attributes.DefaultValue;
    expect(label("Tab.Label")).toBe("专报");
    expect(["Generate.Label", "Create.Label", "Check.Label", "Next.Label"].map(label)).toEqual([
      "生成专报",
      "创建模板",
      "校验数据",
      "开始下一期",
    ]);
    expect(label("Functions.Namespace")).toBe("ZB");
  });
});

test("requires only ExcelApi 1.1 at the top, and CustomFunctionsRuntime 1.1 only inside VersionOverrides", () => {
  const [base, overrides] = manifest.split("<VersionOverrides");
  expect(
    [...base!.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map(([, name, version]) => `${name} ${version}`),
  ).toEqual(["ExcelApi 1.1"]);
  expect(
    [...overrides!.matchAll(/<bt:Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map(
      ([, name, version]) => `${name} ${version}`,
    ),
  ).toEqual(["CustomFunctionsRuntime 1.1"]);
  expect(base).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html" \/>/);
});
