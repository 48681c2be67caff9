/**
 * The workbook of the preview mode: grids held in memory, so the pane works outside Office (a browser,
 * a demo) with the same 创建模板, 检查 and 生成 as in Excel.
 */
import { cellAddress, parseAddress } from "../spec/a1";
import { kaijuBahao } from "../spec/catalog/kaiju-bahao";
import type { Catalog } from "../spec/catalog/types";
import { readCell } from "../reading/cells";
import type { SheetGrid } from "../reading/grid";
import type { CellEdit } from "./merge";
import type { NextPeriodApplied, NextPeriodPlan } from "./next-period";
import type * as NextPeriodModule from "./next-period";
import { type CellBlock, planTemplate } from "./template-plan";
import type { TemplateReport, WorkbookHost } from "./workbook-host";
import { workbookGrids } from "./workbook-template";

export interface CellSelection {
  sheet: string;
  cell: string | null;
}

function copyGrid(grid: SheetGrid): SheetGrid {
  return { ...grid, values: grid.values.map((row) => [...row]) };
}

/**
 * `grid` with `block` written into it, grown (and its origin moved) as far as the block needs. Only
 * `overwrite` may replace a cell that holds something.
 */
function withBlock(grid: SheetGrid, block: CellBlock, overwrite = false): SheetGrid {
  const originRow = Math.min(grid.originRow ?? 0, block.row);
  const originColumn = Math.min(grid.originColumn ?? 0, block.column);
  const shiftRows = (grid.originRow ?? 0) - originRow;
  const shiftColumns = (grid.originColumn ?? 0) - originColumn;
  const rows: unknown[][] = [
    ...Array.from({ length: shiftRows }, () => []),
    ...grid.values.map((row) => [...new Array<unknown>(shiftColumns).fill(null), ...row]),
  ];
  block.values.forEach((values, i) => {
    const r = block.row - originRow + i;
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    values.forEach((value, j) => {
      const c = block.column - originColumn + j;
      while (row.length <= c) row.push(null);
      // The planner promises never to overwrite; a breach must be loud, not silent data loss.
      if (!overwrite && readCell(row[c]).kind !== "empty") {
        throw new Error(
          `创建模板将覆盖“${grid.name}”${cellAddress(originRow + r, originColumn + c)}中已有的内容，已停止`,
        );
      }
      row[c] = value;
    });
  });
  return { ...grid, values: rows, originRow, originColumn };
}

/** 开始下一期's planning (next-period.ts), which the pane fetches as a chunk of its own on first use. */
export type NextPeriodPlanning = () => Promise<Pick<typeof NextPeriodModule, "recheckNextPeriod" | "gridsAfter">>;

const loadPlanning: NextPeriodPlanning = () => import(/* webpackChunkName: "next-period" */ "./next-period.js");

export class MemoryWorkbook implements WorkbookHost {
  readonly label = "预览模式";
  private grids: SheetGrid[];
  private selected: CellSelection | null = null;

  /** `planning` is for tests and the CLI's build, which hand the module over (jest runs no dynamic import). */
  constructor(
    grids: readonly SheetGrid[] = [],
    private readonly catalog: Catalog = kaijuBahao,
    private readonly planning: NextPeriodPlanning = loadPlanning,
  ) {
    this.grids = grids.map(copyGrid);
  }

  /** The cell (or sheet) last selected through `selectCell`, for the pane to highlight. */
  get selection(): CellSelection | null {
    return this.selected;
  }

  async readWorkbook(): Promise<SheetGrid[]> {
    return this.grids.map(copyGrid);
  }

  async createTemplate(options: { sample: boolean }): Promise<TemplateReport> {
    // The preview calculates nothing, so the plain formulas serve (their results are cached).
    const template = workbookGrids(this.catalog, { sample: options.sample, formulas: "plain" });
    const plan = planTemplate(this.grids, template, { formulas: "plain" });
    for (const extension of plan.extensions) {
      const index = this.grids.findIndex((grid) => grid.name === extension.sheet);
      this.grids[index] = extension.blocks.reduce((grid, block) => withBlock(grid, block), this.grids[index]!);
    }
    for (const sheet of plan.newSheets) this.grids.push(copyGrid(sheet));
    return plan.report;
  }

  async applyEdits(edits: readonly CellEdit[]): Promise<void> {
    // Everything is checked first, so a bad edit leaves the workbook as it was, like a failed sync.
    const placed = edits.map((edit) => {
      const index = this.grids.findIndex((grid) => grid.name === edit.sheet);
      if (index < 0) throw new Error(`找不到工作表“${edit.sheet}”`);
      const position = parseAddress(edit.cell);
      if (!position) throw new Error(`“${edit.cell}”不是单元格地址`);
      return { index, block: { row: position.row, column: position.column, values: [[edit.value]] } };
    });
    for (const { index, block } of placed) this.grids[index] = withBlock(this.grids[index]!, block, true);
  }

  async startNextPeriod(confirmed: NextPeriodPlan): Promise<NextPeriodApplied> {
    const { recheckNextPeriod, gridsAfter } = await this.planning();
    const result = recheckNextPeriod(this.grids, confirmed, { catalog: this.catalog });
    if (result.applied) this.grids = gridsAfter(this.grids, result.plan);
    return result;
  }

  async selectCell(sheet: string, cell: string | null): Promise<void> {
    if (!this.grids.some((grid) => grid.name === sheet)) throw new Error(`找不到工作表“${sheet}”`);
    this.selected = { sheet, cell };
  }
}
