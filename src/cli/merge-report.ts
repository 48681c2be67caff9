/** The merge report as a person reads it in a terminal: core's lines, then what the CLI did. */
import { mergeReportLines, type MergePlan } from "../core";

export function mergeReportText(plan: MergePlan, out: string): string[] {
  const lines = mergeReportLines(plan);
  if (plan.newRows.some((row) => !row.added)) lines.push("总表没有的指标未添加，可加 --add-rows 添加到总表末尾。");
  lines.push(plan.merged.length > 0 ? `合并结果已写入：${out}（总表文件未改动）` : "没有可合并的报送表，未写出文件。");
  return lines;
}
