/**
 * ZB.* custom functions (JavaScript-only runtime: no Excel API, work with the pane closed). Each is a
 * thin wrapper over src/core — calc, format, phrases, template — the same code the bulletin runs, so a
 * figure or phrase in a cell always matches the generated text. Every parameter takes one cell or a
 * range; see cell-grid.ts for shapes, blanks and errors. The metadata plugin builds functions.json
 * from these comments and appends the CustomFunctions.associate calls.
 */
import {
  completionRate,
  growthRate,
  percentagePointDifference,
  progressStatus,
  scheduleProgress,
  type CalcResult,
} from "../core/calc";
import {
  historyColumns,
  historyHeaders,
  historyPlaceholders,
  type IndicatorColumnKey,
  rowPlaceholders,
} from "../core/spec";
import {
  amountText,
  growthText as wordGrowth,
  percentText,
  periodPhrase,
  renderRow,
  rowValueLookup,
  type RowValues,
  scheduleText,
  templateParser,
} from "../core/wording";
import { periodLabel, readHistoryValues, readNumber } from "../core/reading";
import {
  cellwise,
  divisionByZero,
  invalidValue,
  isBlank,
  notAvailable,
  readDecimals,
  readFigure,
  readSwitch,
  readText,
  readWholeNumber,
  type CellInput,
} from "./cell-grid";

/** What a calc result means in a cell: the value, #DIV/0!, or #N/A with the reason (`base` is the divisor's name). */
function calcValue(result: CalcResult, base = "上年同期值"): number {
  if (result.ok) return result.value;
  if (result.error === "divide-by-zero") return divisionByZero();
  return notAvailable(`${base}为负数，增速没有意义`);
}

/**
 * 完成率 = 完成值 ÷ 目标值，如 462 ÷ 500 得 0.924（单元格设为百分比格式即显示 92.4%）。目标值为 0 时返回 #DIV/0!。
 * @customfunction COMPLETION
 * @helpurl https://localhost:3000/functions-help.html#COMPLETION
 * @param actual 完成值（本期值）：一个单元格或一列
 * @param target 目标值：与完成值同样大小的区域，或一个单元格
 * @returns 完成率（比值）
 */
export function completion(
  actual: unknown[][],
  target: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([actual, target], ([actualCell, targetCell]) => {
    const done = readFigure(actualCell, "完成值");
    const goal = readFigure(targetCell, "目标值");
    if (done === null || goal === null) return "";
    return calcValue(completionRate(done, goal));
  });
}

/**
 * 同比增速 = 本期值 ÷ 上年同期值 − 1，如 113 对 100 得 0.13。上年同期值为 0 返回 #DIV/0!，为负数返回 #N/A。
 * @customfunction YOY
 * @helpurl https://localhost:3000/functions-help.html#YOY
 * @param current 本期值：一个单元格或一列
 * @param prior 上年同期值：与本期值同样大小的区域，或一个单元格
 * @returns 增速（比值，负数为下降）
 */
export function yoy(current: unknown[][], prior: unknown[][]): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([current, prior], ([currentCell, priorCell]) => {
    const now = readFigure(currentCell, "本期值");
    const before = readFigure(priorCell, "上年同期值");
    if (now === null || before === null) return "";
    return calcValue(growthRate(now, before));
  });
}

/**
 * 环比增速 = 本期值 ÷ 上期值 − 1，如 113 对 100 得 0.13。上期值为 0 返回 #DIV/0!，为负数返回 #N/A。
 * @customfunction MOM
 * @helpurl https://localhost:3000/functions-help.html#MOM
 * @param current 本期值：一个单元格或一列
 * @param previous 上期值：与本期值同样大小的区域，或一个单元格
 * @returns 增速（比值，负数为下降）
 */
export function mom(
  current: unknown[][],
  previous: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([current, previous], ([currentCell, previousCell]) => {
    const now = readFigure(currentCell, "本期值");
    const before = readFigure(previousCell, "上期值");
    if (now === null || before === null) return "";
    return calcValue(growthRate(now, before), "上期值");
  });
}

/**
 * 从“历史数据”表中查某指标某一期的值，如 ZB.HISTORY(历史数据!A1:N2000, "城镇新增就业", 2026, 3) 得该期的本期值。自定义函数不能读取工作表，历史数据表须作为第一个参数传入（含表头行）。
 * @customfunction HISTORY
 * @helpurl https://localhost:3000/functions-help.html#HISTORY
 * @param history 历史数据表的区域，含表头行，如 历史数据!A1:N2000
 * @param indicator 指标名称（或民生实事事项名称）
 * @param year 统计年份
 * @param month 统计月份（1–12）
 * @param [column] 要取的列的表头，默认“本期值”，也可为“目标值”“完成率”“上年同期值”“同比”“单位”“事项状态”等
 * @param [category] 类别（指标所在工作表名）；不同类别有同名指标时必须填写
 * @returns 该期该列的值；历史数据中没有该期返回 #N/A
 */
export function historyValue(
  history: unknown[][],
  indicator: unknown[][],
  year: unknown[][],
  month: unknown[][],
  column?: unknown[][],
  category?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  const table = readHistoryValues(Array.isArray(history) ? history : []);
  const headerOf = new Map(historyColumns.map((spec) => [spec.header, spec.key]));
  return cellwise(
    [indicator, year, month, column, category],
    ([nameCell, yearCell, monthCell, columnCell, categoryCell]) => {
      if (!table.readable) {
        return invalidValue(`第一个参数应为历史数据表（含表头 ${historyHeaders.slice(0, 8).join("、")}…）`);
      }
      const name = readText(nameCell, "指标名称").trim();
      const calendarYear = readWholeNumber(yearCell, "统计年份", 1900, 9999);
      const calendarMonth = readWholeNumber(monthCell, "统计月份", 1, 12);
      if (name === "" || calendarYear === null || calendarMonth === null) return "";
      const header = readText(columnCell, "列").trim() || "本期值";
      const key = headerOf.get(header);
      if (key === undefined) return invalidValue(`历史数据没有“${header}”列，可选：${historyHeaders.join("、")}`);
      const sheet = readText(categoryCell, "类别").trim();
      const found = table.records.filter(
        (record) =>
          record.name === name &&
          record.year === calendarYear &&
          record.month === calendarMonth &&
          (sheet === "" || record.category === sheet),
      );
      const period = periodLabel({ year: calendarYear, month: calendarMonth });
      if (found.length === 0) return notAvailable(`历史数据中没有${period}的“${name}”`);
      if (found.length > 1) {
        return notAvailable(`${found.map((record) => record.category).join("、")}都有${period}的“${name}”，请给出类别`);
      }
      const value = found[0]![key];
      return value === null ? "" : value;
    },
  );
}

/**
 * 两个比率之差，单位为个百分点，如 18.2% 对 21.8% 得 −3.6。
 * @customfunction PP
 * @helpurl https://localhost:3000/functions-help.html#PP
 * @param rate 本期比率（如 18.2% 或 0.182）
 * @param prior_rate 上年同期比率
 * @returns 相差的百分点数（负数为下降）
 */
export function pp(rate: unknown[][], prior_rate: unknown[][]): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([rate, prior_rate], ([rateCell, priorCell]) => {
    const now = readFigure(rateCell, "本期比率", true);
    const before = readFigure(priorCell, "上年同期比率", true);
    if (now === null || before === null) return "";
    return percentagePointDifference(now, before);
  });
}

/**
 * 序时进度：到该月末全年已过的比例，默认按月计算（月份 ÷ 12，3 月得 0.25）；按天计算时为已过天数 ÷ 全年天数。
 * @customfunction SCHEDULE
 * @helpurl https://localhost:3000/functions-help.html#SCHEDULE
 * @param month 统计截止月份（1–12）
 * @param [year] 统计年份，按天计算时用于判断闰年
 * @param [by_days] 是否按天计算：TRUE 或“按天”为按天，省略、FALSE 或“按月”为按月
 * @returns 序时进度（比值）
 */
export function schedule(
  month: unknown[][],
  year?: unknown[][],
  by_days?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([month, year, by_days], ([monthCell, yearCell, byDaysCell]) => {
    const endMonth = readWholeNumber(monthCell, "月份", 1, 12);
    if (endMonth === null) return "";
    const calendarYear = readWholeNumber(yearCell, "年份", 1900, 9999);
    const byDays = readSwitch(byDaysCell, "按天计算", ["按天", "按日"], ["按月"]);
    return scheduleProgress(endMonth, { byDays, ...(calendarYear === null ? {} : { year: calendarYear }) });
  });
}

/**
 * 进度状态：完成率达到序时进度为“达到或超时序进度”，否则为“滞后”。
 * @customfunction STATUS
 * @helpurl https://localhost:3000/functions-help.html#STATUS
 * @param completion 完成率（如 92.4% 或 0.924）
 * @param schedule 序时进度（如 25% 或 0.25，可用 ZB.SCHEDULE 计算）
 * @returns 达到或超时序进度 / 滞后
 */
export function status(
  completion: unknown[][],
  schedule: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([completion, schedule], ([completionCell, scheduleCell]) => {
    const done = readFigure(completionCell, "完成率", true);
    const due = readFigure(scheduleCell, "序时进度", true);
    if (done === null || due === null) return "";
    return progressStatus(done, due);
  });
}

/** One placeholder of a row holding only `values`, as the bulletin words it; null when it cannot be worded. */
function rowPlaceholder(name: string, values: Partial<RowValues>): string | null {
  const row: RowValues = {
    name: "",
    unit: "",
    lead: "",
    actual: null,
    target: null,
    completion: null,
    prior: null,
    growth: null,
    decimals: null,
    ...values,
  };
  return rowValueLookup(row, new Map())(name);
}

/**
 * 同比表述：由本期值和上年同期值写出“同比增长13%”“同比下降2.1%”或“与上年同期持平”；单位为“%”的比率指标写作“同比提高0.5个百分点”，与生成专报一致。
 * @customfunction YOYTEXT
 * @helpurl https://localhost:3000/functions-help.html#YOYTEXT
 * @param current 本期值
 * @param prior 上年同期值
 * @param [decimals] 百分数（或百分点）保留的小数位数，默认 1（末尾的 0 不写）
 * @param [unit] 指标的单位；为“%”时按个百分点表述
 * @returns 同比表述文字
 */
export function yoyText(
  current: unknown[][],
  prior: unknown[][],
  decimals?: unknown[][],
  unit?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([current, prior, decimals, unit], ([currentCell, priorCell, decimalsCell, unitCell]) => {
    const rowUnit = readText(unitCell, "单位").trim();
    const now = readFigure(currentCell, "本期值", false, rowUnit);
    const before = readFigure(priorCell, "上年同期值", false, rowUnit);
    if (now === null || before === null) return "";
    const values = { unit: rowUnit, actual: now, prior: before, decimals: readDecimals(decimalsCell) };
    // Only a growth rate that cannot be computed leaves 同比 unworded: its error is the cell's.
    return rowPlaceholder("同比", values) ?? calcValue(growthRate(now, before));
  });
}

/**
 * 增减表述：由增速写出“同比增长13%”“同比下降2.1%”或“与上年同期持平”；前缀可改为“环比”“比上年”等。
 * @customfunction GROWTHTEXT
 * @helpurl https://localhost:3000/functions-help.html#GROWTHTEXT
 * @param rate 增速（如 13% 或 0.13，负数为下降）
 * @param [decimals] 百分数保留的小数位数，默认 1（末尾的 0 不写）
 * @param [prefix] 比较口径，默认“同比”
 * @returns 增减表述文字
 */
export function growthText(
  rate: unknown[][],
  decimals?: unknown[][],
  prefix?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([rate, decimals, prefix], ([rateCell, decimalsCell, prefixCell]) => {
    const growth = readFigure(rateCell, "增速", true);
    if (growth === null) return "";
    const against = readText(prefixCell, "比较口径") || "同比";
    return wordGrowth({ kind: "ratio", value: growth }, readDecimals(decimalsCell), against);
  });
}

/**
 * 带单位的数量表述，如 65.04 与“亿元”得“65.04亿元”（四舍五入，末尾的 0 不写）。
 * @customfunction NUMTEXT
 * @helpurl https://localhost:3000/functions-help.html#NUMTEXT
 * @param value 数值
 * @param unit 单位，如“亿元”“人”；空白则只写数字
 * @param [decimals] 保留的小数位数，默认 2
 * @returns 数量表述文字
 */
export function numText(
  value: unknown[][],
  unit: unknown[][],
  decimals?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([value, unit, decimals], ([valueCell, unitCell, decimalsCell]) => {
    const amount = readFigure(valueCell, "数值");
    if (amount === null) return "";
    return `${amountText(amount, readDecimals(decimalsCell))}${readText(unitCell, "单位")}`;
  });
}

/**
 * 百分数文字，如 0.924 得“92.4%”，1.05 得“105%”（四舍五入，末尾的 0 不写）。
 * @customfunction PCTTEXT
 * @helpurl https://localhost:3000/functions-help.html#PCTTEXT
 * @param ratio 比值（如 0.924 或 92.4%）
 * @param [decimals] 百分数保留的小数位数，默认 1
 * @returns 百分数文字
 */
export function pctText(
  ratio: unknown[][],
  decimals?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([ratio, decimals], ([ratioCell, decimalsCell]) => {
    const share = readFigure(ratioCell, "比值", true);
    if (share === null) return "";
    return percentText(share, readDecimals(decimalsCell));
  });
}

/**
 * 统计期间文字，如 2026 年 1 至 3 月得“2026年1-3月”，起止月份相同得“2026年4月”。
 * @customfunction PERIODTEXT
 * @helpurl https://localhost:3000/functions-help.html#PERIODTEXT
 * @param year 统计年份
 * @param from_month 起始月份（1–12）
 * @param to_month 截止月份（1–12，不早于起始月份）
 * @param [dash] 月份连接号：“-”（默认）或“—”，与专报设置的月份连接号一致
 * @returns 期间文字
 */
export function periodText(
  year: unknown[][],
  from_month: unknown[][],
  to_month: unknown[][],
  dash?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  return cellwise([year, from_month, to_month, dash], ([yearCell, fromCell, toCell, dashCell]) => {
    const calendarYear = readWholeNumber(yearCell, "年份", 1900, 9999);
    const from = readWholeNumber(fromCell, "起始月份", 1, 12);
    const to = readWholeNumber(toCell, "截止月份", 1, 12);
    if (calendarYear === null || from === null || to === null) return "";
    if (from > to) return invalidValue(`起始月份（${from}）不能晚于截止月份（${to}）`);
    const joiner = readText(dashCell, "月份连接号") || "-";
    if (joiner !== "-" && joiner !== "—") return invalidValue(`月份连接号应为“-”或“—”，而不是“${joiner}”`);
    return periodPhrase(calendarYear, from, to, joiner);
  });
}

/** Text that reads as a figure ("462", "13%") is one; other text is wording to use as written. */
function textFigure(text: string): number | null {
  const reading = readNumber({ kind: "text", value: text }, { unit: "", ratio: true });
  return reading.ok ? reading.value : null;
}

/** 小数位数, passed to PHRASE as a pair like the placeholders' values. */
const decimalsName = "小数位数";

const ratioKeys: ReadonlySet<IndicatorColumnKey> = new Set(["completion", "growth"]);

/** A value that is not the row's ({累计期间}, {序时进度}, a 专报设置 item) as the bulletin prints it. */
function periodValue(name: string, cell: CellInput): string {
  if (typeof cell !== "number" && typeof cell !== "string") return invalidValue(`{${name}}的值应为数值或文字`);
  const figure = typeof cell === "number" ? cell : textFigure(cell);
  if (figure === null) return String(cell);
  return name === "序时进度" ? scheduleText(figure) : amountText(figure, null);
}

/** The row and the other values that PHRASE's name/value pairs describe, read as the bulletin reads cells. */
function phraseValues(given: ReadonlyMap<string, CellInput>): { values: RowValues; period: Map<string, string> } {
  const cells = new Map<IndicatorColumnKey, { name: string; cell: CellInput }>();
  const period = new Map<string, string>();
  let previousCell: CellInput = null;
  for (const [name, cell] of given) {
    const key = rowPlaceholders[name];
    if (name === historyPlaceholders.monthOnMonth) {
      return invalidValue(`{${name}}由本期值和上期值计算，请给出“${historyPlaceholders.previous}”`);
    }
    if (name === historyPlaceholders.previous) previousCell = cell;
    else if (key) cells.set(key, { name, cell });
    else if (name !== decimalsName && !isBlank(cell)) period.set(name, periodValue(name, cell));
  }
  const text = (key: IndicatorColumnKey) => {
    const entry = cells.get(key);
    return entry ? readText(entry.cell, `{${entry.name}}`).trim() : "";
  };
  const unit = text("unit");
  const figure = (key: IndicatorColumnKey) => {
    const entry = cells.get(key);
    return entry ? readFigure(entry.cell, `{${entry.name}}`, ratioKeys.has(key), unit) : null;
  };
  const values: RowValues = {
    name: text("name"),
    unit,
    lead: text("lead"),
    actual: figure("actual"),
    target: figure("target"),
    completion: figure("completion"),
    prior: figure("prior"),
    growth: figure("growth"),
    decimals: readWholeNumber(given.get(decimalsName), decimalsName, 0, 6),
    previous: readFigure(previousCell, `{${historyPlaceholders.previous}}`, false, unit),
  };
  return { values, period };
}

/**
 * 按表述模板写出一句话，与生成专报用同一套规则：{名称} 为占位符，[…] 为缺值时省略的部分，“||”后为本期值为 0 时的表述。
 * 其后的参数为“名称, 值”成对排列，如 ZB.PHRASE("城镇新增就业{本期值}{单位}", "本期值", 462, "单位", "人")。
 * 值的写法与生成专报相同：本期值、目标值、上年同期值保留 2 位小数，完成率、同比按百分数和“同比增长…”写（单位为“%”时同比按个百分点写），
 * 可用“小数位数”, 0–6 改变位数；未填完成率、同比时由本期值、目标值、上年同期值计算；给出“上期值”时{环比}由本期值、上期值计算；
 * 序时进度按百分数写，其他文字原样写入。
 * @customfunction PHRASE
 * @helpurl https://localhost:3000/functions-help.html#PHRASE
 * @param template 表述模板
 * @param [names_and_values] 占位符名称与值，成对排列：名称1, 值1, 名称2, 值2…
 * @returns 填好的表述；模板有误返回 #VALUE!，缺少必需的值返回 #N/A
 */
export function phrase(
  template: unknown[][],
  names_and_values?: unknown[][][],
): Array<Array<number | string | CustomFunctions.Error>> {
  const given = names_and_values ?? [];
  // A formula with no pairs may still hand over one empty argument.
  const lastIsEmpty = given.length % 2 === 1 && given[given.length - 1]!.every((row) => row.every(isBlank));
  const pairs = lastIsEmpty ? given.slice(0, -1) : given;
  if (pairs.length % 2 !== 0) {
    return cellwise([template], () => invalidValue("名称与值应成对填写：名称1, 值1, 名称2, 值2…"));
  }
  const parse = templateParser();
  return cellwise([template, ...pairs], ([templateCell, ...rest]) => {
    // Trimmed as the bulletin reads a 表述模板 cell.
    const source = readText(templateCell, "表述模板").trim();
    if (source === "") return "";
    const parsed = parse(source);
    if (!parsed.ok) return invalidValue(`表述模板有误：${parsed.error}`);
    const given = new Map<string, CellInput>();
    for (let i = 0; i < rest.length; i += 2) {
      const name = readText(rest[i], "占位符名称").replace(/^[{｛]|[}｝]$/g, "");
      if (name === "") return invalidValue("占位符名称不能为空");
      given.set(name, rest[i + 1]);
    }
    const { values, period } = phraseValues(given);
    const rendered = renderRow(parsed.template, values, period);
    if (!rendered.ok) return notAvailable(`缺少{${rendered.missing.join("}{")}}的值`);
    return rendered.text;
  });
}
