/** budgets/performance.json: every deterministic performance budget, in one place. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SyncBudgets } from "./sync-counts";

export interface PerformanceBudgets {
  contextSyncs: { maxPerAction: SyncBudgets };
  /** By engine, then by page of dist/. */
  initialJs: { maxGzipBytes: Record<"modern" | "legacy", Record<string, number>> };
}

export function readPerformanceBudgets(): PerformanceBudgets {
  return JSON.parse(
    readFileSync(join(__dirname, "..", "..", "budgets", "performance.json"), "utf8"),
  ) as PerformanceBudgets;
}
