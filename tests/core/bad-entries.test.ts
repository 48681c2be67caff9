/**
 * Bad entries staff make, each named by severity, cell and a Chinese message. Row 2 of 城乡融合 is
 * 城镇新增就业 (人, 本期值 C2 = 462, 目标值 D2 = 500); columns: A 指标名称, B 单位, C 本期值,
 * D 目标值, E 完成率, F 上年同期值, G 同比, H 表述模板, I 句末, J 纳入专报.
 */
import { describe, expect, test } from "@jest/globals";
import { analyzeWorkbook, type Issue, type SheetGrid } from "../../src/core";
import { sampleGrids, setCell, withCells, withoutColumn, withoutSheet } from "../support/sample";

interface Case {
  name: string;
  grids: () => SheetGrid[];
  expected: Pick<Issue, "severity" | "sheet" | "cell" | "code"> & { message: string };
}

const 城乡 = "城乡融合";
const cell = (address: string, value: unknown) => () => withCells([[城乡, address, value]]);

const cases: Case[] = [
  {
    name: "text in a number cell",
    grids: cell("C2", "abc"),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "C2",
      code: "not-a-number",
      message: "本期值应为数字，实际为“abc”",
    },
  },
  {
    name: "a number written with its unit",
    grids: cell("C2", "462人"),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "C2",
      code: "number-with-unit",
      message: "本期值“462人”带有单位，已按数值读取",
    },
  },
  {
    name: "full-width digits",
    grids: cell("C2", "４６２"),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "C2",
      code: "fullwidth-digits",
      message: "本期值“４６２”含全角数字或符号，已按数值读取",
    },
  },
  {
    name: "a number stored as text",
    grids: cell("C2", "462"),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "C2",
      code: "number-as-text",
      message: "本期值“462”是以文本形式存储的数字",
    },
  },
  {
    name: "a unit that contradicts 单位",
    grids: cell("C2", "462户"),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "C2",
      code: "unit-mismatch",
      message: "本期值“462户”的单位“户”与单位列“人”不一致",
    },
  },
  {
    name: "a negative count",
    grids: cell("C2", -5),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "C2",
      code: "negative-count",
      message: "本期值为负数（-5），以“人”计的数量不能为负",
    },
  },
  {
    name: "a fractional count",
    grids: cell("C2", 4.5),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "C2",
      code: "fractional-count",
      message: "本期值为小数（4.5），以“人”计的数量应为整数",
    },
  },
  {
    name: "a negative count target",
    grids: cell("D2", -1),
    expected: { severity: "error", sheet: 城乡, cell: "D2", code: "negative-count", message: "目标值为负数（-1）" },
  },
  {
    name: "an ExcelJS error value",
    grids: cell("C2", { error: "#DIV/0!" }),
    expected: { severity: "error", sheet: 城乡, cell: "C2", code: "excel-error", message: "本期值是错误值 #DIV/0!" },
  },
  {
    name: "an Office.js error value",
    grids: cell("C2", "#N/A"),
    expected: { severity: "error", sheet: 城乡, cell: "C2", code: "excel-error", message: "本期值是错误值 #N/A" },
  },
  {
    name: "a formula whose cached result is an error",
    grids: cell("C2", { formula: "1/0", result: { error: "#DIV/0!" } }),
    expected: { severity: "error", sheet: 城乡, cell: "C2", code: "excel-error", message: "#DIV/0!" },
  },
  {
    name: "a number Excel turned into a date",
    grids: cell("C2", new Date(Date.UTC(2026, 3, 3))),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "C2",
      code: "date-in-number",
      message: "本期值被 Excel 识别成了日期",
    },
  },
  {
    name: "an input formula never calculated",
    grids: cell("C2", { formula: "K2*2" }),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "C2",
      code: "uncalculated",
      message: "本期值的公式 =K2*2 尚无计算结果",
    },
  },
  {
    name: "a boolean in a number cell",
    grids: cell("C2", true),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "C2",
      code: "not-a-number",
      message: "本期值应为数字，实际为“TRUE”",
    },
  },
  {
    name: "computed completion over 150%",
    grids: cell("D2", 200),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "C2",
      code: "completion-high",
      message: "完成率231%，超过150%，请核实",
    },
  },
  {
    name: "typed completion over 150%",
    grids: () =>
      withCells([
        [城乡, "D2", ""],
        [城乡, "E2", 1.6],
      ]),
    expected: { severity: "warning", sheet: 城乡, cell: "E2", code: "completion-high", message: "完成率160%" },
  },
  {
    name: "typed growth beyond +100%",
    grids: () => withCells([["产业发展", "G2", 1.5]]),
    expected: {
      severity: "warning",
      sheet: "产业发展",
      cell: "G2",
      code: "growth-extreme",
      message: "同比增长150%，幅度超过100%，请核实",
    },
  },
  {
    name: "computed growth beyond -100%… and +100%",
    grids: cell("F2", 100),
    expected: { severity: "warning", sheet: 城乡, cell: "C2", code: "growth-extreme", message: "同比增长362%" },
  },
  {
    name: "a target of 0",
    grids: cell("D2", 0),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "D2",
      code: "target-zero",
      message: "目标值为0，无法计算完成率",
    },
  },
  {
    name: "a prior-year value of 0",
    grids: cell("F2", 0),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "F2",
      code: "prior-zero",
      message: "上年同期值为0，无法计算同比",
    },
  },
  {
    name: "a negative prior-year value",
    grids: cell("F2", -3),
    expected: { severity: "warning", sheet: 城乡, cell: "F2", code: "prior-negative", message: "上年同期值为负数" },
  },
  {
    name: "a typed completion that disagrees",
    grids: cell("E2", 0.95),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "E2",
      code: "completion-mismatch",
      message: "填写的完成率95%与本期值÷目标值（92.4%）不符",
    },
  },
  {
    name: "a typed growth that disagrees",
    grids: () =>
      withCells([
        [城乡, "F2", 400],
        [城乡, "G2", 0.2],
      ]),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "G2",
      code: "growth-mismatch",
      message: "填写的同比20%与本期值、上年同期值算出的15.5%不符",
    },
  },
  {
    name: "an unknown placeholder",
    grids: cell("H2", "城镇新增就业{本期值}{单位}{完成度}"),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "H2",
      code: "unknown-placeholder",
      message: "表述模板中的占位符{完成度}无法识别",
    },
  },
  {
    name: "an unclosed placeholder",
    grids: cell("H2", "城镇新增就业{本期值"),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "H2",
      code: "template-syntax",
      message: "表述模板有误：“{”没有对应的“}”",
    },
  },
  {
    name: "an unclosed optional part",
    grids: cell("H2", "城镇新增就业[，{完成率}"),
    expected: { severity: "error", sheet: 城乡, cell: "H2", code: "template-syntax", message: "可选部分缺少结尾的“]”" },
  },
  {
    name: "an empty template",
    grids: cell("H2", ""),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "H2",
      code: "template-empty",
      message: "表述模板为空，该行未纳入专报",
    },
  },
  {
    name: "a template that is only ||",
    grids: cell("H2", "||"),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "H2",
      code: "phrase-empty",
      message: "“城镇新增就业”的表述模板填入数值后没有文字，本期专报未写入该行",
    },
  },
  {
    name: "a template of punctuation and an optional part whose value is empty",
    grids: () =>
      withCells([
        [城乡, "H2", "，[{同比}]；"],
        [城乡, "F2", null],
        [城乡, "G2", null],
      ]),
    expected: { severity: "warning", sheet: 城乡, cell: "H2", code: "phrase-empty", message: "没有文字" },
  },
  {
    name: "a duplicate indicator name",
    grids: cell("A3", "城镇新增就业"),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "A3",
      code: "duplicate-name",
      message: "指标名称“城镇新增就业”与第2行重复",
    },
  },
  {
    name: "a row without a name",
    grids: cell("A3", ""),
    expected: { severity: "warning", sheet: 城乡, cell: "A3", code: "name-missing", message: "没有指标名称" },
  },
  {
    name: "braces in a name",
    grids: cell("A2", "城镇{新增}就业"),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "A2",
      code: "braces-in-text",
      message: "指标名称“城镇{新增}就业”含有花括号",
    },
  },
  {
    name: "an unknown sentence end",
    grids: cell("I2", "!"),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "I2",
      code: "sentence-end-invalid",
      message: "句末“!”不是可选的标点",
    },
  },
  {
    name: "an unknown 纳入专报 value",
    grids: cell("J2", "可能"),
    expected: {
      severity: "warning",
      sheet: 城乡,
      cell: "J2",
      code: "include-invalid",
      message: "纳入专报“可能”应为“是”或“否”",
    },
  },
  {
    name: "a value the template needs is empty",
    grids: cell("C3", ""),
    expected: {
      severity: "info",
      sheet: 城乡,
      cell: "C3",
      code: "value-missing",
      message: "“农业转移人口落户”的表述需要{本期值}，但该值为空",
    },
  },
  {
    name: "a missing category sheet",
    grids: () => withoutSheet("区域协同"),
    expected: {
      severity: "error",
      sheet: "区域协同",
      cell: null,
      code: "missing-sheet",
      message: "缺少工作表“区域协同”",
    },
  },
  {
    name: "a missing settings sheet",
    grids: () => withoutSheet("专报设置"),
    expected: {
      severity: "error",
      sheet: "专报设置",
      cell: null,
      code: "missing-sheet",
      message: "缺少工作表“专报设置”",
    },
  },
  {
    name: "a missing column",
    grids: () => withoutColumn(城乡, "目标值"),
    expected: {
      severity: "error",
      sheet: 城乡,
      cell: "L1",
      code: "missing-column",
      message: "工作表“城乡融合”缺少“目标值”列",
    },
  },
  {
    name: "a missing 指标名称 header",
    grids: () => withCells([[城乡, "A1", "名称"]]),
    expected: { severity: "error", sheet: 城乡, cell: null, code: "missing-column", message: "找不到表头“指标名称”" },
  },
  {
    name: "印发日期 in another year than 统计年份",
    grids: sampleGrids,
    expected: {
      severity: "warning",
      sheet: "专报设置",
      cell: "B5",
      code: "date-year-mismatch",
      message: "印发日期为2025年，统计年份为2026年，请核实",
    },
  },
  {
    name: "统计月份 out of range",
    grids: () => withCells([["专报设置", "B7", 13]]),
    expected: {
      severity: "error",
      sheet: "专报设置",
      cell: "B7",
      code: "setting-invalid",
      message: "统计月份应为1至12的整数，实际为“13”",
    },
  },
  {
    name: "统计年份 in words",
    grids: () => withCells([["专报设置", "B6", "二〇二六"]]),
    expected: {
      severity: "error",
      sheet: "专报设置",
      cell: "B6",
      code: "setting-invalid",
      message: "统计年份应为四位年份",
    },
  },
  {
    name: "an unreadable 印发日期",
    grids: () => withCells([["专报设置", "B5", "下周一"]]),
    expected: {
      severity: "error",
      sheet: "专报设置",
      cell: "B5",
      code: "setting-invalid",
      message: "印发日期“下周一”不是有效日期",
    },
  },
  {
    name: "an empty required setting",
    grids: () => withCells([["专报设置", "B2", ""]]),
    expected: {
      severity: "error",
      sheet: "专报设置",
      cell: "B2",
      code: "setting-empty",
      message: "设置项“专报名称”未填写",
    },
  },
  {
    name: "a cumulative range that runs backwards",
    grids: () => withCells([["专报设置", "B8", 5]]),
    expected: {
      severity: "error",
      sheet: "专报设置",
      cell: "B8",
      code: "setting-invalid",
      message: "累计起始月份（5）晚于截止月份（3）",
    },
  },
];

describe("bad entries are named by cell", () => {
  test("there are at least 30 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  test.each(cases)("$name", ({ grids, expected }) => {
    const { message, ...where } = expected;
    const analysis = analyzeWorkbook(grids());
    const found = analysis.issues.filter(
      (issue) => issue.code === where.code && issue.cell === where.cell && issue.sheet === where.sheet,
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe(where.severity);
    expect(found[0]!.message).toContain(message);
    expect(found[0]!.hint).not.toBe("");
  });
});

describe("what bad entries do to the text", () => {
  const paragraph = (grids: SheetGrid[], category: string) =>
    analyzeWorkbook(grids).sections.find((section) => section.category === category)?.text ?? "";

  test("a row with an error is left out, and the sentence still closes with 。", () => {
    expect(paragraph(withCells([[城乡, "C3", "一百八十六"]]), 城乡)).toBe(
      "（二）城乡融合指标。城镇新增就业462人，完成月度目标92.4%；申报保障性租赁住房64套，5个老旧小区改造前期工作有序推进。",
    );
  });

  test("a value read with a warning is still printed", () => {
    expect(paragraph(withCells([[城乡, "C2", "４６２人"]]), 城乡)).toContain("城镇新增就业462人，完成月度目标92.4%");
  });

  test("a zero target drops the optional completion clause", () => {
    expect(paragraph(withCells([[城乡, "D2", 0]]), 城乡)).toContain("城镇新增就业462人；农业转移人口落户");
  });

  test("a row left out at the end moves the full stop to the row before", () => {
    const grids = withCells([["双碳管控", "J4", "否"]]);
    expect(paragraph(grids, "双碳管控")).toBe(
      "（七）双碳管控指标。一季度无“两高”项目备案；完成7家重点用能单位能耗检查。",
    );
  });

  test("a sheet whose rows are all left out has no paragraph, and the numbering closes up", () => {
    const grids = sampleGrids();
    for (const row of (grids.find((g) => g.name === "区域协同")!.values as unknown[][]).slice(1)) row[9] = "否";
    const sections = analyzeWorkbook(grids).sections;
    expect(sections.map((s) => s.text.slice(0, 9))).toEqual([
      "（一）产业发展指标",
      "（二）城乡融合指标",
      "（三）乡村振兴指标",
      "（四）文体惠民指标",
      "（五）民生实事指标",
      "（六）双碳管控指标",
    ]);
  });

  test("a nonzero figure uses the main wording instead of the zero wording", () => {
    expect(paragraph(setCell(sampleGrids(), "双碳管控", "C2", 2), "双碳管控")).toContain(
      "一季度新增“两高”项目备案2个；",
    );
  });
});
