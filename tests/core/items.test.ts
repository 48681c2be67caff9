import { describe, expect, test } from "@jest/globals";
import { analyzeWorkbook, itemColumns, itemsSheetName, type SheetGrid } from "../../src/core";
import { sampleGrids } from "../support/sample";

const header = Object.values(itemColumns);

/** A list of `onSchedule` items at 30% done and `behind` items at 10%, against 序时进度 25% (累计截止3月). */
function itemList(level: string, onSchedule: number, behind: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < onSchedule; i += 1) rows.push([`${level}实事${i + 1}`, level, 100, 30, "", "", "", "", ""]);
  for (let i = 0; i < behind; i += 1) rows.push([`${level}滞后实事${i + 1}`, level, 100, 10, "", "", "", "", ""]);
  return rows;
}

function withItems(rows: unknown[][], edits: (grids: SheetGrid[]) => void = () => {}): SheetGrid[] {
  const grids = sampleGrids().map((grid) =>
    grid.name === itemsSheetName ? { ...grid, values: [header, ...rows] } : grid,
  );
  edits(grids);
  return grids;
}

/** Clears 民生实事 C2:C7, the typed counts, so that they come from the list. */
function clearTypedCounts(grids: SheetGrid[]): void {
  const sheet = grids.find((grid) => grid.name === "民生实事")!;
  for (let r = 1; r <= 6; r += 1) (sheet.values[r] as unknown[])[2] = "";
}

const paragraph = (grids: SheetGrid[]) => analyzeWorkbook(grids).sections.find((s) => s.category === "民生实事")!.text;

describe("民生实事明细", () => {
  test("the counts come from the item list when not typed", () => {
    const grids = withItems([...itemList("省级", 25, 5), ...itemList("岳阳市级", 9, 4)], clearTypedCounts);
    expect(paragraph(grids)).toContain(
      "省级重点民生实事30项，25项达到或超时序进度，5项滞后；岳阳市级重点民生实事13项，9项达到或超时序进度，4项滞后。",
    );
  });

  test("typed counts that disagree with the list are flagged at the typed cell", () => {
    const analysis = analyzeWorkbook(withItems([...itemList("省级", 24, 6), ...itemList("市级", 9, 4)]));
    expect(analysis.issues.filter((issue) => issue.code === "item-count-mismatch")).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "民生实事",
        cell: "C3",
        message: "填写的省级达到或超时序进度数25与“民生实事明细”统计的24不符",
      }),
      expect.objectContaining({
        severity: "warning",
        sheet: "民生实事",
        cell: "C4",
        message: "填写的省级滞后数5与“民生实事明细”统计的6不符",
      }),
    ]);
  });

  test("达到 + 滞后 ≠ 总数 is flagged, with or without a list", () => {
    const grids = sampleGrids();
    (grids.find((grid) => grid.name === "民生实事")!.values[2] as unknown[])[2] = 26;
    expect(analyzeWorkbook(grids).issues).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        cell: "C2",
        code: "item-count-sum",
        message: "省级重点民生实事：达到或超时序进度26项 + 滞后5项 ≠ 总数30项",
      }),
    );
  });

  test("an item's status follows 累计完成 ÷ 年度目标 against 序时进度, and a typed status that disagrees is flagged", () => {
    const rows = [["乡村医生培训", "省级", 40, 9, "", "", "达到或超时序进度", "", ""]];
    const analysis = analyzeWorkbook(withItems(rows));
    expect(analysis.issues).toContainEqual(
      expect.objectContaining({
        sheet: itemsSheetName,
        cell: "G2",
        code: "item-status-mismatch",
        message: "“乡村医生培训”填写的状态“达到或超时序进度”与计算结果“滞后”不符",
      }),
    );
  });

  test("bad item rows are named by cell", () => {
    const rows = [
      ["爱心驿站", "县级", 10, 5, "", "", "", "", ""],
      ["向阳花行动", "市级", "十", 5, "", "", "", "", ""],
      ["以旧换新", "市级", 0, 5, "", "", "", "", ""],
    ];
    const issues = analyzeWorkbook(withItems(rows)).issues.filter((issue) => issue.sheet === itemsSheetName);
    expect(issues.map(({ severity, cell, code }) => ({ severity, cell, code }))).toEqual([
      { severity: "error", cell: "B2", code: "item-level-invalid" },
      { severity: "error", cell: "C3", code: "not-a-number" },
      { severity: "warning", cell: "C3", code: "item-progress-unknown" },
      { severity: "warning", cell: "C4", code: "item-progress-unknown" },
    ]);
  });

  test("an empty list leaves the typed counts alone", () => {
    expect(analyzeWorkbook(withItems([])).issues.filter((issue) => issue.code.startsWith("item-"))).toEqual([]);
  });
});
