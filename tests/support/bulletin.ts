/** The sample bulletin's document model, and one with hostile text in a narrative row and the 报尾. */
import {
  analyzeWorkbook,
  bulletinDocument,
  kaijuBahao,
  workbookGrids,
  type BulletinDocument,
  type SheetGrid,
} from "../../src/core";
import { setCell } from "./sample";

export const markupPayload = "<img src=x onerror=alert(1)>";
export const quotedPayload = `“汨罗” & 'single' "double"`;

export function sampleBulletin(): BulletinDocument {
  return bulletinDocument(analyzeWorkbook(workbookGrids(kaijuBahao, { sample: true, formulas: "plain" })));
}

/** The sample with a 特色亮点 row holding markup and quotes, and a 报尾 whose 抄送 holds markup too. */
export function hostileBulletin(): BulletinDocument {
  const grids: SheetGrid[] = workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
  const narrative = grids.find((grid) => grid.name === "文字材料")!;
  (narrative.values as unknown[][]).push(["特色亮点", quotedPayload, `正文${markupPayload}结束。`, "是"]);
  const settings = grids.find((grid) => grid.name === "专报设置")!;
  const row = (key: string) => settings.values.findIndex((cells) => cells[0] === key) + 1;
  setCell(grids, "专报设置", `B${row("抄送")}`, markupPayload);
  setCell(grids, "专报设置", `B${row("印发份数")}`, 30);
  return bulletinDocument(analyzeWorkbook(grids));
}

const entities: Readonly<Record<string, string>> = {
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
  "&nbsp;": "",
  "&amp;": "&",
};

export function unescapeMarkup(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|apos|nbsp|amp);/g, (entity) => entities[entity]!);
}
