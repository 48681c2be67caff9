// `npm run bench`: runs each benchmark module and prints its figures (reported, not asserted; tests
// never time anything). A benchmark module exports a function returning { title, lines, figures }.
"use strict";

const benchmarks = ["./bench-pipeline", "./bench-functions"];

for (const path of benchmarks) {
  const { title, lines } = require(path)();
  console.log(`${title}\n${lines.join("\n")}\n`);
}
