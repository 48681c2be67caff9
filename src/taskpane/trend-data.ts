/** The trend series of a workbook, loaded on demand by the controller: a chunk of its own (budgets/). */
import { type TrendSeries, workbookTrends } from "../core/bulletin";
import type { BulletinSettings, SheetGrid } from "../core/reading";
import { kaijuBahao } from "../core/spec";

export function paneTrends(grids: readonly SheetGrid[], settings: BulletinSettings): TrendSeries[] | null {
  return workbookTrends(grids, settings, kaijuBahao);
}
