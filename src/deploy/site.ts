/**
 * What a deployed copy of the add-in must look like, read from its files: the manifest's version and
 * URLs, what each page and stylesheet loads, the content type each file needs, the version a page
 * carries. Pure and host-neutral: `zhuanbao doctor` (Node) and the pane's 部署自检 (the browser) both
 * call it, and the release tests check the package with it.
 */

/** The <meta> scripts/release.js puts in every page: the release's version, to compare with the manifest's. */
export const versionMetaName = "zhuanbao-version";

/** `url` with a trailing slash and no query or fragment; null when it is not an http(s) URL. */
export function siteBase(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  parsed.search = "";
  parsed.hash = "";
  return parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
}

/** True when `url` lies under `base` (same scheme, host, port and path prefix). */
export function isUnder(url: string, base: string): boolean {
  return url.startsWith(base);
}

/** The part of `url` that names a file: no query, no fragment. */
export function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

export interface ManifestFacts {
  /** <Version>, or null when missing. */
  version: string | null;
  /** Every http(s) URL the manifest names, in document order, without repeats. */
  urls: string[];
}

const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, "g");

/** The manifest's version and URLs (values of DefaultValue/Value attributes; xmlns names are not requests). */
export function manifestFacts(xml: string): ManifestFacts {
  const text = xml.replace(/<!--[\s\S]*?-->/g, "");
  const version = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(text)?.[1] ?? null;
  const urls: string[] = [];
  for (const name of ["DefaultValue", "Value"]) {
    for (const [, value] of text.matchAll(attribute(name))) {
      const url = decodeXml(value!);
      if (/^https?:\/\//i.test(url) && !urls.includes(url)) urls.push(url);
    }
  }
  return { version, urls };
}

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => xmlEntities[name]!);
}

const xmlEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A <Version> Office accepts: one to four dot-separated numbers (OfficeAppManifestV1_1.xsd). */
export function isManifestVersion(version: string): boolean {
  return /^\d{1,5}(\.\d{1,5}){0,3}$/.test(version);
}

/** An attribute's value in a start tag, quoted or not (minified pages drop the quotes). */
function attributeValue(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3])! : null;
}

/** The start tags of `element` in a page, comments left out. */
function startTags(html: string, element: string): string[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, "");
  return [...text.matchAll(new RegExp(`<(?:${element})\\b[^>]*>`, "gi"))].map(([tag]) => tag);
}

/**
 * What a page makes the browser fetch: src of scripts, images and frames, href of stylesheets and
 * icons, resolved against the page's URL. Links a person clicks (<a href>) are not requests.
 */
export function pageReferences(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  for (const tag of startTags(html, "script|img|iframe|link|source|embed")) {
    const src = attributeValue(tag, "src");
    if (src) found.push(src);
    const href = attributeValue(tag, "href");
    if (href && /^<link/i.test(tag)) found.push(href);
  }
  return resolveAll(found, pageUrl);
}

/** What a stylesheet fetches: url(…) and @import. */
export function stylesheetReferences(css: string, sheetUrl: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const found = [...text.matchAll(/url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)].map(
    ([, url, imported]) => (url ?? imported)!,
  );
  return resolveAll(
    found.filter((url) => !url.startsWith("data:")),
    sheetUrl,
  );
}

function resolveAll(references: string[], base: string): string[] {
  const urls: string[] = [];
  for (const reference of references) {
    const url = new URL(reference, base).href;
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

/** The http(s) URLs written out in a text (a JSON file's help links, say). */
export function absoluteUrls(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s"'<>)\\]+/gi) ?? [])];
}

/** The version a page carries in its <meta name="zhuanbao-version">, or null. */
export function pageVersion(html: string): string | null {
  const meta = startTags(html, "meta").find((tag) => attributeValue(tag, "name") === versionMetaName);
  return meta ? attributeValue(meta, "content") : null;
}

/** The sources a page's Content-Security-Policy allows besides its own origin ('self', 'none' and keywords are fine). */
export function policyOutsideSources(html: string): string[] | null {
  const meta = startTags(html, "meta").find(
    (tag) => attributeValue(tag, "http-equiv")?.toLowerCase() === "content-security-policy",
  );
  const policy = meta ? attributeValue(meta, "content") : null;
  if (policy === null) return null;
  const sources = policy
    .split(";")
    .flatMap((directive) => directive.trim().split(/\s+/).slice(1))
    .filter((source) => !/^'[^']*'$/.test(source) && source !== "data:");
  return [...new Set(sources)];
}

export type FileKind = "html" | "script" | "json" | "stylesheet" | "image" | "xml" | "font" | "other";

const kindsByExtension: Record<string, FileKind> = {
  html: "html",
  htm: "html",
  js: "script",
  json: "json",
  css: "stylesheet",
  png: "image",
  svg: "image",
  ico: "image",
  xml: "xml",
  woff2: "font",
};

/** What a URL's file is, by its extension. */
export function fileKind(url: string): FileKind {
  const path = new URL(url).pathname;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";
  return kindsByExtension[extension] ?? "other";
}

/** The media types a file may be served as (Office and the browser refuse or misread others). */
export const acceptedTypes: Record<FileKind, readonly string[]> = {
  html: ["text/html"],
  script: ["text/javascript", "application/javascript", "application/x-javascript"],
  json: ["application/json"],
  stylesheet: ["text/css"],
  image: ["image/png", "image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon"],
  xml: ["application/xml", "text/xml"],
  font: ["font/woff2"],
  other: [],
};

/** True when a Content-Type header suits the file (parameters such as charset are ignored). */
export function contentTypeFits(url: string, contentType: string | null): boolean {
  const kind = fileKind(url);
  if (kind === "other") return true;
  const media = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (kind === "image") return media === expectedImageType(url);
  return acceptedTypes[kind].includes(media);
}

function expectedImageType(url: string): string {
  const extension = new URL(url).pathname.split(".").pop()!.toLowerCase();
  return extension === "svg" ? "image/svg+xml" : extension === "ico" ? "image/x-icon" : "image/png";
}

/** The type to name in a report when the served one does not fit. */
export function expectedType(url: string): string {
  const kind = fileKind(url);
  return kind === "image" ? expectedImageType(url) : (acceptedTypes[kind][0] ?? "任意");
}
