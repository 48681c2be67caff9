/**
 * The preview's sample with a few bad entries (?sample=bad), so 校验数据 and click-to-select can be
 * tried in a browser: text in a number cell, a negative count, an unknown placeholder, and markup in a
 * 指标名称 (twice) that must show as text in the issue list and the generated text.
 */
import { indicatorColumns, kaijuBahao } from "../core/spec";
import type { SheetGrid } from "../core/reading";
import { workbookGrids } from "../core/workbook";

export const markupPayload = "<img src=x onerror=alert(1)>";

function header(key: "name" | "actual" | "template"): string {
  return indicatorColumns.find((column) => column.key === key)!.header;
}

interface Edit {
  sheet: string;
  indicator: string;
  column: "name" | "actual" | "template";
  value: (current: unknown) => unknown;
}

const edits: readonly Edit[] = [
  { sheet: "产业发展", indicator: "规上工业企业产值（累计）", column: "actual", value: () => "六十五亿" },
  { sheet: "城乡融合", indicator: "城镇新增就业", column: "actual", value: () => -462 },
  {
    sheet: "乡村振兴",
    indicator: "粮食播种面积",
    column: "template",
    value: (current) => `${String(current)}，{增幅预估}`,
  },
  {
    sheet: "区域协同",
    indicator: "赴长株潭招商对接",
    column: "template",
    value: (current) => `{指标名称}：${String(current)}`,
  },
  { sheet: "区域协同", indicator: "赴长株潭招商对接", column: "name", value: () => markupPayload },
  // A second row of that name, so the payload also appears in an issue's message.
  { sheet: "区域协同", indicator: "达成合作意向", column: "name", value: () => markupPayload },
];

function applyEdit(grids: SheetGrid[], edit: Edit): void {
  const grid = grids.find((candidate) => candidate.name === edit.sheet);
  const rows = grid?.values as unknown[][] | undefined;
  const headers = rows?.[0] ?? [];
  const nameColumn = headers.indexOf(header("name"));
  const column = headers.indexOf(header(edit.column));
  const row = rows?.find((cells) => cells[nameColumn] === edit.indicator);
  if (!row || column < 0) throw new Error(`示例中没有“${edit.sheet}”的“${edit.indicator}”`);
  row[column] = edit.value(row[column]);
  // Excel would recalculate the row's 完成率/同比; dropping their cached results lets core recompute them.
  row.forEach((cell, i) => {
    if (cell !== null && typeof cell === "object" && "formula" in cell) row[i] = { formula: cell.formula };
  });
}

export function badSampleGrids(): SheetGrid[] {
  const grids = workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
  for (const edit of edits) applyEdit(grids, edit);
  return grids;
}
