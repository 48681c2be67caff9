/** The 报尾 (报送, 抄送, 共印N份) from the optional 专报设置 items of the same names. */
import type { Issue } from "../spec/issues";
import { settingSpecs, settingsSheetName } from "../spec/layout";
import type { BulletinSettings } from "./settings";

export interface BulletinFooter {
  submitTo: string | null;
  copyTo: string | null;
  copies: number | null;
}

export interface FooterRead {
  /** Null when none of the three items is filled: the bulletin then has no 报尾. */
  footer: BulletinFooter | null;
  issues: Issue[];
}

/** "30", "30份" and "共印30份" all mean 30 copies. */
function copiesNumber(text: string): number | null {
  const digits = text.replace(/^共印|份$/g, "").trim();
  return /^\d+$/.test(digits) && Number(digits) > 0 ? Number(digits) : null;
}

export function readBulletinFooter(settings: BulletinSettings): FooterRead {
  const issues: Issue[] = [];
  const submitTo = settings.items.get("报送") ?? null;
  const copyTo = settings.items.get("抄送") ?? null;
  const copiesText = settings.items.get("印发份数") ?? null;
  const copies = copiesText === null ? null : copiesNumber(copiesText);
  if (copiesText !== null && copies === null) {
    issues.push({
      severity: "warning",
      sheet: settingsSheetName,
      cell: settings.cells.get("印发份数") ?? null,
      code: "setting-invalid",
      message: `印发份数应为正整数，实际为“${copiesText}”，报尾未写份数`,
      hint: settingSpecs.find((spec) => spec.key === "印发份数")?.description ?? "",
    });
  }
  const footer = submitTo === null && copyTo === null && copies === null ? null : { submitTo, copyTo, copies };
  return { footer, issues };
}
