/**
 * The built pane for a browser test file: dist/ served from loopback the way an intranet server would
 * (plus test-made files such as a variant of a page), and Debian's Chromium, started once for the file
 * (or the describe block) that calls this and closed after it.
 */
import { afterAll, beforeAll } from "@jest/globals";
import type { Browser } from "playwright-core";
import { distDir, distPath } from "../dist";
import { launchChromium } from "./browser";
import { serveStatic, type StaticServer } from "./static-server";
import { chromium } from "./tools";

const setupTimeout = 60_000;

export interface BuiltPane {
  browser(): Browser;
  server(): StaticServer;
}

/** `extraFiles` runs once dist/ is known to be built (path → text, see serveStatic). */
export function useBuiltPaneInChromium(extraFiles: () => Record<string, string> = () => ({})): BuiltPane {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    // Missing, the calling file's describeWith(chromium) has failed (CI) or skipped it.
    if (!chromium.present) return;
    // A failed build names itself here rather than as a blank page.
    distPath("taskpane.html");
    server = await serveStatic(distDir, extraFiles());
    browser = await launchChromium();
  }, setupTimeout);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, setupTimeout);

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the browser or the server did not start");
    return value;
  };
  return { browser: () => started(browser), server: () => started(server) };
}
