/**
 * The programs some tests need besides Node: Debian's Chromium, LibreOffice, poppler, xmllint, and
 * nginx and openssl for the release's server (`bash .ci/run` installs them). On a developer's machine
 * a missing one skips its tests with a notice; with CI=true it fails the suite instead, so a CI run
 * never passes by skipping.
 */
import { describe, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface Tool {
  name: string;
  present: boolean;
  /** How to get it, for the notice. */
  install: string;
}

const onPath = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

export const chromiumPath = "/usr/bin/chromium";

export const chromium: Tool = {
  name: `Chromium (${chromiumPath})`,
  present: existsSync(chromiumPath),
  install: "apt-get install chromium",
};
export const libreOffice: Tool = {
  name: "LibreOffice (soffice)",
  present: onPath("soffice"),
  install: "apt-get install libreoffice-calc libreoffice-writer",
};
export const poppler: Tool = {
  name: "poppler (pdfinfo, pdftotext, pdftoppm)",
  present: ["pdfinfo", "pdftotext", "pdftoppm"].every(onPath),
  install: "apt-get install poppler-utils",
};
export const xmllint: Tool = { name: "xmllint", present: onPath("xmllint"), install: "apt-get install libxml2-utils" };

/** True when the environment says this is a CI run (CI=true, as CI services set it). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "false" && value !== "0";
}

/**
 * `describe` when every tool is present. Otherwise `describe.skip` for the block, and beside it a test
 * that fails under CI (naming what is missing and how to install it) or a notice elsewhere.
 */
export function describeWith(...tools: Tool[]): typeof describe.skip {
  const missing = tools.filter((tool) => !tool.present);
  if (missing.length === 0) return describe;
  const what = missing.map((tool) => `${tool.name} — ${tool.install}`).join("; ");
  if (isCi()) {
    test(`needs ${missing.map((tool) => tool.name).join(", ")}`, () => {
      throw new Error(`CI=true and a program these tests need is missing: ${what}`);
    });
  } else {
    console.warn(`Skipping tests that need what is not installed: ${what} (with CI=true this fails).`);
  }
  return describe.skip;
}
/** Debian's nginx lives in /usr/sbin, which a user's PATH may lack. */
export const nginxPath = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
export const nginx: Tool = { name: "nginx", present: onPath(nginxPath), install: "apt-get install nginx" };
export const openssl: Tool = { name: "openssl", present: onPath("openssl"), install: "apt-get install openssl" };
