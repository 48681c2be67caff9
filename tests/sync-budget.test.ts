/**
 * Every pane action stays within its context.sync budget (budgets/performance.json) at any sheet count,
 * on each Excel API level: 1 sync to read on ExcelApi 1.4+, 2 on 1.1; 校验数据 and 生成专报 write nothing.
 */
import { expect, test } from "@jest/globals";
import { readPerformanceBudgets } from "./support/performance-budgets";
import { budgetAt, costPerAction, measuredActions, measuredHosts } from "./support/sync-counts";

const { maxPerAction } = readPerformanceBudgets().contextSyncs;
const cases = [7, 70, 300].flatMap((categories) => measuredHosts.map((host) => ({ categories, ...host })));

test.each(cases)(
  "with $categories category sheets on $label every action is within its sync budget",
  async ({ categories, excelApi, customFunctions }) => {
    const costs = await costPerAction(categories, { excelApi, customFunctions });
    const budget = budgetAt(maxPerAction, excelApi);
    const overBudget = measuredActions
      .filter((action) => costs[action].syncs > budget[action])
      .map((action) => `${action}: ${costs[action].syncs} syncs, budget ${budget[action]}`);
    expect(overBudget).toEqual([]);
    expect({ check: costs.check.writes, generate: costs.generate.writes }).toEqual({ check: 0, generate: 0 });
    expect(costs.createTemplate.writes).toBeGreaterThan(0);
    expect(costs.nextPeriod.writes).toBeGreaterThan(0);
  },
);

test("each host is held to the budget of the highest level it reaches", () => {
  const budgets = {
    "1.1": { createTemplate: 3, check: 2, generate: 2, nextPeriod: 3 },
    "1.4": { createTemplate: 2, check: 1, generate: 1, nextPeriod: 2 },
  };
  expect(budgetAt(budgets, "1.1")).toBe(budgets["1.1"]);
  expect(budgetAt(budgets, "1.3")).toBe(budgets["1.1"]);
  expect(budgetAt(budgets, "1.4")).toBe(budgets["1.4"]);
  expect(budgetAt(budgets, "1.10")).toBe(budgets["1.4"]);
  expect(() => budgetAt(budgets, "1.0")).toThrow(/ExcelApi 1.0/);
});
