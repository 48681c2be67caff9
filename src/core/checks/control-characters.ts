/** Cells holding control characters: reported as warnings, shown escaped or as U+FFFD everywhere. */
import { rawCellText } from "../reading/cells";
import type { SheetGrid } from "../reading/grid";
import { cellAddress } from "../spec/a1";
import type { Issue } from "../spec/issues";
import { controlCharacterNames, hasControlCharacters } from "../wording/control-characters";

function cellString(raw: unknown): string {
  if (typeof raw === "string") return raw;
  return raw !== null && typeof raw === "object" ? rawCellText(raw) : "";
}

/** One warning per cell of `grid` whose text holds a control character, naming the cell and the characters. */
export function controlCharacterIssues(grid: SheetGrid): Issue[] {
  const issues: Issue[] = [];
  grid.values.forEach((row, r) => {
    row.forEach((raw, c) => {
      const text = cellString(raw);
      if (!hasControlCharacters(text)) return;
      const cell = cellAddress(r, c);
      issues.push({
        severity: "warning",
        sheet: grid.name,
        cell,
        code: "control-characters",
        message: `单元格 ${cell} 含有控制字符（${controlCharacterNames(text).join("、")}），显示时已替换为“\ufffd”或转义`,
        hint: "删除这些不可见字符（多随复制粘贴带入）",
      });
    });
  });
  return issues;
}
