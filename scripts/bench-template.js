// 表述模板 parsing over 30 KB and 300 KB templates of distinct placeholders (reported, not asserted):
// the parser is one pass, so 10× the text should cost about 10× the time, not 100×.
"use strict";
const { parseTemplate } = require("../build/bench/src/core");

function template(kilobytes) {
  const pieces = [];
  let length = 0;
  for (let i = 0; length < kilobytes * 1000; i += 1) {
    const piece = i % 3 === 0 ? `[，{项${i}}]` : `第${i}项{项${i}}`;
    pieces.push(piece);
    length += piece.length;
  }
  return pieces.join("");
}

function best(source, runs) {
  let fastest = Infinity;
  for (let i = 0; i < runs; i += 1) {
    if (global.gc) global.gc();
    const start = process.hrtime.bigint();
    if (!parseTemplate(source).ok) throw new Error("the bench template does not parse");
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
}

module.exports = function benchTemplate() {
  const results = [30, 300].map((kilobytes) => ({ kilobytes, ms: best(template(kilobytes), 5) }));
  const growth = results[1].ms / results[0].ms;
  const lines = results.map(({ kilobytes, ms }) => `  ${kilobytes} KB template: ${ms.toFixed(1)} ms (best of 5)`);
  lines.push(
    `  growth 30 KB → 300 KB: ${growth.toFixed(1)}× (10× is linear; allocation and GC add some on a busy machine)`,
  );
  return { title: "表述模板 parsing (parseTemplate)", lines, figures: { results, growth } };
};

if (require.main === module) console.log(module.exports().lines.join("\n"));
