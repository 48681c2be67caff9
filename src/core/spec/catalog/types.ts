import type { BulletinSectionName, ItemLevel, SentenceEnd, SettingKey } from "../layout";

/** One indicator row as a preset ships it; the figures are the sample period's. */
export interface CatalogIndicator {
  name: string;
  unit: string;
  template: string;
  sentenceEnd: SentenceEnd;
  actual?: number;
  target?: number;
  /** Typed completion ratio, where the source gives only the rate. */
  completion?: number;
  prior?: number;
  /** Typed growth ratio, where the source gives only the rate. */
  growth?: number;
  lead?: string;
  note?: string;
  /** A count that 民生实事明细 can supply instead of a typed value. */
  itemCount?: { level: ItemLevel; measure: "total" | "onSchedule" | "behind" };
}

export interface CatalogCategory {
  name: string;
  /** The paragraph's title after （一）: 产业发展指标. */
  title: string;
  indicators: readonly CatalogIndicator[];
}

/** One 文字材料 row as a preset ships it: the sample issue's narrative paragraph. */
export interface CatalogNarrative {
  section: BulletinSectionName;
  /** The bold lead-in after ●; none for plain paragraphs (突出问题's 一是…). */
  title?: string;
  /** The paragraph, with bold runs marked **…**. */
  body: string;
}

export type SettingValue = string | number | { year: number; month: number; day: number };

export interface Catalog {
  id: string;
  label: string;
  categories: readonly CatalogCategory[];
  /** The sample period's 专报设置. */
  settings: Readonly<Record<SettingKey, SettingValue>>;
  /** The sample issue's 文字材料, in order. */
  narrative?: readonly CatalogNarrative[];
}
