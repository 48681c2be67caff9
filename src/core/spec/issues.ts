import { parseAddress } from "./a1";

/** Problems found in a workbook, each pointing at the cell a person has to fix. */

export type Severity = "error" | "warning" | "info";

export interface Issue {
  severity: Severity;
  sheet: string;
  /** A1 address; null when the problem is the sheet itself (e.g. a missing sheet). */
  cell: string | null;
  code: string;
  message: string;
  hint: string;
}

export const severityLabel: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity] += 1;
  return counts;
}

/** Sheet order as given, then row, then column, then severity: the order a person walks the workbook. */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[]): Issue[] {
  const rank = (sheet: string) => {
    const i = sheetOrder.indexOf(sheet);
    return i < 0 ? sheetOrder.length : i;
  };
  // Each issue's place is worked out once, not at every comparison: a large sheet has thousands.
  const placed = issues.map((issue) => {
    const parsed = issue.cell ? parseAddress(issue.cell) : null;
    return {
      issue,
      sheet: rank(issue.sheet),
      row: parsed ? parsed.row : -1,
      column: parsed ? parsed.column : -1,
      severity: severityOrder[issue.severity],
    };
  });
  placed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.column - b.column || a.severity - b.severity);
  return placed.map((entry) => entry.issue);
}

/** One line per issue, as the CLI and plain-text exports print it. */
export function issueLine(issue: Issue): string {
  const where = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
  const hint = issue.hint ? `（${issue.hint}）` : "";
  return `${severityLabel[issue.severity]} ${where} ${issue.message}${hint}`;
}
