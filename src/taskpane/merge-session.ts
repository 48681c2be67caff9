/**
 * One 导入报送表 session, with no DOM: the returns read from the chosen files, the master's grids,
 * and the person's choices (per conflict, and whether to add new indicators). The plan is core's
 * planMerge, redone on every choice; nothing is written until 应用合并. Labels, value texts and the
 * report's lines are core's (merge-report.ts), as in `zhuanbao merge`.
 */
import type { SheetGrid } from "../core/reading";
import { issueLine } from "../core/spec";
import {
  mergeReportLines,
  mergeValueText,
  type MergePlan,
  type MergeSide,
  planMerge,
  type RejectedReturn,
  type ReturnSource,
  returnLabels,
  type UnitReturn,
} from "../core/workbook";
import type { MergeConflictView, MergeView } from "./pane-model";
import type { ReturnFile } from "./return-files";

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
    const sources: ReturnSource[] = [];
    const unreadable: RejectedReturn[] = [];
    for (const file of files) {
      if ("grids" in file) sources.push(file);
      else unreadable.push({ unit: file.fileName, reason: file.unreadable, issues: [] });
    }
    const labels = returnLabels(sources);
    const returns: UnitReturn[] = sources.map((source, i) => ({ label: labels[i]!, grids: source.grids }));
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
        issues: rejection.issues.map(issueLine),
      })),
      sheets: plan.summary,
      conflicts: plan.conflicts.map((conflict): MergeConflictView => ({
        key: conflict.key,
        sheet: conflict.sheet,
        name: conflict.name,
        header: conflict.header,
        cell: conflict.cell,
        unit: conflict.unit,
        masterText: mergeValueText(conflict.masterValue, conflict.header),
        unitText: mergeValueText(conflict.unitValue, conflict.header),
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

  /** The merge report: core's lines, those `zhuanbao merge` prints for the same files. */
  reportLines(): string[] {
    return mergeReportLines(this.plan, this.rejected);
  }

  /** What 应用合并 wrote, then the merge report. */
  appliedLines(): string[] {
    const { edits } = this.plan;
    const written = edits.length === 0 ? "没有需要写入的内容，工作簿未改动。" : `已写入 ${edits.length} 个单元格。`;
    return [written, ...this.reportLines()];
  }
}
