/**
 * Reading the 文字材料 sheet (栏目 | 标题 | 正文 | 纳入专报) into the narrative paragraphs of the
 * bulletin. The sheet is optional: without it the bulletin holds only 主要指标.
 */
import { GridReader, type SheetGrid } from "./grid";
import type { Issue } from "../spec/issues";
import {
  includeChoices,
  narrativeColumns,
  narrativeSectionNames,
  narrativeSheetName,
  type BulletinSectionName,
  type NarrativeColumnKey,
} from "../spec/layout";
import { parseMarkedText, type TextRun } from "../wording/text-runs";

export interface NarrativeEntry {
  section: BulletinSectionName;
  /** The bold lead-in after ●, with its closing punctuation; "" for a plain paragraph. */
  title: string;
  /** One or more paragraphs: a line break inside 正文 starts a new one. */
  paragraphs: TextRun[][];
  /** A1 address of the row's 正文 cell. */
  cell: string;
}

export interface NarrativeRead {
  entries: NarrativeEntry[];
  issues: Issue[];
}

const sheet = narrativeSheetName;
/** One string for every row's issue, not a copy each: a long sheet can have thousands. */
const sectionChoicesHint = `栏目可选：${narrativeSectionNames.join(" ")}`;
const closingPunctuation = /[。！？：；.!?:;]$/;

/** "【工作部署】" and " 工作部署 " name the same 栏目. */
function sectionName(text: string): BulletinSectionName | null {
  const name = text.replace(/[【】[\]\s\u3000]/g, "");
  return narrativeSectionNames.find((section) => section === name) ?? null;
}

/** The lead-in as printed: bold anyway, so stray ** and a typed ● go; a missing 。 is added. */
function leadIn(title: string): string {
  const text = title.replace(/\*\*/g, "").replace(/^●\s*/, "").trim();
  return text === "" || closingPunctuation.test(text) ? text : `${text}。`;
}

/** A line break inside the cell (Alt+Enter, or text pasted from Word) starts a new paragraph. */
function bodyLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function readNarrative(grid: SheetGrid | undefined): NarrativeRead {
  const issues: Issue[] = [];
  if (!grid) return { entries: [], issues };
  const reader = new GridReader(grid);
  const headerRow = reader.findHeaderRow(narrativeColumns.section);
  const headers = headerRow === null ? null : reader.headerColumns(headerRow);
  const column = (key: NarrativeColumnKey) => headers?.get(narrativeColumns[key]);
  const sectionColumn = column("section");
  const bodyColumn = column("body");
  if (headerRow === null || sectionColumn === undefined || bodyColumn === undefined) {
    const missing = sectionColumn === undefined ? narrativeColumns.section : narrativeColumns.body;
    issues.push({
      severity: "warning",
      sheet,
      cell: headerRow === null ? null : reader.address(headerRow, reader.rowWidth(headerRow)),
      code: "missing-column",
      message: `工作表“${sheet}”中找不到表头“${missing}”，文字材料未写入专报`,
      hint: `表头应包含 ${Object.values(narrativeColumns).join("、")}`,
    });
    return { entries: [], issues };
  }

  const entries: NarrativeEntry[] = [];
  for (let r = headerRow + 1; r < reader.rowCount; r += 1) {
    if (reader.isBlankRow(r)) continue;
    const text = (key: NarrativeColumnKey) => {
      const index = column(key);
      return index === undefined ? "" : reader.text(r, index);
    };
    const at = (key: NarrativeColumnKey) => reader.address(r, column(key) ?? sectionColumn);

    const includeText = text("include");
    if (includeText === "否") continue;
    if (includeText !== "" && !includeChoices.some((choice) => choice === includeText)) {
      issues.push({
        severity: "warning",
        sheet,
        cell: at("include"),
        code: "include-invalid",
        message: `纳入专报“${includeText}”应为“是”或“否”，按“是”处理`,
        hint: "从下拉列表中选择",
      });
    }

    const written = text("section");
    const section = sectionName(written);
    if (section === null) {
      issues.push({
        severity: "warning",
        sheet,
        cell: at("section"),
        code: "narrative-section-unknown",
        message: written ? `栏目“${written}”不是专报的栏目，该行未写入专报` : "该行没有填写栏目，未写入专报",
        hint: sectionChoicesHint,
      });
      continue;
    }

    const lines = bodyLines(text("body"));
    if (lines.length === 0) {
      issues.push({
        severity: "info",
        sheet,
        cell: at("body"),
        code: "narrative-body-empty",
        message: `“${section}”栏目的这一行正文为空，未写入专报`,
        hint: "填写正文，或删除该行",
      });
      continue;
    }

    const readings = lines.map(parseMarkedText);
    if (readings.some((reading) => !reading.balanced)) {
      issues.push({
        severity: "warning",
        sheet,
        cell: at("body"),
        code: "bold-mark-unbalanced",
        message: "正文中的加粗标记“**”未成对，未配对的“**”已忽略",
        hint: "加粗的文字前后各写一个 **，如 **精准防控守牢安全底线。**",
      });
    }
    entries.push({
      section,
      title: leadIn(text("title")),
      paragraphs: readings.map((reading) => reading.runs),
      cell: at("body"),
    });
  }
  return { entries, issues };
}
