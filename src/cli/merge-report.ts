/** The merge summary as a person reads it in a terminal. */
import { issueLine, type MergePlan } from "../core";

const sideLabel = { master: "保留总表值", unit: "采用报送值" } as const;

export function mergeReportLines(plan: MergePlan, out: string): string[] {
  const lines: string[] = [];
  if (plan.merged.length > 0) lines.push(`已合并：${plan.merged.join("、")}`);
  for (const sheet of plan.summary) {
    lines.push(
      `${sheet.sheet}：填入 ${sheet.filled} 个空单元格；冲突 ${sheet.conflicts} 处（采用报送值 ${sheet.takenFromUnits} 处）；总表没有的指标 ${sheet.newRows} 行`,
    );
  }
  for (const conflict of plan.conflicts) {
    lines.push(
      `冲突 ${conflict.sheet}!${conflict.cell} “${conflict.name}”的${conflict.header}：总表 ${conflict.masterValue}，${conflict.unit} ${conflict.unitValue} → ${sideLabel[conflict.chosen]}`,
    );
  }
  for (const row of plan.newRows) {
    const action = row.added ? "已添加到总表末尾" : "未添加（可加 --add-rows 添加）";
    lines.push(`新指标 ${row.sheet} “${row.name}”（${row.unit}）${action}`);
  }
  for (const rejected of plan.rejected) {
    lines.push(`未合并 ${rejected.unit}：${rejected.reason}`);
    for (const issue of rejected.issues) lines.push(`  ${issueLine(issue)}`);
  }
  lines.push(plan.merged.length > 0 ? `合并结果已写入：${out}（总表文件未改动）` : "没有可合并的报送表，未写出文件。");
  return lines;
}
