// `npm run release -- --url https://host/path/` (or ADDIN_URL=https://host/path/ npm run release): builds
// the add-in for that address into a temporary folder (dist/ is left alone), stamps the release's
// version into the manifest and every page, and writes release/zhuanbao-<version>.zip: site/ (the
// files for the web server, with WPS's jsplugins.xml and wps/), manifest.xml, server/nginx.conf,
// server/web.config, doctor/ (the self-check, for Node alone), wps-offline/ (WPS's jsaddons folder
// for desks without the server) and 部署说明.txt. Same commit, same URL → the same bytes.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { parseArgs } = require("node:util");
const { addinBaseUrl, devOrigin } = require("./addin-url");
const { deploymentNote, deterministicZip, nginxSnippet, releaseVersion, webConfig } = require("./release-files");

const root = path.join(__dirname, "..");
/** The compiled self-check (build/, from tsconfig.cli.json) that goes into doctor/. */
const doctorModules = [
  "deploy/index.js",
  "deploy/site.js",
  "deploy/doctor.js",
  "cli/doctor.js",
  "cli/site-fetch.js",
  "cli/args.js",
  "cli/errors.js",
];
const doctorEntry = [
  "#!/usr/bin/env node",
  "// 专报助手部署自检：node zhuanbao-doctor.js https://服务器/路径/（需要 Node.js 18 或更新版本）",
  '"use strict";',
  'require("./cli/doctor.js")',
  "  .doctorMain(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) })",
  "  .then((code) => { process.exitCode = code; });",
  "",
].join("\n");

/** The build number: BUILD_NUMBER, else how many commits lead to HEAD. */
function buildNumber() {
  if (process.env.BUILD_NUMBER) return Number(process.env.BUILD_NUMBER);
  try {
    return Number(execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: root, encoding: "utf8" }).trim());
  } catch {
    throw new Error("不在 git 仓库中，无法得出构建号：请设置 BUILD_NUMBER（比上次发布大的整数）。");
  }
}

/** Every file under `dir`, as paths with forward slashes, sorted. */
function filesUnder(dir, prefix = "") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    )
    .sort();
}

/** The page with the release's version in a <meta> after <meta charset> (src/deploy/site.ts reads it). */
function withVersionMeta(html, version, page) {
  const charset = /<meta\s+charset="?[\w-]+"?\s*\/?>/i.exec(html);
  if (!charset) throw new Error(`${page} 没有 <meta charset>`);
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}\n    <meta name="zhuanbao-version" content="${version}" />${html.slice(at)}`;
}

function withManifestVersion(xml, version) {
  if (!/<Version>[^<]*<\/Version>/.test(xml)) throw new Error("manifest.xml 没有 <Version>");
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

const textFile = /\.(html|js|json|css|xml|txt)$/;
/** The WPS build's folder for the jsaddons copy (webpack.config.js's WpsOfflinePackagePlugin). */
const wpsOffline = "wps-offline/";

/** The site's files, stamped; fails when any still names the dev server. */
function siteFiles(buildDir, version) {
  const files = {};
  for (const file of filesUnder(buildDir)) {
    let data = fs.readFileSync(path.join(buildDir, file));
    if (file.endsWith(".html")) data = withVersionMeta(data.toString("utf8"), version, file);
    else if (file === "manifest.xml") data = withManifestVersion(data.toString("utf8"), version);
    if (textFile.test(file) && data.toString().includes(devOrigin.replace(/\/$/, "")))
      throw new Error(`site/${file} 仍指向开发服务器 ${devOrigin}`);
    files[file] = data;
  }
  return files;
}

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} 失败（退出码 ${result.status}）`);
}

/** Builds and packs; returns the zip's path. */
async function release({ url, outDir }) {
  const baseUrl = addinBaseUrl(url);
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const version = releaseVersion(packageJson.version, buildNumber());
  const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "zhuanbao-release-"));
  try {
    const env = { ...process.env, ADDIN_URL: baseUrl, BUILD_DIR: buildDir };
    delete env.OFFICE_JS; // the release serves office.js itself: no CDN
    console.log(`正在构建 ${version}，地址 ${baseUrl} …`);
    run(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], env);
    run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], process.env);

    const site = siteFiles(buildDir, version);
    const files = {
      "manifest.xml": site["manifest.xml"],
      "server/nginx.conf": nginxSnippet(baseUrl, version),
      "server/web.config": webConfig(version),
      "部署说明.txt": deploymentNote(
        baseUrl,
        version,
        Object.keys(site).some((file) => file.startsWith("wps/")),
      ),
      "doctor/zhuanbao-doctor.js": doctorEntry,
    };
    // The offline WPS copy goes to each desk, not to the server: beside site/, not in it.
    for (const file of Object.keys(site)) files[file.startsWith(wpsOffline) ? file : `site/${file}`] = site[file];
    for (const module of doctorModules) files[`doctor/${module}`] = fs.readFileSync(path.join(root, "build", module));

    const zip = deterministicZip(files);
    fs.mkdirSync(outDir, { recursive: true });
    const target = path.join(outDir, `zhuanbao-${version}.zip`);
    // The CLI's atomic write (temporary file, fsync, rename), compiled just above by tsc.
    const { writeFileAtomic } = require(path.join(root, "build", "files", "atomic-write.js"));
    await writeFileAtomic(target, zip);
    console.log(`已生成发布包：${target}（${Object.keys(files).length} 个文件，${(zip.length / 1024).toFixed(0)} KB）`);
    return target;
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: { url: { type: "string" }, "out-dir": { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    console.log("用法：npm run release -- --url https://服务器/路径/ [--out-dir release]（也可用环境变量 ADDIN_URL）");
    return 0;
  }
  const url = values.url ?? process.env.ADDIN_URL;
  if (!url) {
    console.error(
      "请用 --url 指定加载项在内网服务器上的地址，如 npm run release -- --url https://zb.example.gov.cn/zhuanbao/",
    );
    return 2;
  }
  await release({ url, outDir: path.resolve(values["out-dir"] ?? path.join(root, "release")) });
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error.message);
      process.exitCode = 2;
    },
  );
}

module.exports = { release, withVersionMeta, withManifestVersion };
