/** The workbook the preview works on, chosen by ?sample=. */
import { kaijuBahao } from "../core/catalog/kaiju-bahao";
import { MemoryWorkbook } from "../core/memory-workbook";
import { workbookGrids } from "../core/workbook-template";
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
