/**
 * ZB.PHRASE (the built bundle) fed a row's cells writes, character for character, the sentence the
 * bulletin writes for that row: on every row of the sample and on generated rows (rate rows, zero,
 * negative and empty values, every 小数位数).
 */
import { beforeAll, expect, test } from "@jest/globals";
import fc from "fast-check";
import {
  analyzeWorkbook,
  type Analysis,
  indicatorColumns,
  indicatorParagraph,
  joinPhrases,
  kaijuBahao,
  rowPlaceholders,
  type SentenceEnd,
  sentenceEnds,
  settingsSheetName,
  type SheetGrid,
} from "../src/core";
import { cachedSampleGrids } from "./support/sample";
import { type CustomFunction, loadFunctions, StandInError } from "./functions-runtime";

let functions: Map<string, CustomFunction>;
let settingsGrid: SheetGrid;
/** The name/value pairs of the values that are not a row's: 专报设置 items and the period, from ZB functions. */
let periodPairs: unknown[];

/** ZB.<id> on single cells; PHRASE's pairs as a list of cells. */
function zb(id: string, ...args: unknown[]): unknown {
  const cell = (value: unknown) => [[value ?? null]];
  const [template, pairs] = args;
  const wrapped = id === "PHRASE" ? [cell(template), (pairs as unknown[]).map(cell)] : args.map(cell);
  return (functions.get(id)!(...wrapped) as unknown[][])[0]![0];
}

beforeAll(() => {
  functions = loadFunctions();
  const grids = cachedSampleGrids();
  settingsGrid = grids.find((grid) => grid.name === settingsSheetName)!;
  const { settings } = analyzeWorkbook(grids);
  const to = settings.cumulativeTo!;
  periodPairs = [
    ...[...settings.items].flat(),
    ...["累计期间", zb("PERIODTEXT", settings.year, settings.cumulativeFrom, to, settings.dash)],
    ...["本月", `${settings.month}月`, "季度", `${"一二三四"[Math.floor((to - 1) / 3)]}季度`],
    ...["序时进度", zb("SCHEDULE", to, settings.year, settings.scheduleByDays)],
  ];
});

const headers = indicatorColumns.map((column) => column.header);
const column = (header: string) => headers.indexOf(header);

/** What Excel hands a function for a cell: a formula's result, blank as "". */
function shownValue(raw: unknown): unknown {
  if (raw !== null && typeof raw === "object" && "result" in raw) return (raw as { result: unknown }).result;
  return raw ?? "";
}

/** The row's columns PHRASE takes: its placeholders and 小数位数. */
const rowHeaders = [...Object.keys(rowPlaceholders), "小数位数"];

/** The PHRASE arguments for one row of cells laid out in `headers` order. */
function phraseFor(cells: readonly unknown[]): unknown {
  const pairs = [...periodPairs];
  for (const header of rowHeaders) pairs.push(header, shownValue(cells[column(header)]));
  return zb("PHRASE", shownValue(cells[column("表述模板")]), pairs);
}

/** The paragraph PHRASE's phrases make, joined as the bulletin joins them; null when none has text. */
function expectedParagraph(title: string, rows: readonly (readonly unknown[])[]): string | null {
  const phrases = rows.flatMap((cells) => {
    const text = phraseFor(cells);
    if (text instanceof StandInError) return [];
    expect(typeof text).toBe("string");
    const end = shownValue(cells[column("句末")]) as SentenceEnd;
    return [{ text: text as string, end: end || "；" }];
  });
  const joined = joinPhrases(phrases);
  return joined === "" ? null : indicatorParagraph(0, title, joined);
}

function analyzeSheet(category: string, rows: readonly (readonly unknown[])[]): Analysis {
  return analyzeWorkbook([settingsGrid, { name: category, values: [headers, ...rows] }]);
}

test("on every sample row, PHRASE and the bulletin write the same sentence", () => {
  const sample = cachedSampleGrids();
  let compared = 0;
  for (const category of kaijuBahao.categories) {
    const grid = sample.find((candidate) => candidate.name === category.name)!;
    const [header, ...sheetRows] = grid.values;
    // The sample's rows in `headers` order, which it need not follow.
    const rows = sheetRows.map((row) => headers.map((name) => row[header!.indexOf(name)] ?? null));
    for (const row of rows) {
      const analysis = analyzeSheet(category.name, [row]);
      const expected = expectedParagraph(category.title, [row]);
      expect(expected).not.toBeNull();
      expect(analysis.sections.map((section) => section.text)).toEqual([expected]);
      compared += 1;
    }
    // And the whole sheet: the phrases joined in order make the sample's paragraph.
    const whole = analyzeSheet(category.name, rows).sections[0]!.text;
    expect(whole).toBe(expectedParagraph(category.title, rows));
  }
  expect(compared).toBe(kaijuBahao.categories.reduce((sum, category) => sum + category.indicators.length, 0));
  expect(compared).toBeGreaterThan(20);
});

const figure = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: -5000, max: 100000 }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 7 }))
      .map(([digits, places]) => digits / 10 ** places),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }).map(String) },
);
const ratio = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constantFrom(-0.003, 0.0004, -0.00049, 0.13, 0.0005, 0.00005) },
  { weight: 3, arbitrary: fc.integer({ min: -20000, max: 20000 }).map((n) => n / 10000) },
  { weight: 1, arbitrary: fc.integer({ min: -300, max: 300 }).map((n) => `${n / 10}%`) },
);
const template = fc
  .array(
    fc.constantFrom(
      "{指标名称}",
      "{本期值}{单位}",
      "，完成目标{完成率}",
      "[，完成目标{完成率}]",
      "，{同比}",
      "[，{同比}]",
      "[，上年同期{上年同期值}{单位}]",
      "目标{目标值}",
      "{累计期间}",
      "{序时进度}",
      "{季度}{本月}",
      "（{牵头单位}）",
      "[（{牵头单位}）]",
      "，",
      "新增",
    ),
    { minLength: 1, maxLength: 6 },
  )
  .chain((main) =>
    fc
      .option(fc.constantFrom("暂无新增", "{指标名称}无变化[，{同比}]", ""), { nil: undefined })
      .map((zero) => main.join("") + (zero === undefined ? "" : `||${zero}`)),
  );

/** One indicator row's cells, in `headers` order. */
const indicatorRow = fc
  .record({
    name: fc.constantFrom("城镇新增就业", "规上工业增加值", "城镇调查失业率", "森林覆盖率"),
    unit: fc.constantFrom("%", "％", "%", "亿元", "万亩", "", "人", "个"),
    actual: figure,
    target: figure,
    completion: ratio,
    prior: figure,
    growth: ratio,
    template,
    sentenceEnd: fc.constantFrom(...sentenceEnds),
    lead: fc.constantFrom("", "市人社局"),
    decimals: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  })
  .map((row) => {
    const cells: unknown[] = headers.map(() => null);
    const set = (header: string, value: unknown) => (cells[column(header)] = value);
    set("指标名称", row.name);
    set("单位", row.unit);
    set("本期值", row.actual);
    set("目标值", row.target);
    set("完成率", row.completion);
    set("上年同期值", row.prior);
    set("同比", row.growth);
    set("表述模板", row.template);
    set("句末", row.sentenceEnd);
    set("纳入专报", "是");
    set("牵头单位", row.lead);
    set("小数位数", row.decimals);
    return cells;
  });

test("on 1,800 generated rows, PHRASE's text is the bulletin's sentence, or both leave the row out", () => {
  const category = kaijuBahao.categories[0]!;
  const counts = { compared: 0, missingValue: 0, rejected: 0, rate: 0, zero: 0 };
  fc.assert(
    fc.property(indicatorRow, (cells) => {
      const analysis = analyzeSheet(category.name, [cells]);
      const rowIssues = analysis.issues.filter((issue) => issue.sheet === category.name && issue.cell?.endsWith("2"));
      // A row with an error is left out by the checks, which PHRASE does not run.
      if (rowIssues.some((issue) => issue.severity === "error")) {
        expect(analysis.sections).toEqual([]);
        counts.rejected += 1;
        return;
      }
      const phrase = phraseFor(cells);
      if (phrase instanceof StandInError) {
        expect(phrase.code).toBe("#N/A");
        expect(analysis.sections).toEqual([]);
        expect(rowIssues.map((issue) => issue.code)).toContain("value-missing");
        counts.missingValue += 1;
        return;
      }
      const expected = expectedParagraph(category.title, [cells]);
      expect(analysis.sections.map((section) => section.text)).toEqual(expected === null ? [] : [expected]);
      // A row left out of the text is never left out silently.
      if (expected === null) expect(rowIssues.map((issue) => issue.code)).toContain("phrase-empty");
      counts.compared += 1;
      if (["%", "％"].includes(cells[column("单位")] as string)) counts.rate += 1;
      if (cells[column("本期值")] === 0) counts.zero += 1;
    }),
    { numRuns: 1800 },
  );
  expect(counts.compared).toBeGreaterThanOrEqual(1000);
  expect(counts.rate).toBeGreaterThan(200);
  expect(counts.zero).toBeGreaterThan(50);
  expect(counts.missingValue).toBeGreaterThan(50);
});
