/** The task pane's behaviour over an in-memory workbook: what it shows after each action. */
import { afterEach, describe, expect, jest, test } from "@jest/globals";
import { severityLabel } from "../src/core/spec/issues";
import { MemoryWorkbook } from "../src/core/workbook/memory-workbook";
import type { SheetGrid } from "../src/core/reading/grid";
import type { TemplateReport, WorkbookHost } from "../src/core/workbook/workbook-host";
import type { NextPeriodApplied } from "../src/core/workbook/next-period";
import * as nextPeriodModule from "../src/core/workbook/next-period";
import * as nextPeriodPlan from "../src/taskpane/next-period-plan";
import { kaijuBahao } from "../src/core/spec";
import { sheetSizeProblem } from "../src/core/spec/limits";
import { ExcelWorkbookHost } from "../src/excel/excel-host";
import { ExcelHostError } from "../src/excel/office-errors";
import type { EtApplication } from "../src/wps/et-types";
import { WpsWorkbookHost } from "../src/wps/wps-host";
import { badSampleGrids, markupPayload } from "../src/taskpane/bad-sample";
import { type OfficeLike, waitForOffice } from "../src/taskpane/office-start";
import { type FailureLog, PaneController } from "../src/taskpane/pane-controller";
import type { PaneViewModel } from "../src/taskpane/pane-model";
import { readPaneQuery, withoutAction } from "../src/taskpane/pane-query";
import { previewWorkbook } from "../src/taskpane/preview-workbook";
import { templateReportLines } from "../src/taskpane/template-report-text";
import { FakeEt } from "./support/fake-et";
import { FakeExcel } from "./support/fake-excel";
import { referenceLines, sampleGrids } from "./support/sample";

const quietLog: FailureLog = () => undefined;

/** 开始下一期's planning handed over: the pane fetches it as a chunk, and jest runs no dynamic import. */
const planning = () => Promise.resolve(nextPeriodModule);

function controllerOver(host: WorkbookHost, log: FailureLog = quietLog): PaneController {
  return new PaneController(host, log, () => Promise.resolve(nextPeriodPlan));
}

/** A host whose reads wait until the test lets them finish. */
class GatedHost implements WorkbookHost {
  readonly label = "测试";
  reads = 0;
  private release: (() => void) | null = null;

  constructor(private readonly grids: SheetGrid[]) {}

  readWorkbook(): Promise<SheetGrid[]> {
    this.reads += 1;
    return new Promise((resolve) => {
      this.release = () => resolve(this.grids);
    });
  }

  finishRead(): void {
    this.release?.();
  }

  createTemplate(): Promise<TemplateReport> {
    throw new Error("not used");
  }

  selectCell(): Promise<void> {
    return Promise.resolve();
  }

  applyEdits(): Promise<void> {
    throw new Error("not used");
  }

  startNextPeriod(): Promise<NextPeriodApplied> {
    throw new Error("not used");
  }
}

/** A host that fails every call with `error`. */
function failingHost(error: unknown): WorkbookHost {
  return {
    label: "Excel",
    readWorkbook: () => Promise.reject(error),
    createTemplate: () => Promise.reject(error),
    selectCell: () => Promise.reject(error),
    applyEdits: () => Promise.reject(error),
    startNextPeriod: () => Promise.reject(error),
  };
}

const hasLatinWords = (text: string) => /[A-Za-z]{3,}/.test(text.replace(/Excel|Word|WPS|Ctrl\+C/g, ""));

describe("生成专报", () => {
  test("on the sample gives the seed bulletin, 【主要指标】 one paragraph per category", async () => {
    const pane = controllerOver(new MemoryWorkbook(sampleGrids()));
    await pane.generate();
    const view = pane.view;
    expect(view.failure).toBeNull();
    expect(view.bulletinText?.split("\n").filter((line) => line !== "")).toEqual(
      referenceLines("bulletin-expected.txt"),
    );
    const indicators = view.bulletin?.sections.find((section) => section.heading === "【主要指标】");
    expect(indicators?.paragraphs.map((runs) => runs.map((run) => run.text).join(""))).toEqual(
      referenceLines("indicators-expected.txt"),
    );
    expect(view.status).toBe("专报已生成。");
  });

  test("shows the period of 专报设置", async () => {
    const pane = controllerOver(new MemoryWorkbook(sampleGrids()));
    await pane.refresh();
    expect(pane.view.period).toEqual({
      title: "汨罗市实施“开局八好”工作专报",
      issue: "第2期",
      period: "2026年1-3月",
      issueDate: "2025年4月28日",
    });
    expect(pane.view.periodNote).toBeNull();
  });

  test("with errors leaves their rows out and says so", async () => {
    const pane = controllerOver(new MemoryWorkbook(badSampleGrids()));
    await pane.generate();
    expect(pane.view.bulletinText).not.toContain("城镇新增就业");
    expect(pane.view.bulletinText).toContain(`${markupPayload}：赴长株潭招商对接2次`);
    expect(pane.view.status).toBe("专报已生成。有 4 个错误，相关指标未写入专报，请查看问题列表。");
    expect(pane.view.issues?.counts.error).toBe(4);
  });

  test("on a workbook with nothing to print says what to do instead of showing an empty preview", async () => {
    const pane = controllerOver(new MemoryWorkbook(sampleGrids().filter((grid) => grid.name === "专报设置")));
    await pane.generate();
    expect(pane.view.bulletin).toBeNull();
    expect(pane.view.bulletinText).toBeNull();
    expect(pane.view.status).toMatch(/^没有可写入专报的内容。有 \d+ 个错误/);
  });
});

describe("校验数据", () => {
  test("lists the issues grouped by sheet in workbook order, with severity, place, message and hint", async () => {
    const pane = controllerOver(new MemoryWorkbook(badSampleGrids()));
    await pane.check();
    const issues = pane.view.issues!;
    expect(issues.groups.map((group) => group.sheet)).toEqual([
      "专报设置",
      "产业发展",
      "城乡融合",
      "乡村振兴",
      "区域协同",
    ]);
    expect(issues.counts).toEqual({ error: 4, warning: 1, info: 0 });
    const byPlace = issues.groups.flatMap((group) =>
      group.entries.map((entry) => `${group.sheet}!${entry.place} ${entry.severityLabel}`),
    );
    expect(byPlace).toEqual([
      "专报设置!B5 警告",
      "产业发展!C2 错误",
      "城乡融合!C2 错误",
      "乡村振兴!H2 错误",
      "区域协同!A3 错误",
    ]);
    const textCell = issues.groups[1]!.entries[0]!;
    expect(textCell.message).toBe("本期值应为数字，实际为“六十五亿”");
    expect(textCell.hint).not.toBe("");
    expect(issues.groups[2]!.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(issues.groups[4]!.entries[0]!.message).toContain(markupPayload);
    expect(pane.view.status).toBe("校验完成：发现 4 个错误、1 个警告、0 个提示。");
  });

  test("labels severities in Chinese", async () => {
    const pane = controllerOver(new MemoryWorkbook(badSampleGrids()));
    await pane.check();
    for (const entry of pane.view.issues!.groups.flatMap((group) => group.entries)) {
      expect(entry.severityLabel).toBe(severityLabel[entry.severity]);
    }
  });

  test("names a missing sheet as the whole sheet and notes the missing 专报设置 instead of a period", async () => {
    const pane = controllerOver(new MemoryWorkbook(sampleGrids().filter((grid) => grid.name !== "专报设置")));
    await pane.check();
    const settings = pane.view.issues!.groups[0]!;
    expect(settings.sheet).toBe("专报设置");
    expect(settings.entries[0]!.place).toBe("整个工作表");
    expect(pane.view.period).toBeNull();
    expect(pane.view.periodNote).toBe("工作簿中还没有“专报设置”工作表，请先点击“创建模板”。");
  });
});

describe("校验数据 after 生成专报", () => {
  test("drops the earlier preview, which may no longer match the figures", async () => {
    const pane = controllerOver(previewWorkbook("sample"));
    await pane.generate();
    expect(pane.view.bulletin).not.toBeNull();
    await pane.check();
    expect(pane.view.bulletin).toBeNull();
    expect(pane.view.bulletinText).toBeNull();
  });
});

describe("clicking an issue", () => {
  test("selects its cell in the workbook and marks it as the current one", async () => {
    const workbook = new MemoryWorkbook(badSampleGrids());
    const pane = controllerOver(workbook);
    await pane.check();
    const entry = pane.view.issues!.groups[3]!.entries[0]!;
    await pane.selectIssue(entry.key);
    expect(workbook.selection).toEqual({ sheet: "乡村振兴", cell: "H2" });
    expect(pane.view.selectedIssue).toBe(entry.key);
    expect(pane.view.status).toBe("已定位到“乡村振兴”H2。");
  });

  test("on a sheet the workbook lacks fails with a sentence, not an exception", async () => {
    const workbook = new MemoryWorkbook(sampleGrids().filter((grid) => grid.name !== "双碳管控"));
    const pane = controllerOver(workbook);
    await pane.check();
    const entry = pane.view.issues!.groups.find((group) => group.sheet === "双碳管控")!.entries[0]!;
    await expect(pane.selectIssue(entry.key)).resolves.toBeUndefined();
    expect(pane.view.failure).toMatch(/^操作未完成：未能定位到“双碳管控”。/);
  });

  test("whose cell Excel cannot select shows Excel's sentence", async () => {
    const message = "无法定位：找不到相应的工作表或单元格，可能已被重命名或删除";
    const workbook = new MemoryWorkbook(badSampleGrids());
    const host: WorkbookHost = {
      label: "Excel",
      readWorkbook: () => workbook.readWorkbook(),
      createTemplate: (options) => workbook.createTemplate(options),
      selectCell: () => Promise.reject(new ExcelHostError(message, "ItemNotFound")),
      applyEdits: (edits) => workbook.applyEdits(edits),
      startNextPeriod: (plan) => workbook.startNextPeriod(plan),
    };
    const pane = controllerOver(host);
    await pane.check();
    await pane.selectIssue(pane.view.issues!.groups[1]!.entries[0]!.key);
    expect(pane.view.failure).toBe(message);
    expect(pane.view.selectedIssue).toBeNull();
  });
});

describe("failures", () => {
  test("an unexpected exception becomes a generic Chinese sentence and is logged", async () => {
    const log = jest.fn<FailureLog>();
    const error = new TypeError("Cannot read properties of undefined (reading 'values')");
    const pane = controllerOver(failingHost(error), log);
    await pane.check();
    expect(pane.view.failure).toBe(
      "操作未完成：未能校验数据。请重试；如果问题仍然存在，请关闭任务窗格后重新打开，或联系技术支持。",
    );
    expect(hasLatinWords(pane.view.failure!)).toBe(false);
    expect(log).toHaveBeenCalledWith("校验数据", error);
    expect(pane.view.busy).toBeNull();
  });

  test("a non-Error rejection is worded the same way", async () => {
    const pane = controllerOver(failingHost("boom"));
    await pane.createTemplate(false);
    expect(pane.view.failure).toMatch(/^操作未完成：未能创建模板。/);
  });

  test("an Excel failure already put in words is shown as it is", async () => {
    const message = "工作簿受保护或为只读，无法创建模板。请在“审阅”选项卡中撤销工作簿和工作表保护后重试";
    const pane = controllerOver(failingHost(new ExcelHostError(message, "AccessDenied")));
    await pane.createTemplate(true);
    expect(pane.view.failure).toBe(message);
  });

  test("the next action clears the last failure", async () => {
    let fail = true;
    const workbook = new MemoryWorkbook(sampleGrids());
    const host: WorkbookHost = {
      label: "预览模式",
      readWorkbook: () => (fail ? Promise.reject(new Error("x")) : workbook.readWorkbook()),
      createTemplate: (options) => workbook.createTemplate(options),
      selectCell: (sheet, cell) => workbook.selectCell(sheet, cell),
      applyEdits: (edits) => workbook.applyEdits(edits),
      startNextPeriod: (plan) => workbook.startNextPeriod(plan),
    };
    const pane = controllerOver(host);
    await pane.generate();
    expect(pane.view.failure).not.toBeNull();
    fail = false;
    await pane.generate();
    expect(pane.view.failure).toBeNull();
    expect(pane.view.bulletin).not.toBeNull();
  });

  test("a failed copy tells how to copy by hand", () => {
    const pane = controllerOver(new MemoryWorkbook());
    pane.reportCopy("failed");
    expect(pane.view.failure).toBe("未能自动复制。已选中预览中的专报全文，请按 Ctrl+C 复制，再粘贴到 Word 或 WPS。");
    pane.reportCopy("copy-command");
    expect(pane.view.failure).toBeNull();
    expect(pane.view.status).toBe("已复制，可直接粘贴到 Word 或 WPS");
  });
});

describe("busy state", () => {
  test("is on while an action runs, ignores a second action meanwhile, and is off after", async () => {
    const host = new GatedHost(sampleGrids());
    const pane = controllerOver(host);
    const seen: (string | null)[] = [];
    pane.subscribe((model: PaneViewModel) => seen.push(model.busy));
    const checking = pane.check();
    expect(pane.view.busy).toBe("正在校验数据…");
    await pane.generate();
    expect(host.reads).toBe(1);
    expect(pane.view.busy).toBe("正在校验数据…");
    host.finishRead();
    await checking;
    expect(pane.view.busy).toBeNull();
    expect(pane.view.issues).not.toBeNull();
    expect(seen).toEqual(["正在校验数据…", null]);
  });

  test("is off after a failure too", async () => {
    const pane = controllerOver(failingHost(new Error("x")));
    const seen: (string | null)[] = [];
    pane.subscribe((model) => seen.push(model.busy));
    await pane.generate();
    expect(seen).toEqual(["正在生成专报…", null]);
  });
});

describe("always ends not busy, with results or a sentence", () => {
  test("when drawing the results fails, they are dropped and a sentence shown", async () => {
    const log = jest.fn<FailureLog>();
    const pane = controllerOver(new MemoryWorkbook(sampleGrids()), log);
    const seen: (string | null)[] = [];
    const overflow = new RangeError("Maximum call stack size exceeded");
    pane.subscribe((model) => {
      seen.push(model.busy);
      if (model.issues !== null) throw overflow;
    });
    await pane.check();
    expect(pane.view.busy).toBeNull();
    expect(pane.view.issues).toBeNull();
    expect(pane.view.failure).toMatch(/^操作未完成：未能校验数据。/);
    expect(log).toHaveBeenCalledWith("校验数据", overflow);
    expect(seen).toEqual(["正在校验数据…", null, null]);
  });

  // 200,000 entries each with an issue: spreading them into one push overflowed the stack and left
  // the pane busy for ever.
  test("200,000 rows in 文字材料 are checked and generated", async () => {
    const grids = sampleGrids();
    const narrative = grids.find((grid) => grid.name === "文字材料")!;
    const [header, entry] = narrative.values;
    const rows = 200_000;
    const values = [header!];
    for (let i = 0; i < rows; i += 1) values.push([entry![0], `标题${i}`, "", "是"]);
    const big = grids.map((grid) => (grid === narrative ? { ...grid, values } : grid));
    const pane = controllerOver(new MemoryWorkbook(big));
    await pane.check();
    expect(pane.view.failure).toBeNull();
    expect(pane.view.busy).toBeNull();
    expect(pane.view.issues!.counts.info).toBeGreaterThanOrEqual(rows); // 正文为空, once per row
    await pane.generate();
    expect(pane.view.failure).toBeNull();
    expect(pane.view.bulletin).not.toBeNull();
  }, 30_000);
});

describe("a workbook too large for the host ends with a sentence", () => {
  afterEach(() => FakeExcel.uninstall());

  /** Runs 校验数据 and returns the busy states seen and the failure shown. */
  async function checkOver(host: WorkbookHost): Promise<{ seen: (string | null)[]; failure: string | null }> {
    const pane = controllerOver(host);
    const seen: (string | null)[] = [];
    pane.subscribe((model) => seen.push(model.busy));
    await pane.check();
    return { seen, failure: pane.view.failure };
  }

  test("Excel's payload-size error becomes Excel's sentence", async () => {
    const fake = new FakeExcel(sampleGrids(), { excelApi: "1.4" });
    fake.install();
    fake.failNextSyncWith("ResponsePayloadSizeLimitExceeded");
    expect(await checkOver(new ExcelWorkbookHost())).toEqual({
      seen: ["正在校验数据…", null],
      failure:
        "工作表数据过多，超过 Excel 一次能传给加载项的上限（网页版 Excel 约 5 MB），无法读取工作簿。" +
        "请删除表格下方和右侧多余的行列（如整列填充到表底的内容），保存后重试",
    });
  });

  test("a sheet beyond the row limit in Excel or WPS gets core's sentence", async () => {
    const values: unknown[][] = Array.from({ length: 200_001 }, () => []);
    values[0] = ["指标名称"];
    values[200_000] = ["多余"];
    new FakeExcel([{ name: "产业发展", values }], { excelApi: "1.1" }).install();
    const sentence = sheetSizeProblem("产业发展", 200_001, 1);
    expect(await checkOver(new ExcelWorkbookHost())).toEqual({ seen: ["正在校验数据…", null], failure: sentence });

    const et = new FakeEt([{ name: "产业发展", values: [["指标名称"]] }]);
    et.type("产业发展", "A200001", [["多余"]]);
    const wps = new WpsWorkbookHost(et.application as EtApplication, { customFunctions: false });
    expect(await checkOver(wps)).toEqual({ seen: ["正在校验数据…", null], failure: sentence });
  }, 30_000);

  test("a host that throws instead of rejecting still ends with a sentence", async () => {
    const host: WorkbookHost = {
      ...failingHost(null),
      readWorkbook: () => {
        throw new RangeError("Invalid array length");
      },
    };
    const { seen, failure } = await checkOver(host);
    expect(seen).toEqual(["正在校验数据…", null]);
    expect(failure).toMatch(/^操作未完成：未能校验数据。/);
  });
});

describe("创建模板", () => {
  test("on an empty workbook reports the sheets created and then shows the period", async () => {
    const pane = controllerOver(previewWorkbook("blank"));
    await pane.refresh();
    expect(pane.view.period).toBeNull();
    expect(pane.view.periodNote).toContain("请先点击“创建模板”");
    await pane.run("create", { sample: false });
    const [created, ...rest] = pane.view.templateReport!;
    expect(created).toBe(
      "新建了 11 个工作表：“专报设置”、“产业发展”、“城乡融合”、“乡村振兴”、“区域协同”、“文体惠民”、“民生实事”、“双碳管控”、“民生实事明细”、“文字材料”、“历史数据”。",
    );
    expect(rest).toEqual(["已有的单元格均未改动。"]);
    expect(pane.view.period).toEqual({ title: "汨罗市实施“开局八好”工作专报", issue: "", period: "", issueDate: "" });
    expect(pane.view.status).toBe("模板已创建。");
  });

  test("drops the results of earlier checks, which describe the workbook before it", async () => {
    const pane = controllerOver(previewWorkbook("bad"));
    await pane.generate();
    await pane.createTemplate(false);
    expect(pane.view.issues).toBeNull();
    expect(pane.view.bulletin).toBeNull();
    expect(pane.view.templateReport).toEqual([
      "在“区域协同”中补充了 2 行指标：“赴长株潭招商对接”、“达成合作意向”。",
      "已有的单元格均未改动。",
    ]);
    await pane.check();
    expect(pane.view.templateReport).toBeNull();
  });

  test("twice says nothing was changed the second time", async () => {
    const pane = controllerOver(previewWorkbook("sample"));
    await pane.run("create", { sample: true });
    expect(pane.view.templateReport).toEqual(["工作簿已包含模板的全部工作表、列和指标，未做任何更改。"]);
  });

  test("reports added rows, columns, settings and skipped features in sentences", () => {
    const lines = templateReportLines({
      createdSheets: [],
      addedRows: [{ sheet: "产业发展", names: ["新增招商引资项目", "招商引资项目总投资"] }],
      addedColumns: [{ sheet: "城乡融合", headers: ["牵头单位"] }],
      addedSettings: ["抄送"],
      skippedFeatures: ["此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8），“纳入专报”列未设置下拉列表"],
    });
    expect(lines).toEqual([
      "在“产业发展”中补充了 2 行指标：“新增招商引资项目”、“招商引资项目总投资”。",
      "在“城乡融合”中补充了 1 列：“牵头单位”。",
      "在“专报设置”中补充了设置项：“抄送”。",
      "已有的单元格均未改动。",
      "未能应用：此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8），“纳入专报”列未设置下拉列表。",
    ]);
  });
});

describe("switching to Excel after the preview started", () => {
  test("takes the new host's label, clears the preview's results and reads the new workbook", async () => {
    const pane = controllerOver(previewWorkbook("sample"));
    await pane.generate();
    await pane.useHost(Object.assign(previewWorkbook("blank"), { label: "Excel" }));
    expect(pane.view.hostLabel).toBe("Excel");
    expect(pane.view.bulletin).toBeNull();
    expect(pane.view.issues).toBeNull();
    expect(pane.view.period).toBeNull();
  });
});

describe("the page address", () => {
  test("?action= names one of the three actions; ?sample= picks the preview workbook", () => {
    expect(readPaneQuery("?action=check")).toEqual({ action: "check", sample: "sample" });
    expect(readPaneQuery("?action=delete&sample=bad")).toEqual({ action: null, sample: "bad" });
    expect(readPaneQuery("")).toEqual({ action: null, sample: "sample" });
    expect(readPaneQuery("?sample=blank").sample).toBe("blank");
  });

  test("drops ?action after running it and keeps the rest", () => {
    expect(withoutAction("https://localhost:3000/taskpane.html?action=generate&sample=bad")).toBe(
      "https://localhost:3000/taskpane.html?sample=bad",
    );
    expect(withoutAction("https://oa.example.cn/zb/taskpane.html?sample=bad&action=check#top")).toBe(
      "https://oa.example.cn/zb/taskpane.html?sample=bad#top",
    );
    expect(withoutAction("https://localhost:3000/taskpane.html?action=check")).toBe(
      "https://localhost:3000/taskpane.html",
    );
    expect(withoutAction("https://localhost:3000/taskpane.html")).toBe("https://localhost:3000/taskpane.html");
  });

  test("reads encoded parameters as the URL standard does", () => {
    for (const search of ["?sample=%62ad", "?a=1&action=%63heck", "?action", "?=x&sample=blank", "?action=check+"]) {
      const standard = new URLSearchParams(search);
      const query = readPaneQuery(search);
      expect({ search, action: query.action }).toEqual({
        search,
        action: ["create", "check", "generate"].includes(standard.get("action") ?? "") ? standard.get("action") : null,
      });
      expect(query.sample).toBe(
        ["bad", "blank"].includes(standard.get("sample") ?? "") ? standard.get("sample") : "sample",
      );
    }
  });

  test("?sample=bad holds the markup payload as plain cell text", async () => {
    const grids = await previewWorkbook("bad").readWorkbook();
    const names = grids.find((grid) => grid.name === "区域协同")!.values.map((row) => row[0]);
    expect(names.filter((name) => name === markupPayload)).toHaveLength(2);
  });
});

describe("waiting for Office", () => {
  const office = (answer: Promise<{ host: unknown }>): OfficeLike => ({ onReady: () => answer });

  test("without office.js runs the preview", async () => {
    await expect(waitForOffice(undefined, () => undefined)).resolves.toBe("preview");
  });

  test("in Excel runs on the workbook; outside Office (host null) runs the preview", async () => {
    await expect(waitForOffice(office(Promise.resolve({ host: "Excel" })), () => undefined)).resolves.toBe("excel");
    await expect(waitForOffice(office(Promise.resolve({ host: null })), () => undefined)).resolves.toBe("preview");
  });

  test("when office.js throws or rejects runs the preview", async () => {
    const throwing: OfficeLike = {
      onReady: () => {
        throw new Error("broken");
      },
    };
    await expect(waitForOffice(throwing, () => undefined)).resolves.toBe("preview");
    await expect(waitForOffice(office(Promise.reject(new Error("x"))), () => undefined)).resolves.toBe("preview");
  });

  test("when Office never answers starts the preview after the wait, and switches if Excel answers late", async () => {
    jest.useFakeTimers();
    try {
      let ready: (info: { host: unknown }) => void = () => undefined;
      const late = jest.fn();
      const mode = waitForOffice(office(new Promise((resolve) => (ready = resolve))), late, 5000);
      jest.advanceTimersByTime(5000);
      await expect(mode).resolves.toBe("preview");
      ready({ host: "Excel" });
      await Promise.resolve();
      await Promise.resolve();
      expect(late).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("开始下一期", () => {
  test("first shows what it will archive, change and clear, writing nothing; 确定 applies it", async () => {
    const workbook = new MemoryWorkbook(sampleGrids(), kaijuBahao, planning);
    const before = await workbook.readWorkbook();
    const pane = controllerOver(workbook);
    await pane.run("next");
    expect(pane.view.busy).toBeNull();
    expect(pane.view.failure).toBeNull();
    expect(pane.view.nextPeriod?.title).toBe("第2期 → 第3期（2026年5月）");
    expect(pane.view.nextPeriod?.lines).toContain(
      "专报设置：期号 2 → 3；统计月份 4 → 5；累计截止月份 3 → 4；清空印发日期。",
    );
    expect(pane.view.nextPeriod?.replacing).toBe(false);
    expect(pane.view.status).toBe("请核对下列改动，确认后点击“确定开始下一期”。");
    expect(await workbook.readWorkbook()).toEqual(before);

    await pane.confirmNextPeriod();
    expect(pane.view.busy).toBeNull();
    expect(pane.view.nextPeriod).toBeNull();
    expect(pane.view.period?.issue).toBe("第3期");
    expect(pane.view.status).toBe("已开始第3期（2026年5月）：第2期的数据已写入“历史数据”，请填报本期数据。");
    expect(await workbook.readWorkbook()).not.toEqual(before);
  });

  test("取消 drops it and the workbook stays as it was", async () => {
    const workbook = new MemoryWorkbook(sampleGrids(), kaijuBahao, planning);
    const before = await workbook.readWorkbook();
    const pane = controllerOver(workbook);
    await pane.run("next");
    pane.cancelNextPeriod();
    expect(pane.view.nextPeriod).toBeNull();
    expect(pane.view.status).toBe("已取消开始下一期，工作簿未改动。");
    await pane.confirmNextPeriod();
    expect(await workbook.readWorkbook()).toEqual(before);
  });

  test("refuses while the workbook has errors: the errors are listed and select their cells", async () => {
    const workbook = new MemoryWorkbook(badSampleGrids(), kaijuBahao, planning);
    const before = await workbook.readWorkbook();
    const pane = controllerOver(workbook);
    await pane.run("next");
    expect(pane.view.nextPeriod).toBeNull();
    expect(pane.view.failure).toMatch(/^无法开始下一期：工作簿中有 \d+ 个错误，改正后才能开始下一期：工作簿未改动。$/);
    const entries = pane.view.issues!.groups.flatMap((group) => group.entries);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.severity === "error")).toBe(true);
    await pane.selectIssue(entries[0]!.key);
    expect(workbook.selection).toEqual({ sheet: entries[0]!.issue.sheet, cell: entries[0]!.issue.cell });
    expect(await workbook.readWorkbook()).toEqual(before);
  });

  test("a workbook changed after it was shown is checked again instead of written", async () => {
    const workbook = new MemoryWorkbook(sampleGrids(), kaijuBahao, planning);
    const pane = controllerOver(workbook);
    await pane.run("next");
    await workbook.applyEdits([{ sheet: "专报设置", cell: "B3", value: 8 }]);
    const changed = await workbook.readWorkbook();
    await pane.confirmNextPeriod();
    expect(await workbook.readWorkbook()).toEqual(changed);
    expect(pane.view.nextPeriod?.title).toBe("第8期 → 第9期（2026年5月）");
    expect(pane.view.status).toBe("工作簿在确认前有改动，已重新核对。请核对下列改动，确认后点击“确定开始下一期”。");
  });

  test("a host that fails on 确定 ends not busy with a sentence", async () => {
    const workbook = new MemoryWorkbook(sampleGrids(), kaijuBahao, planning);
    const message = "工作簿受保护或为只读，无法开始下一期。";
    const host: WorkbookHost = {
      label: "Excel",
      readWorkbook: () => workbook.readWorkbook(),
      createTemplate: (options) => workbook.createTemplate(options),
      selectCell: (sheet, cell) => workbook.selectCell(sheet, cell),
      applyEdits: (edits) => workbook.applyEdits(edits),
      startNextPeriod: () => Promise.reject(new ExcelHostError(message, "AccessDenied")),
    };
    const pane = controllerOver(host);
    await pane.run("next");
    await pane.confirmNextPeriod();
    expect(pane.view.busy).toBeNull();
    expect(pane.view.failure).toBe(message);
  });

  test("the ribbon's ?action=next opens the confirmation", () => {
    expect(readPaneQuery("?action=next").action).toBe("next");
  });
});
