/**
 * One table of ZB cases, run against both hosts' registrations of the built functions: Excel's
 * (dist/functions.js, CustomFunctions.associate, 2-D arguments) and WPS's (dist/wps/main.js,
 * wps.AddCustomFunction, scalars as WPS passes single cells). Same names, arguments and results.
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { loadFunctions, loadWpsEntry, StandInError, type CustomFunction } from "./functions-runtime";

/** [function, arguments as cells (PHRASE's pairs flat, as typed in a formula), result ("#…" an error)]. */
const cases: [id: string, args: unknown[], expected: unknown][] = [
  ["COMPLETION", [462, 500], 0.924],
  ["COMPLETION", ["４６２", "500"], 0.924],
  ["COMPLETION", [462, 0], "#DIV/0!"],
  ["COMPLETION", ["约四百", 500], "#VALUE!"],
  ["YOY", [113, 100], 0.13],
  ["YOY", [5, -2], "#N/A"],
  ["MOM", [113, 100], 0.13],
  ["MOM", [5, 0], "#DIV/0!"],
  ["PP", ["18.2%", "21.8%"], -3.6],
  ["PP", [0.5, ""], ""],
  ["SCHEDULE", [3], 0.25],
  ["SCHEDULE", [2, 2026, "按天"], Number((59 / 365).toPrecision(15))],
  ["SCHEDULE", [13], "#VALUE!"],
  ["STATUS", [0.3, 0.25], "达到或超时序进度"],
  ["YOYTEXT", [18.2, 21.8, null, "%"], "同比下降3.6个百分点"],
  ["YOYTEXT", ["462人", 400, null, "人"], "同比增长15.5%"],
  ["GROWTHTEXT", [-0.021, 1, "环比"], "环比下降2.1%"],
  ["NUMTEXT", [65.04, "亿元"], "65.04亿元"],
  ["PCTTEXT", [0.924], "92.4%"],
  ["PERIODTEXT", [2026, 1, 3], "2026年1-3月"],
  ["PERIODTEXT", [2026, 5, 3], "#VALUE!"],
  ["PHRASE", ["新增{本期值}{单位}||暂无新增", "本期值", 3, "单位", "个"], "新增3个"],
  ["PHRASE", ["{同比}", "同比", "13%"], "同比增长13%"],
  ["PHRASE", ["{本期值", "本期值", 1], "#VALUE!"],
];

/** Excel's call: each argument a 2-D range, PHRASE's pairs one repeating group; one cell back. */
function callExcel(implementation: CustomFunction, id: string, args: unknown[]): unknown {
  const grid = (value: unknown) => [[value]];
  const excelArgs = id === "PHRASE" ? [grid(args[0]), args.slice(1).map(grid)] : args.map(grid);
  const result = implementation(...excelArgs) as unknown[][];
  expect(result).toHaveLength(1);
  const cell = result[0]![0];
  return cell instanceof StandInError ? cell.code : cell;
}

describe("the ZB functions in Excel and in WPS", () => {
  let excel: Map<string, CustomFunction>;
  let wps: Map<string, CustomFunction>;

  beforeAll(() => {
    excel = loadFunctions();
    wps = loadWpsEntry().functions;
  });

  test("WPS registers exactly Excel's functions, under the namespace ZB", () => {
    expect([...wps.keys()].sort()).toEqual([...excel.keys()].map((id) => `ZB.${id}`).sort());
  });

  test.each(cases)("%s(%j) is %j in both", (id, args, expected) => {
    const inExcel = callExcel(excel.get(id)!, id, args);
    const inWps = wps.get(`ZB.${id}`)!(...args);
    expect(inExcel).toEqual(expected);
    expect(inWps).toEqual(expected);
  });

  test("ZB.HISTORY takes the 历史数据 table as a range in both", () => {
    const table = [
      ["统计年份", "统计月份", "类别", "指标名称", "本期值"],
      [2026, 3, "民生实事", "城镇新增就业", 462],
    ];
    const args = ["城镇新增就业", 2026, 3];
    expect(excel.get("HISTORY")!(table, ...args.map((value) => [[value]]))).toEqual([[462]]);
    expect(wps.get("ZB.HISTORY")!(table, ...args)).toBe(462);
  });

  test("a range argument gives WPS the same array of results as Excel", () => {
    const actual = [[462], [186]];
    const target = [[500], [210]];
    const inExcel = excel.get("COMPLETION")!(actual, target);
    expect(wps.get("ZB.COMPLETION")!(actual, target)).toEqual(inExcel);
  });
});
