/** ExcelWorkbookHost.applyEdits (应用合并) against the strict Office.js fake, and MemoryWorkbook's. */
import { afterEach, describe, expect, test } from "@jest/globals";
import { type CellEdit, kaijuBahao, workbookGrids } from "../src/core";
import { MemoryWorkbook } from "../src/core/workbook/memory-workbook";
import { ExcelWorkbookHost } from "../src/excel/excel-host";
import { ExcelHostError } from "../src/excel/office-errors";
import { FakeExcel } from "./support/fake-excel";

afterEach(() => FakeExcel.uninstall());

function installedSample(): FakeExcel {
  const fake = new FakeExcel(workbookGrids(kaijuBahao, { sample: true, formulas: "plain" }));
  fake.install();
  return fake;
}

const edits: CellEdit[] = [
  { sheet: "城乡融合", cell: "C2", value: 470 },
  { sheet: "城乡融合", cell: "L2", value: "=1+1 按报送口径" },
  { sheet: "产业发展", cell: "A40", value: "2026-03" },
  { sheet: "产业发展", cell: "C40", value: 12.5 },
];

describe("ExcelWorkbookHost.applyEdits", () => {
  test("writes every edit in one sync and touches no other cell", async () => {
    const fake = installedSample();
    const before = fake.snapshot();
    await new ExcelWorkbookHost().applyEdits(edits);

    expect(fake.syncCount).toBe(1);
    expect(fake.runCount).toBe(1);
    expect(fake.cell("城乡融合", "C2")).toMatchObject({ value: 470, formula: null });
    expect(fake.cell("产业发展", "C40")).toMatchObject({ value: 12.5, formula: null });
    // Text stays text: neither a formula nor a date.
    expect(fake.cell("城乡融合", "L2")).toMatchObject({ value: "=1+1 按报送口径", formula: null });
    expect(fake.cell("产业发展", "A40")).toMatchObject({ value: "2026-03", formula: null });

    const after = fake.snapshot();
    const written = new Set(edits.map((edit) => `${edit.sheet}!${edit.cell}`));
    for (const [address, cell] of before) {
      if (!written.has(address)) expect({ address, cell: after.get(address) }).toEqual({ address, cell });
    }
    // The only cells that appeared are written ones.
    const appeared = [...after.keys()].filter((address) => !before.has(address));
    expect(appeared.sort()).toEqual([...written].filter((address) => !before.has(address)).sort());
    expect(appeared).toContain("产业发展!A40");
    expect(fake.activeSheet).toBe("专报设置");
  });

  test("writes nothing and does not call Excel for no edits", async () => {
    const fake = installedSample();
    await new ExcelWorkbookHost().applyEdits([]);
    expect(fake.runCount).toBe(0);
    expect(fake.syncCount).toBe(0);
  });

  test("a protected sheet fails with Excel's reason in Chinese", async () => {
    const fake = installedSample();
    fake.failNextSyncWith("AccessDenied");
    const failure = new ExcelWorkbookHost().applyEdits(edits);
    await expect(failure).rejects.toBeInstanceOf(ExcelHostError);
    await expect(failure).rejects.toThrow("工作簿受保护或为只读，无法写入合并结果");
    expect(fake.cell("城乡融合", "C2").value).not.toBe(470);
  });

  test("a sheet renamed since the import is named in the failure", async () => {
    installedSample();
    await expect(new ExcelWorkbookHost().applyEdits([{ sheet: "已改名", cell: "C2", value: 1 }])).rejects.toThrow(
      "无法写入合并结果：找不到相应的工作表或单元格",
    );
  });
});

describe("MemoryWorkbook.applyEdits", () => {
  test("overwrites and grows the sheet; a bad edit leaves everything as it was", async () => {
    const workbook = new MemoryWorkbook([
      {
        name: "城乡融合",
        values: [
          ["指标名称", "单位", "本期值"],
          ["甲", "人", 1],
        ],
      },
    ]);
    await workbook.applyEdits([
      { sheet: "城乡融合", cell: "C2", value: 2 },
      { sheet: "城乡融合", cell: "D4", value: "新" },
    ]);
    const [grid] = await workbook.readWorkbook();
    expect(grid!.values).toEqual([["指标名称", "单位", "本期值"], ["甲", "人", 2], [], [null, null, null, "新"]]);

    await expect(
      workbook.applyEdits([
        { sheet: "城乡融合", cell: "A1", value: "改" },
        { sheet: "没有", cell: "A1", value: 1 },
      ]),
    ).rejects.toThrow("找不到工作表“没有”");
    expect((await workbook.readWorkbook())[0]!.values[0]![0]).toBe("指标名称");
  });
});
