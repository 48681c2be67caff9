/** What the host tests of 开始下一期 (Excel, WPS) compare: the plan, and the cells a person sees. */
import { isFormulaValue, planNextPeriod, type NextPeriodPlan, type SheetGrid } from "../../src/core";

/** The plan of 开始下一期 for `grids`; throws the refusal's reason. */
export function planOf(grids: readonly SheetGrid[]): NextPeriodPlan {
  const outcome = planNextPeriod(grids);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

/** Cells as a person sees them, by "sheet!row,column": formulas by their text, values as they are, blanks left out. */
export function visibleCells(grids: readonly SheetGrid[]): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const grid of grids) {
    grid.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === "") return;
        const shown = isFormulaValue(value) ? `=${(value as { formula: string }).formula}` : value;
        found.set(`${grid.name}!${r + (grid.originRow ?? 0)},${c + (grid.originColumn ?? 0)}`, shown);
      }),
    );
  }
  return found;
}
