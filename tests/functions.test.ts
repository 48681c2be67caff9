/**
 * The ZB custom functions as Excel calls them: the built dist/functions.js in a bare context, each
 * function reached through its CustomFunctions.associate registration, with 2-D arguments.
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { loadFunctions, StandInError, type CustomFunction } from "./functions-runtime";

let functions: Map<string, CustomFunction>;

beforeAll(() => {
  functions = loadFunctions();
});

/** Calls ZB.<id> with each argument as given (scalars wrapped as one cell, like Excel's [[v]]). */
function call(id: string, ...args: unknown[]): unknown[][] {
  const implementation = functions.get(id);
  if (!implementation) throw new Error(`ZB.${id} is not registered`);
  return implementation(...args.map((arg) => (Array.isArray(arg) || arg === undefined ? arg : [[arg]]))) as unknown[][];
}

/** The single result of a one-cell call. */
function one(id: string, ...args: unknown[]): unknown {
  const result = call(id, ...args);
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0]![0];
}

function expectError(value: unknown, code: string, message?: RegExp): void {
  expect(value).toBeInstanceOf(StandInError);
  const error = value as StandInError;
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
}

test("the bundle registers exactly the thirteen ZB functions, and needs no window or document", () => {
  expect([...functions.keys()].sort()).toEqual(
    [
      "COMPLETION",
      "GROWTHTEXT",
      "HISTORY",
      "MOM",
      "NUMTEXT",
      "PCTTEXT",
      "PERIODTEXT",
      "PHRASE",
      "PP",
      "SCHEDULE",
      "STATUS",
      "YOY",
      "YOYTEXT",
    ].sort(),
  );
});

describe("COMPLETION", () => {
  test("is actual over target", () => {
    expect(one("COMPLETION", 462, 500)).toBe(0.924);
    expect(one("COMPLETION", 186, 210)).toBeCloseTo(0.885714, 6);
  });

  test("a zero target is #DIV/0!", () => {
    expectError(one("COMPLETION", 462, 0), "#DIV/0!");
  });

  test("a column against one target returns the column, blanks staying blank", () => {
    expect(call("COMPLETION", [[462], [250], [""], [null]], [[500]])).toEqual([[0.924], [0.5], [""], [""]]);
  });

  test("numbers stored as text are read; other text and TRUE/FALSE are #VALUE! with a Chinese reason", () => {
    expect(one("COMPLETION", "４６２", "500")).toBe(0.924);
    expectError(one("COMPLETION", "约四百", 500), "#VALUE!", /完成值应为数值/);
    expectError(one("COMPLETION", 462, true), "#VALUE!", /目标值应为数值.*TRUE/);
  });
});

describe("YOY", () => {
  test("is current over prior minus one", () => {
    expect(one("YOY", 113, 100)).toBe(0.13);
    expect(one("YOY", 97.9, 100)).toBeCloseTo(-0.021, 12);
  });

  test("a zero prior is #DIV/0!, a negative prior #N/A with a reason", () => {
    expectError(one("YOY", 5, 0), "#DIV/0!");
    expectError(one("YOY", 5, -2), "#N/A", /负数/);
  });

  test("each row of two columns is its own ratio", () => {
    expect(call("YOY", [[113], [50], [""]], [[100], [0], [80]])).toEqual([
      [0.13],
      [expect.objectContaining({ code: "#DIV/0!" })],
      [""],
    ]);
  });
});

describe("MOM", () => {
  test("is current over previous minus one, with YOY's errors naming 上期值", () => {
    expect(one("MOM", 113, 100)).toBe(0.13);
    expect(one("MOM", "", 100)).toBe("");
    expectError(one("MOM", 5, 0), "#DIV/0!");
    expectError(one("MOM", 5, -2), "#N/A", /上期值为负数/);
    expectError(one("MOM", "很多", 2), "#VALUE!", /本期值应为数值/);
  });
});

describe("HISTORY", () => {
  const header = [
    "统计年份",
    "统计月份",
    "累计截止月份",
    "期号",
    "类别",
    "指标名称",
    "单位",
    "本期值",
    "目标值",
    "完成率",
    "上年同期值",
    "同比",
    "事项级别",
    "事项状态",
  ];
  const row = (year: number, month: number, category: string, name: string, actual: unknown, target: unknown = "") => [
    year,
    month,
    month,
    "",
    category,
    name,
    "人",
    actual,
    target,
    "",
    "",
    "",
    "",
    "",
  ];
  const table = [
    header,
    row(2026, 2, "民生实事", "城镇新增就业", 300, 400),
    row(2026, 3, "民生实事", "城镇新增就业", 462, 500),
    row(2026, 3, "产业发展", "同名指标", 1),
    row(2026, 3, "民生实事", "同名指标", 2),
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ];

  test("takes the 历史数据 table as a range and looks a period's value up", () => {
    expect(one("HISTORY", table, "城镇新增就业", 2026, 3)).toBe(462);
    expect(one("HISTORY", table, "城镇新增就业", 2026, 2, "目标值")).toBe(400);
    expect(one("HISTORY", table, "城镇新增就业", 2026, 2, "单位")).toBe("人");
    expect(one("HISTORY", table, "城镇新增就业", 2026, 2, "上年同期值")).toBe("");
    expect(one("HISTORY", table, "同名指标", 2026, 3, "", "民生实事")).toBe(2);
  });

  test("a column of months spills a series", () => {
    expect(call("HISTORY", table, [["城镇新增就业"]], [[2026]], [[2], [3]])).toEqual([[300], [462]]);
  });

  test("a missing period or an ambiguous name is #N/A with a reason; a wrong range or column #VALUE!", () => {
    expectError(one("HISTORY", table, "城镇新增就业", 2025, 3), "#N/A", /没有2025年3月的“城镇新增就业”/);
    expectError(one("HISTORY", table, "同名指标", 2026, 3), "#N/A", /产业发展、民生实事都有/);
    expectError(one("HISTORY", table, "城镇新增就业", 2026, 3, "增速"), "#VALUE!", /没有“增速”列/);
    expectError(one("HISTORY", [["a", "b"]], "城镇新增就业", 2026, 3), "#VALUE!", /历史数据表/);
  });
});

test("PP is the difference in 个百分点, from ratios or percentages as text", () => {
  expect(one("PP", 0.182, 0.218)).toBe(-3.6);
  expect(one("PP", "18.2%", "21.8%")).toBe(-3.6);
  expect(one("PP", 0.5, "")).toBe("");
});

describe("SCHEDULE", () => {
  test("is month/12 by default", () => {
    expect(one("SCHEDULE", 3)).toBe(0.25);
    expect(one("SCHEDULE", 3, null, null)).toBe(0.25);
    expect(call("SCHEDULE", [[1], [6], [12]])).toEqual(
      [[1 / 12], [0.5], [1]].map(([v]) => [Number(v!.toPrecision(15))]),
    );
  });

  test("by days counts the days to the month's end, leap years included", () => {
    expect(one("SCHEDULE", 3, 2024, true)).toBe(Number((91 / 366).toPrecision(15)));
    expect(one("SCHEDULE", 2, 2026, "按天")).toBe(Number((59 / 365).toPrecision(15)));
    expect(one("SCHEDULE", 2, 2026, "按月")).toBe(Number((2 / 12).toPrecision(15)));
  });

  test("a month outside 1–12 or a fraction is #VALUE!", () => {
    expectError(one("SCHEDULE", 13), "#VALUE!", /月份应为1至12的整数/);
    expectError(one("SCHEDULE", 2.5), "#VALUE!", /月份/);
    expectError(one("SCHEDULE", 3, 2026, "每天"), "#VALUE!", /按天计算/);
  });
});

test("STATUS compares completion with the schedule", () => {
  expect(call("STATUS", [[0.924], [0.2], ["25%"], [""]], [[0.25]])).toEqual([
    ["达到或超时序进度"],
    ["滞后"],
    ["达到或超时序进度"],
    [""],
  ]);
});

describe("wording", () => {
  test("YOYTEXT words growth from the two values", () => {
    expect(call("YOYTEXT", [[113], [97.9], [100.01]], [[100]])).toEqual([
      ["同比增长13%"],
      ["同比下降2.1%"],
      ["与上年同期持平"],
    ]);
    expect(one("YOYTEXT", 100.01, 100, 2)).toBe("同比增长0.01%");
    expectError(one("YOYTEXT", 1, 0), "#DIV/0!");
    expectError(one("YOYTEXT", 1, -2), "#N/A", /负数/);
  });

  test("YOYTEXT words a rate indicator's change in 个百分点, as the bulletin does", () => {
    expect(one("YOYTEXT", 18.2, 21.8, null, "%")).toBe("同比下降3.6个百分点");
    expect(one("YOYTEXT", 18.25, 18.2, 2, "％")).toBe("同比提高0.05个百分点");
    expect(one("YOYTEXT", 0, 0, null, "%")).toBe("与上年同期持平");
    expect(one("YOYTEXT", "462人", 400, null, "人")).toBe("同比增长15.5%");
  });

  test("GROWTHTEXT words a ratio, with another comparison when asked", () => {
    expect(one("GROWTHTEXT", 0.13)).toBe("同比增长13%");
    expect(one("GROWTHTEXT", -0.021, 1, "环比")).toBe("环比下降2.1%");
    expect(one("GROWTHTEXT", 0.0004, null, "环比")).toBe("环比持平");
    expect(one("GROWTHTEXT", "8%")).toBe("同比增长8%");
  });

  test("NUMTEXT and PCTTEXT round half up and drop trailing zeros", () => {
    expect(one("NUMTEXT", 65.04, "亿元")).toBe("65.04亿元");
    expect(one("NUMTEXT", 1.2, "亿元", 2)).toBe("1.2亿元");
    expect(one("NUMTEXT", 1.005, "亿元")).toBe("1.01亿元");
    expect(one("NUMTEXT", 462, "")).toBe("462");
    expect(call("NUMTEXT", [[462], [186]], [["人"]], [[0]])).toEqual([["462人"], ["186人"]]);
    expect(one("PCTTEXT", 0.924)).toBe("92.4%");
    expect(one("PCTTEXT", 1.05)).toBe("105%");
    expect(one("PCTTEXT", 0.92449, 2)).toBe("92.45%");
    expectError(one("PCTTEXT", 0.5, 11), "#VALUE!", /小数位数应为0至10的整数/);
  });

  test("PERIODTEXT writes the period, a single month without a range", () => {
    expect(one("PERIODTEXT", 2026, 1, 3)).toBe("2026年1-3月");
    expect(one("PERIODTEXT", 2026, 4, 4)).toBe("2026年4月");
    expect(one("PERIODTEXT", 2026, 1, 3, "—")).toBe("2026年1—3月");
    expectError(one("PERIODTEXT", 2026, 5, 3), "#VALUE!", /起始月份/);
    expectError(one("PERIODTEXT", 2026, 1, 3, "~"), "#VALUE!", /连接号/);
    expect(one("PERIODTEXT", "", 1, 3)).toBe("");
  });
});

describe("PHRASE", () => {
  const template = "城镇新增就业{本期值}{单位}[，完成月度目标{完成率}][，{同比}]";

  test("fills placeholders from name/value pairs, formatting like the bulletin", () => {
    expect(one("PHRASE", template, [[["本期值"]], [[462]], [["单位"]], [["人"]], [["完成率"]], [[0.924]]])).toBe(
      "城镇新增就业462人，完成月度目标92.4%",
    );
    expect(one("PHRASE", "{累计期间}{同比}", [[["{累计期间}"]], [["2026年1-3月"]], [["同比"]], [[0.13]]])).toBe(
      "2026年1-3月同比增长13%",
    );
  });

  test("words a rate row's 同比 in 个百分点 and applies 小数位数, as the bulletin does", () => {
    const rate = [[["单位"]], [["%"]], [["同比"]], [[-0.003]]];
    expect(one("PHRASE", "{同比}", rate)).toBe("同比下降0.3个百分点");
    expect(one("PHRASE", "{同比}", [[["同比"]], [[-0.003]]])).toBe("同比下降0.3%");
    const places = [[["本期值"]], [[65.0449]], [["完成率"]], [[0.92449]], [["小数位数"]], [[3]]];
    expect(one("PHRASE", "{本期值}，{完成率}", places)).toBe("65.045，92.449%");
    expectError(one("PHRASE", "{本期值}", [[["本期值"]], [[1]], [["小数位数"]], [[7]]]), "#VALUE!", /小数位数/);
  });

  test("computes 完成率 and 同比 from the row's values when they are not given", () => {
    const values = [[["本期值"]], [[113]], [["目标值"]], [[100]], [["上年同期值"]], [[100]]];
    expect(one("PHRASE", "{完成率}，{同比}", values)).toBe("113%，同比增长13%");
    const rate = [[["单位"]], [["%"]], [["本期值"]], [[18.2]], [["上年同期值"]], [[21.8]]];
    expect(one("PHRASE", "{同比}", rate)).toBe("同比下降3.6个百分点");
  });

  test("a figure's placeholder takes figures only, read as the bulletin reads a cell", () => {
    expect(one("PHRASE", "{本期值}", [[["单位"]], [["人"]], [["本期值"]], [["462人"]]])).toBe("462");
    expect(one("PHRASE", "{同比}", [[["同比"]], [["13%"]]])).toBe("同比增长13%");
    expectError(one("PHRASE", "{同比}", [[["同比"]], [["同比提高0.5个百分点"]]]), "#VALUE!", /\{同比\}应为数值/);
  });

  test("{环比} comes from 本期值 and a given 上期值, worded like {同比}", () => {
    const values = [[["本期值"]], [[113]], [["上期值"]], [[100]]];
    expect(one("PHRASE", "上期{上期值}，{环比}", values)).toBe("上期100，环比增长13%");
    const rate = [[["单位"]], [["%"]], [["本期值"]], [[3.5]], [["上期值"]], [[3.5]]];
    expect(one("PHRASE", "{环比}", rate)).toBe("环比持平");
    expectError(one("PHRASE", "{环比}", [[["本期值"]], [[1]]]), "#N/A", /环比/);
    expectError(one("PHRASE", "{环比}", [[["环比"]], [[0.1]]]), "#VALUE!", /上期值/);
  });

  test("uses the zero wording when 本期值 is 0", () => {
    expect(one("PHRASE", "新增{本期值}{单位}||暂无新增", [[["本期值"]], [[0]], [["单位"]], [["个"]]])).toBe("暂无新增");
    expect(one("PHRASE", "新增{本期值}{单位}||暂无新增", [[["本期值"]], [[3]], [["单位"]], [["个"]]])).toBe("新增3个");
  });

  test("a column of values gives a column of phrases", () => {
    const result = call(
      "PHRASE",
      [["新增{本期值}{单位}"]],
      [[["本期值"]], [[4], [0], [1.2]], [["单位"]], [["个"], ["个"], ["亿元"]]],
    );
    expect(result).toEqual([["新增4个"], ["新增0个"], ["新增1.2亿元"]]);
  });

  test("a bad template is #VALUE!, a missing required value #N/A naming it, unpaired arguments #VALUE!", () => {
    expectError(one("PHRASE", "{本期值", [[["本期值"]], [[1]]]), "#VALUE!", /表述模板有误/);
    expectError(one("PHRASE", template, [[["单位"]], [["人"]]]), "#N/A", /\{本期值\}/);
    expectError(one("PHRASE", template, [[["本期值"]]]), "#VALUE!", /成对/);
    expect(one("PHRASE", "固定文字")).toBe("固定文字");
    expect(one("PHRASE", "固定文字", [[[null]]])).toBe("固定文字");
    expect(one("PHRASE", "")).toBe("");
  });
});

describe("shapes", () => {
  test("a row repeats down and a column across, like Excel's array arithmetic", () => {
    expect(call("COMPLETION", [[10], [20]], [[10, 20]])).toEqual([
      [1, 0.5],
      [2, 1],
    ]);
  });

  test("positions outside a smaller range are #N/A", () => {
    const result = call("COMPLETION", [[1], [2], [3]], [[1], [2]]);
    expect(result.slice(0, 2)).toEqual([[1], [1]]);
    expectError(result[2]![0], "#N/A", /行数或列数不一致/);
  });
});
