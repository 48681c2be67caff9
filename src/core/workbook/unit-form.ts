/**
 * The form a member unit fills without the add-in (Excel, WPS or LibreOffice): its category sheets
 * with plain formulas, and a 填报说明 sheet. Which cells are open is the layout spec's `unitForm`.
 */
import type { Catalog } from "../spec/catalog/types";
import { rawCellText } from "../reading/cells";
import type { SheetGrid } from "../reading/grid";
import { categoryGrid } from "./workbook-template";

export const guideSheetName = "填报说明";

/** The guide's header row: each item, then what the unit writes. */
export const guideHeaders = ["项目", "内容"] as const;

/** Items the unit fills on the guide sheet; 报送单位 names the return when the office merges it. */
export const guideItems = ["报送单位", "联系人", "联系电话", "报送日期"] as const;

const guideLines = [
  "1. 只在白色单元格中填写；灰色单元格已锁定（未设密码），请勿改动工作表名称和表头。",
  "2. 数值按“单位”列的单位只填数字，如单位为“亿元”时填 65.04，不要写“65.04亿元”，不要用全角数字。",
  "3. 完成率、同比由公式自动计算；只掌握增速、没有上年同期值时，可直接在“同比”列填写百分数（如 13%）。",
  "4. 表中没有的指标，请填在表格下方的空行中（指标名称、单位、数值），汇总时由协调组决定是否采用。",
  "5. 填好后保存为 .xlsx 格式，按时报送协调组。",
];

export function guideGrid(categories: readonly string[]): SheetGrid {
  return {
    name: guideSheetName,
    values: [
      [...guideHeaders],
      ...guideItems.map((item) => [item, ""]),
      [],
      [`本表包含：${categories.join("、")}`],
      ...guideLines.map((line) => [line]),
    ],
  };
}

export type UnitFormResult = { ok: true; grids: SheetGrid[] } | { ok: false; unknown: string[] };

export function unitFormGrids(catalog: Catalog, categories: readonly string[]): UnitFormResult {
  const known = new Map(catalog.categories.map((category) => [category.name, category]));
  const unknown = categories.filter((name) => !known.has(name));
  if (unknown.length > 0) return { ok: false, unknown };
  const sheets = categories.map((name) => categoryGrid(known.get(name)!, { sample: false, formulas: "plain" }));
  return { ok: true, grids: [guideGrid(categories), ...sheets] };
}

/** The 报送单位 a unit wrote on its guide sheet, if any, read as any other cell (rich text, formula, link). */
export function returnLabel(grids: readonly SheetGrid[]): string | null {
  const guide = grids.find((grid) => grid.name.trim() === guideSheetName);
  const row = guide?.values.find((cells) => rawCellText(cells[0]) === guideItems[0]);
  return (row && rawCellText(row[1])) || null;
}
