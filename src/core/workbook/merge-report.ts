/**
 * A merge as a person reads it, the same in the pane (导入报送表) and the CLI (`zhuanbao merge`): each
 * return's label, values as they would be typed, and the report's lines. Hosts add only what is their
 * own (the file written, how to ask for new rows).
 */
import { formatNumber, formatPercent } from "../calc/format";
import type { SheetGrid } from "../reading/grid";
import { issueLine } from "../spec/issues";
import { indicatorColumns } from "../spec/layout";
import type { MergeConflict, MergePlan, MergeSide, RejectedReturn } from "./merge";
import { returnLabel } from "./unit-form";

/** A return as read from its file. */
export interface ReturnSource {
  fileName: string;
  grids: readonly SheetGrid[];
}

/** The file name without its folder and workbook extension: 人社局3月.xlsx → 人社局3月. */
function fileStem(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, "").replace(/\.xls[xm]$/i, "");
}

/**
 * Each return's label: the unit's own name (its 报送单位) or the file name, made unique, since conflict
 * choices are keyed by it: a second 市人社局 is 市人社局（b.xlsx）.
 */
export function returnLabels(sources: readonly ReturnSource[]): string[] {
  const taken = new Set<string>();
  return sources.map((source) => {
    const fileName = source.fileName.replace(/^.*[\\/]/, "");
    const base = returnLabel(source.grids) ?? fileStem(fileName);
    let label = taken.has(base) ? `${base}（${fileName}）` : base;
    for (let n = 2; taken.has(label); n += 1) label = `${base}（${fileName}，${n}）`;
    taken.add(label);
    return label;
  });
}

const ratioHeaders = new Set(indicatorColumns.filter((column) => column.kind === "ratio").map((c) => c.header));

/** A merged value as the person would type it: 0.924 in 完成率 is 92.4%. */
export function mergeValueText(value: number | string, header: string): string {
  if (typeof value === "string") return value;
  return ratioHeaders.has(header) ? formatPercent(value, 2) : formatNumber(value, 6);
}

export const mergeSideLabels: Readonly<Record<MergeSide, string>> = { master: "保留总表值", unit: "采用报送值" };

export function conflictLine(conflict: MergeConflict): string {
  const master = mergeValueText(conflict.masterValue, conflict.header);
  const unit = mergeValueText(conflict.unitValue, conflict.header);
  return `冲突 ${conflict.sheet}!${conflict.cell} “${conflict.name}”的${conflict.header}：总表 ${master}，${conflict.unit} ${unit} → ${mergeSideLabels[conflict.chosen]}`;
}

/** A refused return and each of its issues, indented under it. */
export function rejectionLines(rejected: RejectedReturn): string[] {
  return [`未合并 ${rejected.unit}：${rejected.reason}`, ...rejected.issues.map((issue) => `  ${issueLine(issue)}`)];
}

/**
 * The merge report: returns merged, a summary per sheet, every conflict with both values and the side
 * kept, the indicators the master lacks, and the returns refused (`rejected`: the host's unreadable
 * files first, then the plan's).
 */
export function mergeReportLines(plan: MergePlan, rejected: readonly RejectedReturn[] = plan.rejected): string[] {
  const lines: string[] = [];
  if (plan.merged.length > 0) lines.push(`已合并：${plan.merged.join("、")}`);
  for (const sheet of plan.summary) {
    lines.push(
      `${sheet.sheet}：填入 ${sheet.filled} 个空单元格；冲突 ${sheet.conflicts} 处（采用报送值 ${sheet.takenFromUnits} 处）；总表没有的指标 ${sheet.newRows} 行`,
    );
  }
  for (const conflict of plan.conflicts) lines.push(conflictLine(conflict));
  for (const row of plan.newRows) {
    lines.push(`新指标 ${row.sheet} “${row.name}”（${row.unit}）${row.added ? "已添加到总表末尾" : "未添加"}`);
  }
  for (const refusal of rejected) {
    for (const line of rejectionLines(refusal)) lines.push(line);
  }
  return lines;
}
