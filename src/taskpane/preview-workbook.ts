/** The workbook the preview works on, chosen by ?sample=. */
import { kaijuBahao } from "../core/spec";
import type { SheetGrid } from "../core/reading";
import { MemoryWorkbook, workbookGrids } from "../core/workbook";
import { badSampleGrids } from "./bad-sample";
import type { PreviewSample } from "./pane-query";

/** Gives the sample earlier periods (preview-history.ts, a chunk of its own); without it, none. */
export type PreviewHistory = (grids: SheetGrid[]) => SheetGrid[];

export function previewWorkbook(sample: PreviewSample, withHistory: PreviewHistory = (grids) => grids): MemoryWorkbook {
  switch (sample) {
    case "bad":
      return new MemoryWorkbook(badSampleGrids());
    case "blank":
      return new MemoryWorkbook();
    case "sample":
      return new MemoryWorkbook(withHistory(workbookGrids(kaijuBahao, { sample: true, formulas: "plain" })));
  }
}
