/** Every pane action stays within its context.sync budget (budgets/performance.json) at any sheet count. */
import { expect, test } from "@jest/globals";
import { readPerformanceBudgets } from "./support/performance-budgets";
import { measuredActions, syncsPerAction } from "./support/sync-counts";

const { maxPerAction } = readPerformanceBudgets().contextSyncs;

test.each([7, 70, 300])("with %i category sheets every action is within its sync budget", async (categories) => {
  const syncs = await syncsPerAction(categories);
  const overBudget = measuredActions
    .filter((action) => syncs[action] > maxPerAction[action])
    .map((action) => `${action}: ${syncs[action]} syncs, budget ${maxPerAction[action]}`);
  expect(overBudget).toEqual([]);
});
