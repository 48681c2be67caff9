// Core pipeline time over 7 category sheets of 20, 2,000 and 20,000 rows each (reported, not asserted),
// on the core as tsconfig.bench.json compiled it.
"use strict";
const { analyzeWorkbook, kaijuBahao, workbookGrids } = require("../build/bench/src/core");

/** The sample with each category sheet's rows repeated (names made unique) to `rows` rows. */
function scaledGrids(rows) {
  return workbookGrids(kaijuBahao, { sample: true, formulas: "plain" }).map((grid, index) => {
    if (index === 0 || grid.values.length < 2) return grid;
    const [header, ...body] = grid.values;
    const values = [header];
    for (let i = 0; i < rows; i += 1) {
      const row = [...body[i % body.length]];
      row[0] = `${row[0]}${i}`;
      values.push(row);
    }
    return { ...grid, values };
  });
}

/**
 * The fastest of `runs`, each started on a collected heap (when node runs with --expose-gc): the
 * least noisy estimate of the pipeline's own cost on a shared machine.
 */
function time(grids, runs) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    if (global.gc) global.gc();
    const start = process.hrtime.bigint();
    analyzeWorkbook(grids);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return Math.min(...samples);
}

module.exports = function benchPipeline() {
  const sizes = [
    [20, 21],
    [2000, 7],
    [20000, 5],
  ];
  const results = sizes.map(([rows, runs]) => {
    const grids = scaledGrids(rows);
    time(grids, 1);
    return { rows, ms: time(grids, runs) };
  });
  const lines = results.map(
    ({ rows, ms }) => `  7×${rows.toLocaleString("en")} rows: ${ms.toFixed(1)} ms (best of runs)`,
  );
  const growth = results[2].ms / results[1].ms;
  lines.push(`  growth 7×2,000 → 7×20,000: ${growth.toFixed(2)}× (should stay under 12×)`);
  return { title: "Core pipeline (analyzeWorkbook)", lines, figures: { results, growth } };
};

if (require.main === module) console.log(module.exports().lines.join("\n"));
