/** Whether a host fake holds the template 创建模板 should have written, cell by cell (Excel's and ET's alike). */
import { cellAddress, type FormulaStyle, kaijuBahao, workbookGrids } from "../../src/core";

/** A fake's cell as these checks see it: its value, and its formula as typed ("=…") or null. */
export interface HeldCell {
  value: unknown;
  formula: string | null;
}

/** Whether `cell` holds what a template grid says (formulas as formulas, blanks as the host's blank). */
function holds(cell: HeldCell, expected: unknown, blank: unknown): boolean {
  if (typeof expected === "object" && expected !== null && "formula" in expected) {
    return cell.formula === `=${(expected as { formula: string }).formula}`;
  }
  if (expected === "" || expected === null || expected === undefined)
    return cell.value === blank && cell.formula === null;
  return cell.value === expected && cell.formula === null;
}

/** Throws at the first cell of the template that `cellAt` does not hold, naming it. */
export function expectTemplateCells(
  cellAt: (sheet: string, address: string) => HeldCell,
  blank: unknown,
  formulas: FormulaStyle,
  sample: boolean,
): void {
  for (const grid of workbookGrids(kaijuBahao, { sample, formulas })) {
    grid.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const address = cellAddress(r, c);
        const cell = cellAt(grid.name, address);
        if (!holds(cell, value, blank))
          throw new Error(`${grid.name}!${address}: ${JSON.stringify(cell)} ≠ ${JSON.stringify(value)}`);
      }),
    );
  }
}
