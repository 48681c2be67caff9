/**
 * The workbook the preview works on, chosen by ?sample=. Loaded on demand (the `preview` chunk): inside
 * Excel or WPS the pane needs neither the in-memory workbook nor the samples.
 */
import { kaijuBahao } from "../core/spec";
import { MemoryWorkbook, workbookGrids } from "../core/workbook";
import { badSampleGrids } from "./bad-sample";
import type { PreviewSample } from "./pane-query";
import { withPreviewHistory } from "./preview-history";

export function previewWorkbook(sample: PreviewSample): MemoryWorkbook {
  switch (sample) {
    case "bad":
      return new MemoryWorkbook(badSampleGrids());
    case "blank":
      return new MemoryWorkbook();
    case "sample":
      // With made-up earlier periods, so the preview shows 趋势 too.
      return new MemoryWorkbook(withPreviewHistory(workbookGrids(kaijuBahao, { sample: true, formulas: "plain" })));
  }
}
