/**
 * The release's own files (scripts/release-files.js): a version that grows with every commit, a zip
 * that is the same bytes wherever and whenever it is made, and server configuration carrying the
 * pages' policy. The package as a whole, on nginx, is tests/release.test.ts.
 */
import { expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { tempDir } from "./support/cli";
import { makeCertificates, testConfiguration } from "./support/https-site";
import { describeWith, nginx, openssl } from "./support/tools";

const releaseFiles = require("../scripts/release-files") as {
  releaseVersion: (packageVersion: string, buildNumber: number) => string;
  deterministicZip: (files: Record<string, Uint8Array | string>) => Uint8Array;
  nginxSnippet: (baseUrl: string, version: string) => string;
  webConfig: (version: string) => string;
  deploymentNote: (baseUrl: string, version: string, withWps: boolean) => string;
};
const { contentSecurityPolicy } = require("../scripts/content-security-policy") as {
  contentSecurityPolicy: () => string;
};

test("the version is package.json's and the commit count, so a later commit's release is higher", () => {
  expect(releaseFiles.releaseVersion("0.1.0", 67)).toBe("0.1.0.67");
  expect(releaseFiles.releaseVersion("1.2.3-beta", 5)).toBe("1.2.3.5");
  expect(() => releaseFiles.releaseVersion("1.2", 5)).toThrow("x.y.z");
  expect(() => releaseFiles.releaseVersion("1.2.3", 70000)).toThrow("构建号");
});

test("the zip is the same bytes in any time zone and whatever order the files come in, and reads back", () => {
  const script = `const { deterministicZip } = require(${JSON.stringify(join(__dirname, "..", "scripts", "release-files.js"))});
process.stdout.write(Buffer.from(deterministicZip({ "部署说明.txt": "说明", "site/a.js": "a", "manifest.xml": "<x/>" })).toString("hex"));`;
  const zipIn = (timeZone: string) =>
    spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, TZ: timeZone } }).stdout;
  const shanghai = zipIn("Asia/Shanghai");
  expect(shanghai.length).toBeGreaterThan(100);
  expect(zipIn("America/New_York")).toBe(shanghai);
  const reordered = releaseFiles.deterministicZip({ "manifest.xml": "<x/>", "site/a.js": "a", "部署说明.txt": "说明" });
  expect(Buffer.from(reordered).toString("hex")).toBe(zipIn(Intl.DateTimeFormat().resolvedOptions().timeZone));
  const entries = unzipSync(reordered);
  expect(Object.keys(entries)).toEqual(["manifest.xml", "site/a.js", "部署说明.txt"]);
  expect(Buffer.from(entries["部署说明.txt"]!).toString("utf8")).toBe("说明");
});

test("nginx: the address's port and path, its host for the redirect, the policy and the cache rules", () => {
  const conf = releaseFiles.nginxSnippet("https://zb.example.gov.cn:8443/tools/zhuanbao/", "0.1.0.9");
  expect(conf).toContain("listen 8443 ssl;");
  expect(conf).toContain("server_name zb.example.gov.cn;");
  expect(conf).toContain("location /tools/zhuanbao/ {");
  expect(conf).toContain("return 301 https://zb.example.gov.cn:8443$request_uri;");
  expect(conf).toContain(`add_header Content-Security-Policy "${contentSecurityPolicy()}" always;`);
  expect(conf).toContain('default "no-cache";');
  expect(conf).toContain("autoindex off;");
  const atRoot = releaseFiles.nginxSnippet("https://zb.example.gov.cn/", "0.1.0.9");
  expect(atRoot).toContain("listen 443 ssl;");
  expect(atRoot).not.toContain("return 404;");
});

test("部署说明.txt opens in Windows Notepad: a BOM and CRLF lines, the address and the doctor's command", () => {
  const note = releaseFiles.deploymentNote("https://zb.example.gov.cn/zhuanbao/", "0.1.0.9", false);
  expect(note.startsWith("\ufeff专报助手 0.1.0.9 发布包\r\n")).toBe(true);
  expect(note).not.toMatch(/[^\r]\n/);
  expect(note).toContain("node doctor/zhuanbao-doctor.js https://zb.example.gov.cn/zhuanbao/");
  expect(note).not.toContain("wps");
  expect(releaseFiles.deploymentNote("https://zb.example.gov.cn/zhuanbao/", "0.1.0.9", true)).toContain(
    "JSPluginsServer=https://zb.example.gov.cn/zhuanbao/jsplugins.xml",
  );
});

describeWith(nginx, openssl)("nginx", () => {
  test("nginx -t accepts the snippet, with the administrator's edits, for an address with a path and at a root", () => {
    const dir = tempDir();
    try {
      const certificates = makeCertificates(dir);
      for (const [name, url] of [
        ["path", "https://zb.example.gov.cn:8443/tools/zhuanbao/"],
        ["root", "https://10.1.2.3/"],
      ] as const) {
        const prefix = join(dir, name);
        mkdirSync(prefix);
        const snippet = releaseFiles.nginxSnippet(url, "0.1.0.9");
        const result = testConfiguration(prefix, { snippet, root: dir, certificates, httpPort: 8080 });
        expect([name, result.output]).toEqual([name, expect.stringContaining("test is successful")]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
