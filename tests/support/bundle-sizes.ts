/**
 * Sizes of the built add-in's JavaScript: what each page of dist/ loads at startup, and the chunks no
 * page loads (fetched on demand). Microsoft's scripts under office-js/ are not ours and not counted.
 * Shared by tests/bundle-budget.test.ts and, compiled, by `npm run bench`; the caller names dist/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

export interface FileSize {
  /** Relative to dist/, with "/" separators as the pages reference it. */
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

/**
 * Which engine's startup scripts: a modern one runs `type="module"` and skips `nomodule`; Internet
 * Explorer 11 (legacy) does the opposite. Plain scripts run in both.
 */
export type Engine = "modern" | "legacy";

export interface PageScripts {
  page: string;
  engine: Engine;
  scripts: FileSize[];
  rawBytes: number;
  gzipBytes: number;
}

const isMicrosofts = (src: string) => /^https?:/.test(src) || src.startsWith("office-js/");

export function fileSize(distDir: string, file: string): FileSize {
  const bytes = readFileSync(join(distDir, file));
  return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** The scripts `engine` loads at startup from a page, as its HTML lists them, without Microsoft's. */
export function initialScripts(distDir: string, page: string, engine: Engine): string[] {
  const html = readFileSync(join(distDir, page), "utf8");
  const skipped = engine === "modern" ? /\bnomodule\b/ : /\btype="?module\b/;
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes!);
  const sources = tags
    .filter((attributes) => !skipped.test(attributes))
    .map((attributes) => /\bsrc="?([^"\s>]+)"?/.exec(attributes)?.[1])
    .filter((src): src is string => src !== undefined);
  // A page in a folder (dist/wps/index.html) names its scripts relative to itself.
  return sources.filter((src) => !isMicrosofts(src)).map((src) => posix.join(posix.dirname(page), src));
}

export function pageScripts(distDir: string, page: string, engine: Engine): PageScripts {
  const scripts = initialScripts(distDir, page, engine).map((file) => fileSize(distDir, file));
  return {
    page,
    engine,
    scripts,
    rawBytes: scripts.reduce((sum, script) => sum + script.rawBytes, 0),
    gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every page with scripts of ours, by engine, and every other .js file of ours in dist/: the lazy chunks. */
export function bundleSizes(distDir: string): { pages: PageScripts[]; lazyChunks: FileSize[] } {
  const all = filesUnder(distDir).map((path) => relative(distDir, path).split(sep).join("/"));
  // The WPS add-in carries the pane's files again (dist/wps/, and dist/wps-offline/ for the desks):
  // the same bytes, counted once, at their own place.
  const own = new Set(all);
  const files = all.filter(
    (file) => !file.startsWith("wps-offline/") && !(file.startsWith("wps/") && own.has(file.slice("wps/".length))),
  );
  const sameFiles = (a: PageScripts, b: PageScripts) =>
    a.scripts.map((script) => script.file).join() === b.scripts.map((script) => script.file).join();
  const pages = files
    .filter((file) => file.endsWith(".html"))
    .flatMap((page) => {
      const modern = pageScripts(distDir, page, "modern");
      const legacy = pageScripts(distDir, page, "legacy");
      // A page without a legacy twin starts the same scripts in both engines: listed once.
      return sameFiles(modern, legacy) ? [modern] : [modern, legacy];
    })
    .filter((page) => page.scripts.length > 0);
  const loaded = new Set(pages.flatMap((page) => page.scripts.map((script) => script.file)));
  const lazyChunks = files
    .filter((file) => file.endsWith(".js") && !isMicrosofts(file) && !loaded.has(file))
    .map((file) => fileSize(distDir, file));
  return { pages, lazyChunks };
}
