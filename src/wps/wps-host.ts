/**
 * The workbook the pane works on inside WPS 表格, through ET (`window.Application`). ET is synchronous:
 * a read takes a fixed number of host calls per sheet, whatever its rows (read-sheets.ts); 创建模板 reads,
 * plans with core's template plan and writes each block as one 2-D array. Check and generate only read.
 */
import {
  cellInput,
  kaijuBahao,
  planTemplate,
  planWritesFormulas,
  workbookGrids,
  workbookSheetNames,
  type Catalog,
  type CellEdit,
  type FormulaStyle,
  type ReadOptions,
  type SheetGrid,
  type TemplateReport,
  type WorkbookHost,
  type NextPeriodApplied,
  type NextPeriodPlan,
} from "../core";
import { callIfPresent, type EtApplication, type EtWorkbook, type EtWorksheet } from "./et-types";
import { readSheetGrids } from "./read-sheets";
import type * as NextPeriodWriter from "./next-period-writer";
import { writeTemplatePlan } from "./template-writer";
import { noWorkbookError, wpsHostError } from "./wps-errors";

/** 开始下一期's WPS code (next-period-writer.ts), fetched as a chunk of its own on first use. */
export type NextPeriodLoader = () => Promise<typeof NextPeriodWriter>;

const loadNextPeriod: NextPeriodLoader = () => import(/* webpackChunkName: "next-period" */ "./next-period-writer.js");

export interface WpsHostOptions {
  /** Whether this WPS has custom functions (wps.AddCustomFunction, 12.1.0.20540+), so ZB formulas work. */
  customFunctions: boolean;
  catalog?: Catalog;
  /** For tests, which hand the module over (jest runs no dynamic import). */
  nextPeriod?: NextPeriodLoader;
}

/** Runs `work` on the active workbook, with any failure worded for the person who asked. */
function withWorkbook<T>(app: EtApplication, action: string, work: (workbook: EtWorkbook) => T): Promise<T> {
  try {
    const workbook = app.ActiveWorkbook;
    if (!workbook) return Promise.reject(noWorkbookError(action));
    return Promise.resolve(work(workbook));
  } catch (error) {
    return Promise.reject(wpsHostError(action, error));
  }
}

export class WpsWorkbookHost implements WorkbookHost {
  readonly label = "WPS 表格";
  private readonly catalog: Catalog;

  constructor(
    private readonly app: EtApplication,
    private readonly options: WpsHostOptions,
  ) {
    this.catalog = options.catalog ?? kaijuBahao;
  }

  readWorkbook(options: ReadOptions = {}): Promise<SheetGrid[]> {
    return withWorkbook(this.app, "读取工作簿", (workbook) =>
      readSheetGrids(workbook, workbookSheetNames(this.catalog), options),
    );
  }

  createTemplate(options: { sample: boolean }): Promise<TemplateReport> {
    return withWorkbook(this.app, "创建模板", (workbook) => {
      const formulas: FormulaStyle = this.options.customFunctions ? "zb" : "plain";
      const existing = readSheetGrids(workbook, workbookSheetNames(this.catalog));
      const template = workbookGrids(this.catalog, { sample: options.sample, formulas });
      const plan = planTemplate(existing, template, { formulas });
      writeTemplatePlan(workbook.Worksheets, plan);
      const skipped =
        formulas === "plain" && planWritesFormulas(plan)
          ? ["此版本的 WPS 不支持自定义函数（需要 12.1.0.20540 或更新版本），“完成率”“同比”列使用普通公式"]
          : [];
      return { ...plan.report, skippedFeatures: [...plan.report.skippedFeatures, ...skipped] };
    });
  }

  applyEdits(edits: readonly CellEdit[]): Promise<void> {
    if (edits.length === 0) return Promise.resolve();
    return withWorkbook(this.app, "写入合并结果", (workbook) => {
      const worksheets = new Map<string, EtWorksheet>();
      for (const edit of edits) {
        let worksheet = worksheets.get(edit.sheet);
        if (!worksheet) {
          worksheet = workbook.Worksheets.Item(edit.sheet);
          worksheets.set(edit.sheet, worksheet);
        }
        worksheet.Range(edit.cell).Value2 = [[cellInput(edit.value)]];
      }
    });
  }

  /** Reads again with formulas, plans again, and writes the plan if it is still the one confirmed. */
  async startNextPeriod(confirmed: NextPeriodPlan): Promise<NextPeriodApplied> {
    const { applyNextPeriod } = await (this.options.nextPeriod ?? loadNextPeriod)();
    return withWorkbook(this.app, "开始下一期", (workbook) => applyNextPeriod(workbook, confirmed, this.catalog));
  }

  /** Activate and Select are outside the subset: where WPS lacks them, nothing moves. */
  selectCell(sheet: string, cell: string | null): Promise<void> {
    return withWorkbook(this.app, `定位到“${sheet}”${cell ?? ""}`, (workbook) => {
      const worksheet = workbook.Worksheets.Item(sheet);
      callIfPresent(worksheet, "Activate");
      if (cell) callIfPresent(worksheet.Range(cell), "Select");
    });
  }
}
