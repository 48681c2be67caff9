/**
 * On the sample workbook, the ZB functions (the built bundle) agree with the bulletin that
 * analyzeWorkbook writes: the same completion, percentages and period (PHRASE: functions-bulletin.test.ts).
 */
import { beforeAll, expect, test } from "@jest/globals";
import { type Analysis, analyzeWorkbook, type IndicatorRow, kaijuBahao, workbookGrids } from "../src/core";
import { readIndicatorSheet } from "../src/core/reading/indicators";
import { type CustomFunction, loadFunctions } from "./functions-runtime";

let functions: Map<string, CustomFunction>;
let analysis: Analysis;
/** The sample's rows as the pipeline reads them; all of them are in the bulletin. */
let rows: IndicatorRow[];

beforeAll(() => {
  functions = loadFunctions();
  const grids = workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
  analysis = analyzeWorkbook(grids);
  rows = grids.flatMap((grid) =>
    kaijuBahao.categories.some((category) => category.name === grid.name)
      ? readIndicatorSheet(grid.name, grid).rows
      : [],
  );
});

/** ZB.<id> on single cells; repeating arguments (PHRASE's pairs) as a list of cells. */
function zb(id: string, ...args: unknown[]): unknown {
  const cell = (value: unknown) => [[value ?? null]];
  const [template, pairs] = args;
  const wrapped = id === "PHRASE" ? [cell(template), (pairs as unknown[]).map(cell)] : args.map(cell);
  return (functions.get(id)!(...wrapped) as unknown[][])[0]![0];
}

function sectionText(category: string): string {
  const section = analysis.sections.find((candidate) => candidate.category === category);
  if (!section) throw new Error(`no ${category} paragraph`);
  return section.text;
}

function row(name: string): IndicatorRow {
  const found = rows.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

test("COMPLETION and PCTTEXT give 城镇新增就业's 92.4%, as the paragraph writes it", () => {
  const employment = row("城镇新增就业");
  const completion = zb("COMPLETION", employment.actual, employment.target);
  expect(completion).toBe(0.924);
  const percent = zb("PCTTEXT", completion);
  expect(percent).toBe("92.4%");
  expect(sectionText("城乡融合")).toContain(`城镇新增就业462人，完成月度目标${String(percent)}`);
});

test("PERIODTEXT gives the 累计期间 the bulletin uses", () => {
  const { year, cumulativeFrom, cumulativeTo, dash } = analysis.settings;
  const period = zb("PERIODTEXT", year, cumulativeFrom, cumulativeTo, dash);
  expect(period).toBe("2026年1-3月");
  expect(sectionText("产业发展")).toContain(`${String(period)}累计完成规上工业企业产值`);
});

test("GROWTHTEXT words each typed 同比 as the bulletin does", () => {
  const output = row("规上工业企业产值（累计）");
  const phrase = zb("GROWTHTEXT", output.growth);
  expect(phrase).toBe("同比增长13%");
  expect(sectionText("产业发展")).toContain(`65.04亿元，${String(phrase)}`);
});
