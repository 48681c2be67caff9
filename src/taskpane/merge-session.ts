/**
 * One 导入报送表 session, with no DOM: the returns read from the chosen files, the master's grids,
 * and the person's choices (per conflict, and whether to add new indicators). The plan is core's
 * planMerge, redone on every choice; nothing is written until 应用合并.
 */
import { formatNumber, formatPercent } from "../core/calc";
import type { SheetGrid } from "../core/reading";
import { indicatorColumns } from "../core/spec";
import {
  type MergePlan,
  type MergeSide,
  planMerge,
  type RejectedReturn,
  returnLabel,
  type UnitReturn,
} from "../core/workbook";
import type { MergeConflictView, MergeView } from "./pane-model";
import type { ReturnFile } from "./return-files";

const ratioHeaders = new Set(indicatorColumns.filter((column) => column.kind === "ratio").map((c) => c.header));

/** A merged value as the person would type it: 0.924 in 完成率 is 92.4%. */
function valueText(value: number | string, header: string): string {
  if (typeof value === "string") return value;
  return ratioHeaders.has(header) ? formatPercent(value, 2) : formatNumber(value, 6);
}

/** The unit's own name (its 报送单位) or the file name, made unique: conflict choices are keyed by it. */
function uniqueLabel(file: ReturnFile & { grids: SheetGrid[] }, taken: Set<string>): string {
  const base = returnLabel(file.grids) ?? file.fileName.replace(/\.xlsx$/i, "");
  let label = taken.has(base) ? `${base}（${file.fileName}）` : base;
  for (let n = 2; taken.has(label); n += 1) label = `${base}（${file.fileName}，${n}）`;
  taken.add(label);
  return label;
}

export class MergeSession {
  private readonly choices = new Map<string, MergeSide>();
  private addRows = false;
  private cached: MergePlan | null = null;

  private constructor(
    private readonly master: readonly SheetGrid[],
    private readonly returns: readonly UnitReturn[],
    private readonly unreadable: readonly RejectedReturn[],
  ) {}

  static fromFiles(master: readonly SheetGrid[], files: readonly ReturnFile[]): MergeSession {
    const taken = new Set<string>();
    const returns: UnitReturn[] = [];
    const unreadable: RejectedReturn[] = [];
    for (const file of files) {
      if ("grids" in file) returns.push({ label: uniqueLabel(file, taken), grids: file.grids });
      else unreadable.push({ unit: file.fileName, reason: file.unreadable, issues: [] });
    }
    return new MergeSession(master, returns, unreadable);
  }

  /** The same returns and choices against the workbook as it is now. */
  withMaster(master: readonly SheetGrid[]): MergeSession {
    const session = new MergeSession(master, this.returns, this.unreadable);
    this.choices.forEach((side, key) => session.choices.set(key, side));
    session.addRows = this.addRows;
    return session;
  }

  get plan(): MergePlan {
    this.cached ??= planMerge(this.master, this.returns, {
      prefer: "master",
      choices: this.choices,
      addRows: this.addRows,
    });
    return this.cached;
  }

  choose(conflictKey: string, side: MergeSide): void {
    this.choices.set(conflictKey, side);
    this.cached = null;
  }

  setAddRows(add: boolean): void {
    this.addRows = add;
    this.cached = null;
  }

  /** Every rejection: files that could not be read, then returns the checks refused. */
  get rejected(): RejectedReturn[] {
    return [...this.unreadable, ...this.plan.rejected];
  }

  /** Whether `other` asks the person the same questions (conflicts, new rows) as this session. */
  asksTheSameAs(other: MergeSession): boolean {
    const questions = (plan: MergePlan) =>
      JSON.stringify([
        plan.conflicts.map((c) => [c.key, c.cell, c.masterValue, c.unitValue]),
        plan.newRows.map((row) => [row.sheet, row.name, row.unit, row.added]),
      ]);
    return questions(this.plan) === questions(other.plan);
  }

  view(): MergeView {
    const { plan } = this;
    return {
      merged: plan.merged,
      rejected: this.rejected.map((rejection) => ({
        unit: rejection.unit,
        reason: rejection.reason,
        issues: rejection.issues.map(
          (issue) => `${issue.sheet}${issue.cell ? ` ${issue.cell}` : ""}：${issue.message}`,
        ),
      })),
      sheets: plan.summary,
      conflicts: plan.conflicts.map((conflict): MergeConflictView => ({
        key: conflict.key,
        sheet: conflict.sheet,
        name: conflict.name,
        header: conflict.header,
        cell: conflict.cell,
        unit: conflict.unit,
        masterText: valueText(conflict.masterValue, conflict.header),
        unitText: valueText(conflict.unitValue, conflict.header),
        chosen: conflict.chosen,
      })),
      newRows: plan.newRows.map((row) => ({
        sheet: row.sheet,
        name: row.name,
        unit: row.unit,
        // Only a sheet the master has can take the row.
        addable: this.master.some((grid) => grid.name.trim() === row.sheet),
      })),
      addRows: this.addRows,
      editCount: plan.edits.length,
    };
  }

  /** What 应用合并 wrote, one sentence a line. */
  appliedLines(): string[] {
    const { plan } = this;
    const lines: string[] = [];
    if (plan.edits.length === 0) lines.push("没有需要写入的内容，工作簿未改动。");
    else lines.push(`已写入 ${plan.edits.length} 个单元格。`);
    for (const sheet of plan.summary) {
      const added = plan.newRows.filter((row) => row.sheet === sheet.sheet && row.added).length;
      const parts = [
        sheet.filled > 0 ? `填入空白单元格 ${sheet.filled} 个` : "",
        sheet.takenFromUnits > 0 ? `采用报送值 ${sheet.takenFromUnits} 个` : "",
        added > 0 ? `新增指标 ${added} 行` : "",
      ].filter(Boolean);
      if (parts.length > 0) lines.push(`“${sheet.sheet}”：${parts.join("，")}。`);
    }
    if (plan.merged.length > 0) lines.push(`已合并：${plan.merged.join("、")}。`);
    for (const rejection of this.rejected) lines.push(`未合并“${rejection.unit}”：${rejection.reason}。`);
    return lines;
  }
}
