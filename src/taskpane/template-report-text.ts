/** What 创建模板 did, told in sentences for the person who clicked it. */
import type { TemplateReport } from "../core/workbook";

const list = (names: readonly string[]) => names.map((name) => `“${name}”`).join("、");

export function templateReportLines(report: TemplateReport): string[] {
  const lines: string[] = [];
  if (report.createdSheets.length > 0) {
    lines.push(`新建了 ${report.createdSheets.length} 个工作表：${list(report.createdSheets)}。`);
  }
  for (const { sheet, names } of report.addedRows) {
    lines.push(`在“${sheet}”中补充了 ${names.length} 行指标：${list(names)}。`);
  }
  for (const { sheet, headers } of report.addedColumns) {
    lines.push(`在“${sheet}”中补充了 ${headers.length} 列：${list(headers)}。`);
  }
  if (report.addedSettings.length > 0) {
    lines.push(`在“专报设置”中补充了设置项：${list(report.addedSettings)}。`);
  }
  if (lines.length === 0) lines.push("工作簿已包含模板的全部工作表、列和指标，未做任何更改。");
  else lines.push("已有的单元格均未改动。");
  for (const feature of report.skippedFeatures) lines.push(`未能应用：${feature.replace(/。$/, "")}。`);
  return lines;
}
