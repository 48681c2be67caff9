// context.sync calls per pane action with 7 and 70 category sheets, through ExcelWorkbookHost and the
// strict fake as compiled by tsconfig.bench.json; tests/sync-budget.test.ts checks the same counts.
"use strict";
const { measuredActions, syncsPerAction } = require("../build/bench/tests/support/sync-counts");
const { contextSyncs } = require("../budgets/performance.json");

const sheetCounts = [7, 70];

module.exports = async function benchSyncs() {
  const counts = {};
  for (const categories of sheetCounts) counts[categories] = await syncsPerAction(categories);
  const lines = measuredActions.map((action) => {
    const figures = sheetCounts.map((categories) => `${counts[categories][action]} with ${categories} sheets`);
    return `  ${action}: ${figures.join(", ")} (budget ${contextSyncs.maxPerAction[action]})`;
  });
  return { title: "context.sync calls per action (strict fake)", lines, figures: counts };
};
