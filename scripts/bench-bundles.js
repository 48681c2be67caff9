// Sizes of the built add-in's JavaScript (dist/, rebuilt when stale): each page's startup scripts
// without Microsoft's office-js/, for a modern engine and for Internet Explorer 11 (the legacy
// bundle), then the chunks loaded on demand. tests/bundle-budget.test.ts
// checks the gzip budgets with the same code (tests/support/bundle-sizes.ts).
"use strict";
const { bundleSizes } = require("../build/bench/tests/support/bundle-sizes");
const { initialJs } = require("../budgets/performance.json");
const { distDir, ensureBuild } = require("./ensure-build");

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

module.exports = function benchBundles() {
  const error = ensureBuild();
  if (error) throw new Error(`npm run build failed:\n${error}`);
  const { pages, lazyChunks } = bundleSizes(distDir);
  const lines = ["  initial JavaScript by page (raw / gzip):"];
  for (const { page, engine, scripts, rawBytes, gzipBytes } of pages) {
    const budget = initialJs.maxGzipBytes[engine][page];
    const files = scripts.map((script) => script.file).join(" + ");
    lines.push(
      `    ${page}, ${engine} (${files}): ${kB(rawBytes)} / ${kB(gzipBytes)}${budget ? ` (budget ${kB(budget)} gzip)` : ""}`,
    );
  }
  lines.push("  lazy chunks, loaded on demand (raw / gzip):");
  if (lazyChunks.length === 0) lines.push("    none");
  for (const { file, rawBytes, gzipBytes } of lazyChunks) lines.push(`    ${file}: ${kB(rawBytes)} / ${kB(gzipBytes)}`);
  return { title: "Bundle sizes (dist/)", lines, figures: { pages, lazyChunks } };
};
