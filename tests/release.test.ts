/**
 * The release package (`npm run release -- --url …`), built once for an address on loopback: what it
 * holds, that it points only at that address, that it is the same bytes as dist/ apart from the
 * address and the version stamp (so building twice gives the same package), and — on Debian's nginx
 * with its own server/nginx.conf and a certificate made here — that the doctor it ships reports all
 * green, and names the fault in each deliberately broken copy.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { unzipSync } from "fflate";
import {
  absoluteUrls,
  fileKind,
  manifestFacts,
  pageReferences,
  pageVersion,
  stylesheetReferences,
  withoutQuery,
} from "../src/deploy";
import { distDir, distPath } from "./dist";
import { tempDir } from "./support/cli";
import {
  freePort,
  makeCertificates,
  startNginx,
  testConfiguration,
  type Certificates,
  type NginxSetup,
} from "./support/https-site";
import { describeWith, nginx, openssl, xmllint } from "./support/tools";

const { contentSecurityPolicy } = require("../scripts/content-security-policy") as {
  contentSecurityPolicy: () => string;
};
const { deterministicZip } = require("../scripts/release-files") as {
  deterministicZip: (files: Record<string, Uint8Array>) => Uint8Array;
};

const rootDir = join(__dirname, "..");
const schemaPath = join(rootDir, "tests", "fixtures", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd");
const devOrigin = "https://localhost:3000/";
const work = tempDir();
// nginx's workers run as nobody when the test runs as root: they must reach the site copies inside.
chmodSync(work, 0o755);
const testTimeout = 60_000;

let port = 0;
let httpPort = 0;
let base = "";
let zipPath = "";
let zip: Uint8Array;
let files: Record<string, Uint8Array> = {};
const text = (file: string) => Buffer.from(files[file]!).toString("utf8");
const siteFiles = () =>
  Object.keys(files)
    .filter((file) => file.startsWith("site/"))
    .map((file) => file.slice("site/".length));

beforeAll(() => {
  return (async () => {
    port = await freePort();
    httpPort = await freePort();
    base = `https://127.0.0.1:${port}/zhuanbao/`;
    const out = join(work, "release");
    execFileSync(process.execPath, [join(rootDir, "scripts", "release.js"), "--url", base, "--out-dir", out], {
      cwd: rootDir,
      stdio: "pipe",
      env: { ...process.env, OFFICE_JS: "" },
    });
    const version = expectedVersion();
    // Written to a temporary file and renamed: nothing else is left in the folder.
    expect(readdirSync(out)).toEqual([`zhuanbao-${version}.zip`]);
    zipPath = join(out, `zhuanbao-${version}.zip`);
    zip = new Uint8Array(readFileSync(zipPath));
    files = unzipSync(zip);
  })();
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectedVersion(): string {
  const { version } = JSON.parse(readFileSync(join(rootDir, "package.json"), "utf8")) as { version: string };
  const count = execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: rootDir, encoding: "utf8" }).trim();
  return `${version}.${count}`;
}

describe("the package", () => {
  test("holds the site, the versioned manifest, both server configurations, the doctor and 部署说明.txt", () => {
    const version = expectedVersion();
    for (const file of [
      "manifest.xml",
      "server/nginx.conf",
      "server/web.config",
      "部署说明.txt",
      "doctor/zhuanbao-doctor.js",
      "site/taskpane.html",
      "site/functions.js",
      "site/functions.json",
      "site/office-js/office.js",
    ]) {
      expect(files[file]?.length).toBeGreaterThan(0);
    }
    expect(manifestFacts(text("manifest.xml")).version).toBe(version);
    expect(text("site/manifest.xml")).toBe(text("manifest.xml"));
    for (const page of siteFiles().filter((file) => file.endsWith(".html"))) {
      expect([page, pageVersion(text(`site/${page}`))]).toEqual([page, version]);
    }
    // The WPS add-in: online from the server, offline as a jsaddons folder beside site/.
    for (const file of ["site/jsplugins.xml", "site/wps/index.html", "wps-offline/jsaddons/publish.xml"]) {
      expect(files[file]?.length).toBeGreaterThan(0);
    }
    expect(text("site/jsplugins.xml")).toContain(`url="${base}wps/"`);
    expect(siteFiles().filter((file) => file.startsWith("wps-offline/"))).toEqual([]);
    expect(text("部署说明.txt")).toContain(`JSPluginsServer=${base}jsplugins.xml`);
    expect(text("部署说明.txt")).toContain(base);
    expect(text("部署说明.txt")).toContain(`node doctor/zhuanbao-doctor.js ${base}`);
  });

  test("the manifest names only the given address, and every file it or a page or stylesheet loads is in site/", () => {
    const facts = manifestFacts(text("manifest.xml"));
    expect(facts.urls.length).toBeGreaterThan(10);
    expect(facts.urls.filter((url) => !url.startsWith(base))).toEqual([]);
    const wanted = new Set(facts.urls.map(withoutQuery));
    for (const file of siteFiles()) {
      const url = new URL(file, base).href;
      if (fileKind(url) === "html") pageReferences(text(`site/${file}`), url).forEach((ref) => wanted.add(ref));
      if (fileKind(url) === "stylesheet")
        stylesheetReferences(text(`site/${file}`), url).forEach((ref) => wanted.add(ref));
    }
    const missing = [...wanted].filter((url) => !url.startsWith(base) || !files[`site/${url.slice(base.length)}`]);
    expect(missing).toEqual([]);
    expect(wanted).toContain(`${base}office-js/office.js`);
    expect(wanted).toContain(`${base}functions.json`);
  });

  test("nothing in the site points at localhost or another host (office.js is served from the site)", () => {
    for (const file of siteFiles().filter((name) => /\.(html|js|json|css|xml|txt)$/.test(name))) {
      // office.js's own "http://document.localhost/" names no server; a dev-server address would.
      expect([file, /\/\/localhost[:/]/i.test(text(`site/${file}`))]).toEqual([file, false]);
      if (/\.(html|css|json)$/.test(file)) {
        expect([file, absoluteUrls(text(`site/${file}`)).filter((url) => !url.startsWith(base))]).toEqual([file, []]);
      }
    }
  });

  test("is dist/ byte for byte apart from the address and the version stamp: two builds of a commit agree", () => {
    distPath("manifest.xml");
    const version = expectedVersion();
    const unstamped = (file: string) => {
      let content = text(`site/${file}`).split(base).join(devOrigin);
      if (file.endsWith(".html"))
        content = content.replace(`\n    <meta name="zhuanbao-version" content="${version}" />`, "");
      if (file === "manifest.xml")
        content = content.replace(`<Version>${version}</Version>`, "<Version>0.1.0.0</Version>");
      return Buffer.from(content);
    };
    const textual = /\.(html|json|xml)$/;
    // A script with the address inside is minified around it: terser names variables by how often each
    // character occurs, so another address gives other names. Only WPS's main.js (its help links) is one.
    const addressedScripts = siteFiles().filter((file) => file.endsWith(".js") && text(`site/${file}`).includes(base));
    expect(addressedScripts).toEqual(["wps/main.js"]);
    const differing = siteFiles().filter((file) => {
      if (addressedScripts.includes(file)) return false;
      const built = readFileSync(join(distDir, file));
      return !(textual.test(file) ? unstamped(file) : Buffer.from(files[`site/${file}`]!)).equals(built);
    });
    expect(differing).toEqual([]);
  });

  test("the zip depends only on its contents: sorted entries, fixed times and attributes", () => {
    expect(Buffer.from(deterministicZip(files)).equals(Buffer.from(zip))).toBe(true);
    const names = Object.keys(files);
    expect(names).toEqual([...names].sort());
  });
});

describeWith(xmllint)("checked by xmllint", () => {
  test("the manifest is valid against Office's schema", () => {
    const manifest = join(work, "manifest.xml");
    writeFileSync(manifest, files["manifest.xml"]!);
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", schemaPath, manifest], { stdio: "pipe" });
  });

  test("web.config is well-formed, sets the MIME types, no listing, and the pages' own policy as a header", () => {
    const config = join(work, "web.config");
    writeFileSync(config, files["server/web.config"]!);
    execFileSync("xmllint", ["--noout", "--nonet", config], { stdio: "pipe" });
    const xml = text("server/web.config");
    for (const type of [
      '".json" mimeType="application/json"',
      '".woff2" mimeType="font/woff2"',
      '".xml" mimeType="application/xml"',
    ]) {
      expect(xml).toContain(`fileExtension=${type}`);
    }
    expect(xml).toContain('<directoryBrowse enabled="false" />');
    expect(xml).toContain('cacheControlMode="DisableCache"');
    expect(xml).toContain(`value="${contentSecurityPolicy()}"`);
    expect(xml).toContain('<add input="{HTTPS}" pattern="^OFF$" />');
  });
});

describeWith(nginx, openssl)("served by nginx over HTTPS", () => {
  let certificates: Certificates;
  let serial = 0;

  beforeAll(() => {
    const dir = join(work, "certificates");
    mkdirSync(dir);
    certificates = makeCertificates(dir);
  });

  /** A copy of site/ under the address's path, changed by `change`. */
  function siteCopy(change: (siteDir: string) => void = () => undefined): string {
    serial += 1;
    const root = join(work, `root-${serial}`);
    const siteDir = join(root, "zhuanbao");
    mkdirSync(siteDir, { recursive: true });
    for (const file of siteFiles()) {
      mkdirSync(join(siteDir, file, ".."), { recursive: true });
      writeFileSync(join(siteDir, file), files[`site/${file}`]!);
    }
    change(siteDir);
    return root;
  }

  function setup(root: string, edit?: (conf: string) => string): NginxSetup {
    return { snippet: text("server/nginx.conf"), root, certificates, httpPort, ...(edit ? { edit } : {}) };
  }

  async function withNginx<T>(root: string, edit: ((conf: string) => string) | undefined, use: () => T | Promise<T>) {
    const prefix = join(work, `nginx-${(serial += 1)}`);
    mkdirSync(prefix);
    const server = await startNginx(prefix, setup(root, edit), port);
    try {
      return await use();
    } finally {
      await server.stop();
    }
  }

  /** The doctor as the package ships it, run with Node alone. */
  function doctor(address: string, trust = true) {
    const packageDir = join(work, "package");
    for (const file of Object.keys(files).filter((name) => name.startsWith("doctor/"))) {
      mkdirSync(join(packageDir, file, ".."), { recursive: true });
      writeFileSync(join(packageDir, file), files[file]!);
    }
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    if (trust) env.NODE_EXTRA_CA_CERTS = certificates.ca;
    const run = spawnSync(process.execPath, [join(packageDir, "doctor", "zhuanbao-doctor.js"), address], {
      encoding: "utf8",
      env,
    });
    return { code: run.status, output: run.stdout + run.stderr };
  }

  function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
    return new Promise((resolve, reject) => {
      const req = request(`${base}${path}`, { ca: readFileSync(certificates.ca) }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  test("nginx -t accepts server/nginx.conf with the administrator's edits", () => {
    const prefix = join(work, "nginx-t");
    mkdirSync(prefix);
    const result = testConfiguration(prefix, setup(siteCopy()));
    expect(result.output).toContain("test is successful");
    expect(result.ok).toBe(true);
  });

  test(
    "the doctor reports every file green and exits 0; the headers are the snippet's",
    async () => {
      const root = siteCopy();
      await withNginx(root, undefined, async () => {
        const { code, output } = doctor(base);
        expect(output).toContain("全部通过");
        expect(output).not.toContain("✗");
        for (const file of [
          "manifest.xml",
          "taskpane.html",
          "functions.js",
          "functions.json",
          "office-js/office.js",
          "assets/icon-32.png",
          "taskpane.css",
          "legacy/taskpane.js",
        ]) {
          expect(output).toMatch(new RegExp(`^✓ ${file.replace(/\./g, "\\.")}（`, "m"));
        }
        expect(code).toBe(0);

        const page = await get("taskpane.html");
        expect(page.headers["cache-control"]).toBe("no-cache");
        expect(page.headers["content-security-policy"]).toBe(contentSecurityPolicy());
        const hashed = siteFiles().find((file) => /\.[0-9a-f]{8}\.js$/.test(file))!;
        expect((await get(hashed)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
        expect((await get("manifest.xml")).headers["content-type"]).toMatch(/^application\/xml/);
        expect((await get("assets/")).status).toBe(404);
      });
    },
    testTimeout,
  );

  test(
    "a desk that does not trust the certificate: every file's certificate is reported, exit 1",
    async () => {
      await withNginx(siteCopy(), undefined, () => {
        const { code, output } = doctor(base, false);
        expect(output).toContain("✗ 证书：本机不信任该证书");
        expect(output).not.toMatch(/✗ (可访问|内容类型|版本|只连本站)/);
        expect(code).toBe(1);
      });
    },
    testTimeout,
  );

  test(
    "a missing file is named with HTTP 404, exit 1",
    async () => {
      const root = siteCopy((site) => rmSync(join(site, "functions.js")));
      await withNginx(root, undefined, () => {
        const { code, output } = doctor(base);
        expect(output).toMatch(/^✗ functions\.js\n {4}✗ 可访问：HTTP 404/m);
        expect(output.match(/^✗ /gm)).toHaveLength(1);
        expect(code).toBe(1);
      });
    },
    testTimeout,
  );

  test(
    "a wrong MIME type is named with the one expected, exit 1",
    async () => {
      const edit = (conf: string) => conf.replace("application/json json;", "text/plain json;");
      await withNginx(siteCopy(), edit, () => {
        const { code, output } = doctor(base);
        expect(output).toMatch(
          /^✗ functions\.json\n {4}✗ 内容类型：服务器给出 text\/plain; charset=utf-8，应为 application\/json/m,
        );
        expect(code).toBe(1);
      });
    },
    testTimeout,
  );

  test(
    "plain http: every file is reported as not HTTPS (and the manifest's https URLs as elsewhere), exit 1",
    async () => {
      const edit = (conf: string) =>
        conf.replace(`listen ${port} ssl;`, `listen ${port};`).replace(/ {4}ssl_\w+ [^\n]*\n/g, "");
      await withNginx(siteCopy(), edit, () => {
        const { code, output } = doctor(`http://127.0.0.1:${port}/zhuanbao/`);
        expect(output).toMatch(/^✗ manifest\.xml\n {4}✗ HTTPS：用的是 http/m);
        expect(output).toContain("引用了本站以外的地址 https://127.0.0.1");
        expect(code).toBe(1);
      });
    },
    testTimeout,
  );

  test(
    "the http port redirects to https, which the doctor reports for an http address",
    async () => {
      await withNginx(siteCopy(), undefined, () => {
        const { code, output } = doctor(`http://127.0.0.1:${httpPort}/zhuanbao/`);
        expect(output).toContain(`被重定向（301）到 https://127.0.0.1:${port}/zhuanbao/manifest.xml`);
        expect(code).toBe(1);
      });
    },
    testTimeout,
  );

  test(
    "an old manifest beside a newer site: every page's version is named against the manifest's, exit 1",
    async () => {
      const version = expectedVersion();
      const root = siteCopy((site) => {
        const file = join(site, "manifest.xml");
        writeFileSync(
          file,
          readFileSync(file, "utf8").replace(`<Version>${version}</Version>`, "<Version>0.0.9.1</Version>"),
        );
      });
      await withNginx(root, undefined, () => {
        const { code, output } = doctor(base);
        expect(output).toMatch(
          new RegExp(
            `^✗ taskpane\\.html\\n {4}✗ 版本：页面是 ${version.replace(/\./g, "\\.")} 版，清单是 0\\.0\\.9\\.1 版`,
            "m",
          ),
        );
        expect(code).toBe(1);
      });
    },
    testTimeout,
  );

  test(
    "a page loading from another host (office.js from Microsoft's CDN) is named, exit 1",
    async () => {
      const root = siteCopy((site) => {
        const file = join(site, "taskpane.html");
        const cdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
        writeFileSync(file, readFileSync(file, "utf8").replace("src=office-js/office.js", `src=${cdn}`));
      });
      await withNginx(root, undefined, () => {
        const { code, output } = doctor(base);
        expect(output).toMatch(
          /^✗ taskpane\.html\n {4}✗ 只连本站：引用了本站以外的地址 https:\/\/appsforoffice\.microsoft\.com/m,
        );
        expect(code).toBe(1);
      });
    },
    testTimeout,
  );
});
