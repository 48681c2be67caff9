/**
 * A small deployed site held in memory, as scripts/release.js lays one out: the manifest, a page with
 * its version stamp and policy, what the page and its stylesheet load. The deployment self-check's
 * tests serve it through each front's fake (Node's fetcher in tests/deploy, the pane's fetch and
 * XMLHttpRequest in tests/taskpane-self-check.test.ts), right and with each fault.
 */
export const base = "https://zb.example.gov.cn/zhuanbao/";
export const version = "0.1.0.42";
const policy = "default-src 'self'; script-src 'self'; object-src 'none'";

export const page = (script: string) =>
  `<!doctype html><html><head><meta charset=utf-8>\n    <meta name="zhuanbao-version" content="${version}" />` +
  `<meta http-equiv=Content-Security-Policy content="${policy}"><link rel=stylesheet href=taskpane.css>` +
  `<script src=${script}></script><script type=module src=taskpane.js></script></head><body><a href="https://example.com/">x</a></body></html>`;

export const manifest = (v: string, urlBase = base) => `<?xml version="1.0"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1">
  <!-- <IconUrl DefaultValue="https://commented.example/x.png" /> -->
  <Version>${v}</Version>
  <IconUrl DefaultValue="${urlBase}assets/icon-32.png" />
  <SourceLocation DefaultValue="${urlBase}taskpane.html" />
  <bt:Url id="Generate.Url" DefaultValue="${urlBase}taskpane.html?action=generate" />
  <bt:Url id="Functions.Metadata.Url" DefaultValue="${urlBase}functions.json" />
</OfficeApp>`;

export interface FakeFile {
  body: string;
  type: string;
}

export function site(): Map<string, FakeFile> {
  return new Map([
    ["manifest.xml", { body: manifest(version), type: "application/xml" }],
    ["taskpane.html", { body: page("office-js/office.js"), type: "text/html; charset=utf-8" }],
    ["taskpane.css", { body: "body{background:url(assets/bg.png)}", type: "text/css" }],
    ["taskpane.js", { body: 'var ns="http://schemas.openxmlformats.org/x";', type: "text/javascript" }],
    ["office-js/office.js", { body: "/* office */", type: "application/javascript" }],
    ["assets/icon-32.png", { body: "png", type: "image/png" }],
    ["assets/bg.png", { body: "png", type: "image/png" }],
    ["functions.json", { body: `{"functions":[{"helpUrl":"${base}functions-help.html"}]}`, type: "application/json" }],
  ]);
}
