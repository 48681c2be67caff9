/** Plausibility rules over parsed rows. Reading problems (text in a number cell…) are noted by the parser. */
import type { RowFigures } from "../calc/figures";
import type { IndicatorRow } from "../reading/indicators";
import type { Issue, Severity } from "../spec/issues";
import {
  countUnits,
  derivedPlaceholders,
  historyPlaceholders,
  type IndicatorColumnKey,
  rowPlaceholders,
  settingSpecs,
} from "../spec/layout";
import { formatNumber, percentFigure } from "../calc/format";
import { type TemplateParse, templateParser } from "../wording/template";

/**
 * The context the checks need: the names a {placeholder} may use — the row's columns, the settings
 * items (those of the layout and any a workbook adds) and the derived period phrases.
 */
export function checkContext(settingItems: Iterable<string> = []): CheckContext {
  return {
    knownPlaceholders: new Set([
      ...Object.keys(rowPlaceholders),
      ...settingSpecs.map((spec) => spec.key),
      ...settingItems,
      ...derivedPlaceholders,
      ...Object.values(historyPlaceholders),
    ]),
    parseTemplate: templateParser(),
  };
}

export interface CheckContext {
  /** Every name a {placeholder} may use here. */
  knownPlaceholders: ReadonlySet<string>;
  parseTemplate: (source: string) => TemplateParse;
}

type Finding = { severity: Severity; column: IndicatorColumnKey; code: string; message: string; hint: string };
type RowRule = (row: IndicatorRow, figures: RowFigures, context: CheckContext) => Finding[];

const limits = { completion: 1.5, growth: 1, mismatchPoints: 0.05 } as const;

const countColumns: readonly { key: "actual" | "target" | "prior"; header: string }[] = [
  { key: "actual", header: "本期值" },
  { key: "target", header: "目标值" },
  { key: "prior", header: "上年同期值" },
];

const countRule: RowRule = (row) => {
  if (!countUnits.includes(row.unit)) return [];
  const findings: Finding[] = [];
  for (const { key, header } of countColumns) {
    const value = row[key];
    if (value === null) continue;
    if (value < 0) {
      findings.push({
        severity: "error",
        column: key,
        code: "negative-count",
        message: `${header}为负数（${value}），以“${row.unit}”计的数量不能为负`,
        hint: "请核对报送数据",
      });
    } else if (!Number.isInteger(value)) {
      findings.push({
        severity: "error",
        column: key,
        code: "fractional-count",
        message: `${header}为小数（${value}），以“${row.unit}”计的数量应为整数`,
        hint: "请核对报送数据，或改用“万人”等单位",
      });
    }
  }
  return findings;
};

const zeroBaseRule: RowRule = (row) => {
  const findings: Finding[] = [];
  if (row.target === 0) {
    findings.push({
      severity: "warning",
      column: "target",
      code: "target-zero",
      message: "目标值为0，无法计算完成率",
      hint: "表述中的完成率部分将省略；如有目标请填写",
    });
  }
  if (row.prior === 0) {
    findings.push({
      severity: "warning",
      column: "prior",
      code: "prior-zero",
      message: "上年同期值为0，无法计算同比",
      hint: "表述中的同比部分将省略；可在“同比”列直接填写",
    });
  } else if (row.prior !== null && row.prior < 0 && row.growth === null) {
    findings.push({
      severity: "warning",
      column: "prior",
      code: "prior-negative",
      message: "上年同期值为负数，同比增速无意义",
      hint: "表述中的同比部分将省略",
    });
  }
  return findings;
};

const outlierRule: RowRule = (row, figures) => {
  const findings: Finding[] = [];
  if (figures.completion !== null && figures.completion > limits.completion) {
    findings.push({
      severity: "warning",
      column: row.completion !== null ? "completion" : "actual",
      code: "completion-high",
      message: `完成率${percentFigure(figures.completion, 1)}%，超过${limits.completion * 100}%，请核实`,
      hint: "核对本期值与目标值的单位和口径",
    });
  }
  if (figures.growth?.kind === "ratio" && Math.abs(figures.growth.value) > limits.growth) {
    findings.push({
      severity: "warning",
      column: row.growth !== null ? "growth" : "actual",
      code: "growth-extreme",
      message: `同比${figures.growth.value > 0 ? "增长" : "下降"}${percentFigure(Math.abs(figures.growth.value), 1)}%，幅度超过100%，请核实`,
      hint: "核对本期值与上年同期值的单位和口径",
    });
  }
  return findings;
};

const mismatchRule: RowRule = (row, figures) => {
  const findings: Finding[] = [];
  if (row.completion !== null && figures.computedCompletion !== null) {
    const gap = Math.abs(row.completion - figures.computedCompletion) * 100;
    if (gap > limits.mismatchPoints) {
      findings.push({
        severity: "warning",
        column: "completion",
        code: "completion-mismatch",
        message: `填写的完成率${percentFigure(row.completion, 2)}%与本期值÷目标值（${percentFigure(figures.computedCompletion, 2)}%）不符`,
        hint: "清空完成率可自动计算，或核对数值",
      });
    }
  }
  const typed = row.growth === null ? null : figures.growth;
  const computed = figures.computedGrowth;
  if (typed && computed && typed.kind === computed.kind) {
    const gap = Math.abs(typed.value - computed.value) * (typed.kind === "ratio" ? 100 : 1);
    if (gap > limits.mismatchPoints) {
      const show = (growth: typeof typed) =>
        growth.kind === "ratio" ? `${percentFigure(growth.value, 2)}%` : `${formatNumber(growth.value, 2)}个百分点`;
      findings.push({
        severity: "warning",
        column: "growth",
        code: "growth-mismatch",
        message: `填写的同比${show(typed)}与本期值、上年同期值算出的${show(computed)}不符`,
        hint: "清空同比可自动计算，或核对数值",
      });
    }
  }
  return findings;
};

const templateRule: RowRule = (row, _figures, context) => {
  if (!row.include) return [];
  if (!row.template) {
    return [
      {
        severity: "warning",
        column: "template",
        code: "template-empty",
        message: "表述模板为空，该行未纳入专报",
        hint: "填写表述模板，如 {指标名称}{本期值}{单位}；不需要时将“纳入专报”设为“否”",
      },
    ];
  }
  const parsed = context.parseTemplate(row.template);
  if (!parsed.ok) {
    return [
      {
        severity: "error",
        column: "template",
        code: "template-syntax",
        message: `表述模板有误：${parsed.error}`,
        hint: "占位符写作 {本期值}，可选部分写作 [ … ]",
      },
    ];
  }
  return parsed.template.placeholders
    .filter((name) => !context.knownPlaceholders.has(name))
    .map((name) => ({
      severity: "error" as const,
      column: "template" as const,
      code: "unknown-placeholder",
      message: `表述模板中的占位符{${name}}无法识别`,
      hint: "可用列名（如 {本期值}{单位}{完成率}{同比}）或“专报设置”中的项目名",
    }));
};

const rowRules: readonly RowRule[] = [countRule, zeroBaseRule, outlierRule, mismatchRule, templateRule];

export function checkRow(row: IndicatorRow, figures: RowFigures, context: CheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const rule of rowRules) {
    for (const { column, ...finding } of rule(row, figures, context)) {
      issues.push({ ...finding, sheet: row.sheet, cell: row.cells[column] ?? row.cells.name ?? null });
    }
  }
  return issues;
}

/**
 * Names must be unique within a sheet: merging and the custom functions look rows up by them. The
 * check takes a sheet's rows one at a time, in order, and returns the issue of a row whose name an
 * earlier row has.
 */
export function duplicateNameCheck(): (row: IndicatorRow) => Issue | null {
  const firstRows = new Map<string, number>();
  return (row) => {
    const first = firstRows.get(row.name);
    if (first === undefined) {
      firstRows.set(row.name, row.row);
      return null;
    }
    return {
      severity: "error",
      sheet: row.sheet,
      cell: row.cells.name ?? null,
      code: "duplicate-name",
      message: `指标名称“${row.name}”与第${first + 1}行重复`,
      hint: "同一工作表内指标名称不能重复，可加括号区分，如（累计）（当月）",
    };
  };
}

export function checkDuplicateNames(rows: readonly IndicatorRow[]): Issue[] {
  const check = duplicateNameCheck();
  const issues: Issue[] = [];
  for (const row of rows) {
    const issue = check(row);
    if (issue) issues.push(issue);
  }
  return issues;
}
