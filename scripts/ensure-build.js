// Builds dist/ (`npm run build`, production) when it is missing or older than its sources, so tests
// that read the built add-in run against the current code. One build at a time across processes: a
// lock folder makes a second caller wait, then re-check.
"use strict";
const { execFileSync } = require("node:child_process");
const { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const distDir = join(root, "dist");
// Kept in this checkout's build/ (ignored by git), not in node_modules/.cache: worktrees that share one
// node_modules through a link would otherwise share the stamp, and a stale dist/ would look fresh.
const stateDir = join(root, "build", "dist-state");
const lockDir = join(stateDir, "build.lock");
const buildErrorFile = join(stateDir, "build-error.txt");
// When the last build finished: webpack leaves an output it would write unchanged as it was, so the
// outputs' own times can stay older than a source that changed without changing them.
const builtStamp = join(stateDir, "build-done");
const staleLockMs = 10 * 60 * 1000;

const inputs = [
  "src",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "scripts/office-js-files.js",
  "scripts/addin-url.js",
  "scripts/css-fallbacks.js",
  "scripts/content-security-policy.js",
  "scripts/wps-deploy.js",
  "tsconfig.json",
  "package.json",
];
const outputs = [
  "taskpane.html",
  "taskpane.css",
  "taskpane.js",
  "legacy/taskpane.js",
  "commands.html",
  "functions.html",
  "functions.js",
  "functions.json",
  "manifest.xml",
  "jsplugins.xml",
  "wps/index.html",
  "wps/main.js",
  "wps/ribbon.xml",
  "wps/taskpane.html",
  "wps-offline/jsaddons/publish.xml",
];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function isFresh() {
  const built = outputs.map((file) => join(distDir, file));
  if (!built.every((file) => existsSync(file))) return false;
  // A development build (npm run build:dev) leaves source maps: the tests want the production one.
  if (existsSync(join(distDir, "functions.js.map"))) return false;
  if (!existsSync(builtStamp)) return false;
  const builtAt = statSync(builtStamp).mtimeMs;
  const newestInput = Math.max(
    ...inputs
      .map((input) => join(root, input))
      .filter(existsSync)
      .map(newestMtime),
  );
  return newestInput <= builtAt;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  mkdirSync(join(lockDir, ".."), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (Date.now() - statSync(lockDir).mtimeMs > staleLockMs) rmSync(lockDir, { recursive: true, force: true });
      else sleep(500);
    }
  }
}

/**
 * Returns null when dist/ is current (building it if needed), or the build's error output. Never
 * throws for a failed build: tests that need dist/ report it (see tests/dist.ts), the rest still run.
 */
function ensureBuild() {
  if (isFresh()) return null;
  acquireLock();
  try {
    if (isFresh()) return null;
    const webpackCli = require.resolve("webpack-cli/bin/cli.js");
    rmSync(builtStamp, { force: true });
    execFileSync(process.execPath, [webpackCli, "--mode", "production"], { cwd: root, stdio: "pipe" });
    rmSync(buildErrorFile, { force: true });
    writeFileSync(builtStamp, new Date().toISOString());
    return null;
  } catch (error) {
    const message = `${error.stdout ?? ""}${error.stderr ?? ""}` || String(error);
    writeFileSync(buildErrorFile, message);
    return message;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

module.exports = { ensureBuild, distDir, buildErrorFile };

if (require.main === module) {
  const error = ensureBuild();
  if (error) {
    console.error(error);
    process.exit(1);
  }
}
