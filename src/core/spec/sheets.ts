/** Which sheets a workbook of a catalog has. */
import type { Catalog } from "./catalog/types";
import { historySheetName } from "./history-layout";
import { itemsSheetName, narrativeSheetName, settingsSheetName } from "./layout";

/** The category sheets of `catalog`, in order: the one list of categories. */
export function categorySheetNames(catalog: Catalog): string[] {
  return catalog.categories.map((category) => category.name);
}

/**
 * The sheets of a workbook of `catalog`, in order: 专报设置, a sheet per category, 民生实事明细,
 * 文字材料 and 历史数据. They are all the pipeline reads (sheets by other names are left alone) and all
 * 创建模板 adds.
 */
export function workbookSheetNames(catalog: Catalog): string[] {
  return [settingsSheetName, ...categorySheetNames(catalog), itemsSheetName, narrativeSheetName, historySheetName];
}
