// ZB.YOY over 100,000 cells in one range call (the built dist/functions.js, as Excel would call it),
// against an inline loop doing the bare arithmetic in the same run: the wrapper's cost per cell.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { runInThisContext } = require("node:vm");
const { distDir, ensureBuild } = require("./ensure-build");

const cells = 100000;

/** The bundle's registered functions, with a stand-in for the runtime's CustomFunctions global. */
function loadFunctions() {
  const registered = new Map();
  class StandInError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  const CustomFunctions = {
    associate: (id, implementation) => registered.set(id, implementation),
    Error: StandInError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
  };
  // In this context, as in Excel's runtime the cells arrive as arrays of the bundle's own realm.
  globalThis.CustomFunctions = CustomFunctions;
  try {
    runInThisContext(readFileSync(join(distDir, "functions.js"), "utf8"), { filename: "functions.js" });
  } finally {
    delete globalThis.CustomFunctions;
  }
  return registered;
}

/** The fastest of `runs` timings, in ms: the least noisy estimate on a shared machine. */
function best(runs, work) {
  let fastest = Infinity;
  for (let i = 0; i < runs; i += 1) {
    if (global.gc) global.gc();
    const start = process.hrtime.bigint();
    work();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
}

module.exports = function benchFunctions() {
  const error = ensureBuild();
  if (error) throw new Error(`npm run build failed:\n${error}`);
  const yoy = loadFunctions().get("YOY");
  const current = Array.from({ length: cells }, (_, i) => [100 + (i % 97)]);
  const prior = Array.from({ length: cells }, (_, i) => [90 + (i % 89)]);

  // The same shape of work without the wrapper: read two columns, divide, write a column.
  const inline = () => {
    const out = new Array(cells);
    for (let i = 0; i < cells; i += 1) out[i] = [current[i][0] / prior[i][0] - 1];
    return out;
  };
  const wrapped = () => yoy(current, prior);

  const check = wrapped();
  if (check.length !== cells || typeof check[0][0] !== "number") throw new Error("ZB.YOY returned the wrong shape");
  best(3, inline);
  best(3, wrapped);
  const inlineMs = best(15, inline);
  const yoyMs = best(15, wrapped);
  const ratio = yoyMs / inlineMs;
  const perCellNs = (yoyMs * 1e6) / cells;
  return {
    title: "ZB.YOY custom function (dist/functions.js)",
    lines: [
      `  ZB.YOY over ${cells.toLocaleString("en")} cells, one range call: ${yoyMs.toFixed(2)} ms (${perCellNs.toFixed(0)} ns per cell, best of 15)`,
      `  inline arithmetic loop, same data: ${inlineMs.toFixed(2)} ms`,
      `  ratio ZB.YOY / inline: ${ratio.toFixed(1)}×`,
    ],
    figures: { cells, yoyMs, inlineMs, ratio, perCellNs },
  };
};
