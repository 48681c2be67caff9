/** The workbook the preview works on, chosen by ?sample=. */
import { kaijuBahao } from "../core/spec";
import { MemoryWorkbook, workbookGrids } from "../core/workbook";
import { badSampleGrids } from "./bad-sample";
import type { PreviewSample } from "./pane-query";

export function previewWorkbook(sample: PreviewSample): MemoryWorkbook {
  switch (sample) {
    case "bad":
      return new MemoryWorkbook(badSampleGrids());
    case "blank":
      return new MemoryWorkbook();
    case "sample":
      return new MemoryWorkbook(workbookGrids(kaijuBahao, { sample: true, formulas: "plain" }));
  }
}
