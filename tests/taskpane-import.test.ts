/**
 * The pane's 导入报送表 → 应用合并 flow and 下载 Word 文档, over an in-memory workbook. Returns are
 * built from core's unit forms instead of real files; nothing may be written before 应用合并.
 */
import { describe, expect, jest, test } from "@jest/globals";
import { type CellEdit, kaijuBahao, type SheetGrid, unitFormGrids, workbookGrids } from "../src/core";
import type { BulletinDocument } from "../src/core/bulletin/bulletin-document";
import { MemoryWorkbook } from "../src/core/workbook/memory-workbook";
import {
  PaneController,
  type FailureLog,
  type UnitFormSaver,
  type WordDocumentSaver,
} from "../src/taskpane/pane-controller";
import { notAWorkbook, type ReturnFile } from "../src/taskpane/return-files";
import { sampleGrids, setCell } from "./support/sample";
import { paneChunks } from "./support/pane-chunks";

const quietLog: FailureLog = () => undefined;

/** A MemoryWorkbook that records every applyEdits call. */
class RecordingWorkbook extends MemoryWorkbook {
  readonly writes: CellEdit[][] = [];

  override async applyEdits(edits: readonly CellEdit[]): Promise<void> {
    this.writes.push([...edits]);
    await super.applyEdits(edits);
  }
}

function masterGrids(): SheetGrid[] {
  return setCell(workbookGrids(kaijuBahao, { sample: false, formulas: "plain" }), "城乡融合", "C2", 462);
}

/** A member unit's form for `categories`, its 报送单位 written, with `cells` filled. */
function unitReturn(fileName: string, unit: string | null, cells: [string, string, unknown][]): ReturnFile {
  const form = unitFormGrids(kaijuBahao, ["城乡融合"]);
  if (!form.ok) throw new Error("unknown category");
  const grids = form.grids.map((grid) => ({ ...grid, values: grid.values.map((row) => [...row]) }));
  if (unit) setCell(grids, "填报说明", "B2", unit);
  for (const [sheet, address, value] of cells) setCell(grids, sheet, address, value);
  return { fileName, grids };
}

const goodReturn = () =>
  unitReturn("人社局3月.xlsx", "市人社局", [
    ["城乡融合", "C2", 470],
    ["城乡融合", "D2", 500],
    ["城乡融合", "A6", "城镇登记失业人员再就业"],
    ["城乡融合", "B6", "人"],
    ["城乡融合", "C6", 120],
  ]);
const badReturn = () => unitReturn("住建局.xlsx", null, [["城乡融合", "C3", "一百八十六"]]);
const unreadable: ReturnFile = { fileName: "旧表.xls", unreadable: notAWorkbook };

async function importedPane(files: ReturnFile[], grids: SheetGrid[] = masterGrids()) {
  const workbook = new RecordingWorkbook(grids);
  const pane = new PaneController(workbook, quietLog, paneChunks);
  await pane.importReturns(async () => files);
  return { workbook, pane };
}

function cellOf(grids: readonly SheetGrid[], sheet: string, row: number, column: number): unknown {
  return grids.find((grid) => grid.name === sheet)!.values[row]?.[column];
}

describe("导入报送表", () => {
  test("lists the summary, each conflict with both values, new rows and rejected files, and writes nothing", async () => {
    const before = await new MemoryWorkbook(masterGrids()).readWorkbook();
    const { workbook, pane } = await importedPane([goodReturn(), badReturn(), unreadable]);

    expect(workbook.writes).toEqual([]);
    expect(await workbook.readWorkbook()).toEqual(before);
    const merge = pane.view.merge!;
    expect(merge.merged).toEqual(["市人社局"]);
    expect(merge.sheets).toEqual([{ sheet: "城乡融合", filled: 1, conflicts: 1, takenFromUnits: 0, newRows: 1 }]);
    expect(merge.conflicts).toEqual([
      expect.objectContaining({
        sheet: "城乡融合",
        cell: "C2",
        name: "城镇新增就业",
        header: "本期值",
        unit: "市人社局",
        masterText: "462",
        unitText: "470",
        chosen: "master",
      }),
    ]);
    expect(merge.newRows).toEqual([
      { sheet: "城乡融合", name: "城镇登记失业人员再就业", unit: "市人社局", addable: true },
    ]);
    expect(merge.addRows).toBe(false);
    // Only D2 (empty in the master) would be written by default.
    expect(merge.editCount).toBe(1);
    // The file name stands in for a unit that did not fill 报送单位.
    expect(merge.rejected).toEqual([
      { unit: "旧表.xls", reason: notAWorkbook, issues: [] },
      { unit: "住建局", reason: "有 1 处错误，整份未合并", issues: [expect.stringMatching(/^错误 城乡融合!C3 /)] },
    ]);
    expect(pane.view.status).toBe(
      "已读取报送表：可合并 1 份，未通过 2 份，冲突 1 处，新增指标 1 个。核对后点击“应用合并”写入工作簿。",
    );
  });

  test("应用合并 with the defaults fills empty cells and keeps the master's value in a conflict", async () => {
    const { workbook, pane } = await importedPane([goodReturn()]);
    await pane.applyMerge();

    expect(workbook.writes).toEqual([[{ sheet: "城乡融合", cell: "D2", value: 500 }]]);
    const after = await workbook.readWorkbook();
    expect(cellOf(after, "城乡融合", 1, 2)).toBe(462);
    expect(cellOf(after, "城乡融合", 1, 3)).toBe(500);
    expect(pane.view.merge).toBeNull();
    expect(pane.view.mergeReport).toEqual([
      "已写入 1 个单元格。",
      "已合并：市人社局",
      "城乡融合：填入 1 个空单元格；冲突 1 处（采用报送值 0 处）；总表没有的指标 1 行",
      "冲突 城乡融合!C2 “城镇新增就业”的本期值：总表 462，市人社局 470 → 保留总表值",
      "新指标 城乡融合 “城镇登记失业人员再就业”（市人社局）未添加",
    ]);
    expect(pane.view.status).toBe("合并完成：已写入 1 个单元格。");
  });

  test("the person's choices decide: the unit's value taken, the new indicator appended", async () => {
    const { workbook, pane } = await importedPane([goodReturn(), badReturn()]);
    const conflict = pane.view.merge!.conflicts[0]!;
    pane.chooseConflict(conflict.key, "unit");
    pane.chooseAddRows(true);
    expect(pane.view.merge!.conflicts[0]!.chosen).toBe("unit");
    expect(pane.view.merge!.editCount).toBe(5);
    expect(workbook.writes).toEqual([]);

    await pane.applyMerge();
    const after = await workbook.readWorkbook();
    expect(cellOf(after, "城乡融合", 1, 2)).toBe(470);
    expect(cellOf(after, "城乡融合", 1, 3)).toBe(500);
    expect([0, 1, 2].map((column) => cellOf(after, "城乡融合", 5, column))).toEqual([
      "城镇登记失业人员再就业",
      "人",
      120,
    ]);
    // The rejected return contributed nothing: its C3 stays empty in the master.
    expect(cellOf(after, "城乡融合", 2, 2) ?? "").toBe("");
    expect(pane.view.mergeReport).toEqual([
      "已写入 5 个单元格。",
      "已合并：市人社局",
      "城乡融合：填入 1 个空单元格；冲突 1 处（采用报送值 1 处）；总表没有的指标 1 行",
      "冲突 城乡融合!C2 “城镇新增就业”的本期值：总表 462，市人社局 470 → 采用报送值",
      "新指标 城乡融合 “城镇登记失业人员再就业”（市人社局）已添加到总表末尾",
      "未合并 住建局：有 1 处错误，整份未合并",
      expect.stringMatching(/^ {2}错误 城乡融合!C3 本期值应为数字/),
    ]);
  });

  test("a workbook changed since the import is compared again instead of written", async () => {
    const workbook = new RecordingWorkbook(masterGrids());
    const pane = new PaneController(workbook, quietLog, paneChunks);
    await pane.importReturns(async () => [goodReturn()]);
    // Someone types a different 目标值 into D2 before 应用合并: a new conflict the person has not seen.
    await workbook.applyEdits([{ sheet: "城乡融合", cell: "D2", value: 480 }]);
    workbook.writes.length = 0;

    await pane.applyMerge();
    expect(workbook.writes).toEqual([]);
    expect(pane.view.merge!.conflicts.map((c) => [c.cell, c.masterText, c.unitText])).toEqual([
      ["C2", "462", "470"],
      ["D2", "480", "500"],
    ]);
    expect(pane.view.status).toMatch(/^工作簿在导入后有改动，已重新比对/);

    await pane.applyMerge();
    expect(workbook.writes).toEqual([[]]);
    expect(pane.view.mergeReport?.slice(0, 2)).toEqual(["没有需要写入的内容，工作簿未改动。", "已合并：市人社局"]);
  });

  test("取消导入 drops the import without writing", async () => {
    const { workbook, pane } = await importedPane([goodReturn()]);
    pane.cancelMerge();
    await pane.applyMerge();
    expect(workbook.writes).toEqual([]);
    expect(pane.view.merge).toBeNull();
    expect(pane.view.status).toBe("已取消导入，工作簿未改动。");
  });

  test("two returns naming the same unit keep their own conflict choices", async () => {
    const { pane } = await importedPane([
      unitReturn("a.xlsx", "市人社局", [["城乡融合", "C2", 470]]),
      unitReturn("b.xlsx", "市人社局", [["城乡融合", "C2", 480]]),
    ]);
    expect(pane.view.merge!.conflicts.map((c) => c.unit)).toEqual(["市人社局", "市人社局（b.xlsx）"]);
    const keys = new Set(pane.view.merge!.conflicts.map((c) => c.key));
    expect(keys.size).toBe(2);
  });

  test("a failure while reading the files is a Chinese sentence, and nothing is shown to merge", async () => {
    const log = jest.fn<FailureLog>();
    const pane = new PaneController(new RecordingWorkbook(masterGrids()), log, paneChunks);
    const error = new Error("Loading chunk xlsx-reader failed");
    await pane.importReturns(() => Promise.reject(error));
    expect(pane.view.failure).toMatch(/^操作未完成：未能导入报送表。/);
    expect(pane.view.merge).toBeNull();
    expect(log).toHaveBeenCalledWith("导入报送表", error);
  });
});

describe("下载 Word 文档", () => {
  async function generatedPane(log: FailureLog = quietLog) {
    const pane = new PaneController(new MemoryWorkbook(sampleGrids()), log, paneChunks);
    await pane.generate();
    return pane;
  }

  test("saves the generated bulletin as 专报名称第N期.docx", async () => {
    const pane = await generatedPane();
    const save = jest.fn<WordDocumentSaver>(async () => "saved");
    await pane.downloadWord(save);
    expect(save).toHaveBeenCalledTimes(1);
    const [doc, fileName] = save.mock.calls[0]! as [BulletinDocument, string];
    expect(doc).toBe(pane.view.bulletin);
    expect(fileName).toBe(`${doc.masthead.title}${doc.masthead.issue}.docx`);
    expect(fileName).toMatch(/第2期\.docx$/);
    expect(pane.view.status).toBe(`已生成 Word 文档：${fileName}，请在浏览器的下载位置查看。`);
    expect(pane.view.failure).toBeNull();
  });

  test("where the host cannot save files, the pane says so and offers 复制到 Word", async () => {
    const pane = await generatedPane();
    await pane.downloadWord(async () => "unsupported");
    expect(pane.view.failure).toContain("不能从任务窗格保存文件");
    expect(pane.view.failure).toContain("复制到 Word");
  });

  test("a failed download is logged and offers 复制到 Word too", async () => {
    const log = jest.fn<FailureLog>();
    const pane = await generatedPane(log);
    const error = new TypeError("URL.createObjectURL is not a function");
    await pane.downloadWord(() => Promise.reject(error));
    expect(pane.view.failure).toMatch(/^未能保存 Word 文档。.*复制到 Word/);
    expect(log).toHaveBeenCalledWith("下载 Word 文档", error);
    expect(pane.view.busy).toBeNull();
  });

  test("does nothing before a bulletin is generated", async () => {
    const pane = new PaneController(new MemoryWorkbook(sampleGrids()), quietLog, paneChunks);
    const save = jest.fn<WordDocumentSaver>(async () => "saved");
    await pane.downloadWord(save);
    expect(save).not.toHaveBeenCalled();
  });
});

describe("下载报送表", () => {
  test("saves the form of the chosen categories under their names", async () => {
    const pane = new PaneController(new MemoryWorkbook(), quietLog, paneChunks);
    const save = jest.fn<UnitFormSaver>(async () => "saved");
    await pane.downloadUnitForm(["城乡融合", "民生实事"], save);
    expect(save).toHaveBeenCalledWith(["城乡融合", "民生实事"], "报送表（城乡融合、民生实事）.xlsx");
    expect(pane.view.status).toBe("已生成报送表：报送表（城乡融合、民生实事）.xlsx，请在浏览器的下载位置查看。");
  });

  test("asks for a category when none is ticked, and says where files cannot be saved", async () => {
    const pane = new PaneController(new MemoryWorkbook(), quietLog, paneChunks);
    const save = jest.fn<UnitFormSaver>(async () => "unsupported");
    await pane.downloadUnitForm([], save);
    expect(save).not.toHaveBeenCalled();
    expect(pane.view.failure).toBe("请至少勾选一个类别，再点击“下载报送表”。");
    await pane.downloadUnitForm(["城乡融合"], save);
    expect(pane.view.failure).toContain("不能从任务窗格保存文件");
  });
});
