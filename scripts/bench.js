// `npm run bench` compiles what it measures (tsconfig.bench.json into build/bench), then runs this:
// each benchmark module in turn, printing its figures. Timings are reported, not asserted; tests
// time nothing and check the deterministic budgets of budgets/performance.json. A benchmark module
// exports a function returning, or resolving to, { title, lines, figures }.
"use strict";
const { availableParallelism } = require("node:os");

const benchmarks = [
  "./bench-syncs",
  "./bench-pipeline",
  "./bench-template",
  "./bench-next-period",
  "./bench-zip",
  "./bench-functions",
  "./bench-bundles",
];

async function main() {
  const machine = `${availableParallelism()} cores, ${process.platform} ${process.arch}`;
  console.log(`npm run bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${machine}\n`);
  for (const path of benchmarks) {
    const { title, lines } = await require(path)();
    console.log(`${title}\n${lines.join("\n")}\n`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
