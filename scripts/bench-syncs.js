// context.sync calls per pane action with 7, 70 and 300 category sheets on each Excel API level, through
// ExcelWorkbookHost and the strict fake as compiled by tsconfig.bench.json; tests/sync-budget.test.ts
// checks the same counts against budgets/performance.json.
"use strict";
const { budgetAt, costPerAction, measuredActions, measuredHosts } = require("../build/bench/tests/support/sync-counts");
const { contextSyncs } = require("../budgets/performance.json");

const sheetCounts = [7, 70, 300];

module.exports = async function benchSyncs() {
  const lines = [];
  const figures = {};
  for (const host of measuredHosts) {
    const budget = budgetAt(contextSyncs.maxPerAction, host.excelApi);
    const counts = {};
    for (const categories of sheetCounts) counts[categories] = await costPerAction(categories, host);
    figures[host.label] = counts;
    lines.push(`  ${host.label}:`);
    for (const action of measuredActions) {
      const syncs = sheetCounts.map((categories) => `${counts[categories][action].syncs} with ${categories} sheets`);
      lines.push(`    ${action}: ${syncs.join(", ")} (budget ${budget[action]})`);
    }
  }
  return { title: "context.sync calls per action (strict fake)", lines, figures };
};
