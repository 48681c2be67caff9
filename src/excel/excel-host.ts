/**
 * The workbook the pane works on inside Excel, through Office.js. A read takes one context.sync on
 * ExcelApi 1.4+ and two on 1.1, whatever the number of sheets (read-sheets.ts); 创建模板 one more for
 * its additions. Everything runs on ExcelApi 1.1; later features are used only where this Excel
 * reports them.
 */
import {
  cellInput,
  kaijuBahao,
  planTemplate,
  workbookGrids,
  type Catalog,
  type CellEdit,
  type FormulaStyle,
  type ReadOptions,
  type SheetGrid,
  type TemplatePlan,
  type TemplateReport,
  type WorkbookHost,
  planWritesFormulas,
  workbookSheetNames,
  type NextPeriodApplied,
  type NextPeriodPlan,
} from "../core";
import { supportsCustomFunctions, supportsExcelApi } from "./api-support";
import { excelHostError } from "./office-errors";
import { readSheetGrids } from "./read-sheets";
import type * as NextPeriodWriter from "./next-period-writer";
import { queueTemplatePlan } from "./template-writer";

async function runExcel<T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (error) {
    throw excelHostError(action, error);
  }
}

/** What this Excel could not do for `plan`, in words for the person who asked. */
function unsupportedFeatures(plan: TemplatePlan, formulas: FormulaStyle): string[] {
  const features: string[] = [];
  if (plan.newSheets.length > 0 && !supportsExcelApi("1.2")) {
    features.push("此版本的 Excel 不支持设置列宽（需要 ExcelApi 1.2），新工作表使用默认列宽，可手动调整");
  }
  if (plan.newSheets.length > 0 && !supportsExcelApi("1.8")) {
    features.push("此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8），“纳入专报”“句末”“级别”列未设置下拉列表");
  }
  if (formulas === "plain" && planWritesFormulas(plan)) {
    features.push("此版本的 Excel 不支持自定义函数，“完成率”“同比”列使用普通公式");
  }
  return features;
}

function hasAdditions(plan: TemplatePlan): boolean {
  return plan.newSheets.length > 0 || plan.extensions.length > 0;
}

/** 开始下一期's Excel code (next-period-writer.ts), fetched as a chunk of its own on first use. */
export type NextPeriodLoader = () => Promise<typeof NextPeriodWriter>;

const loadNextPeriod: NextPeriodLoader = () => import(/* webpackChunkName: "next-period" */ "./next-period-writer.js");

export class ExcelWorkbookHost implements WorkbookHost {
  readonly label = "Excel";

  /** `nextPeriod` is for tests, which hand the module over (jest runs no dynamic import). */
  constructor(
    private readonly catalog: Catalog = kaijuBahao,
    private readonly nextPeriod: NextPeriodLoader = loadNextPeriod,
  ) {}

  readWorkbook(options: ReadOptions = {}): Promise<SheetGrid[]> {
    return runExcel("读取工作簿", (context) => this.readSheets(context, options));
  }

  private readSheets(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SheetGrid[]> {
    return readSheetGrids(context, workbookSheetNames(this.catalog), options);
  }

  createTemplate(options: { sample: boolean }): Promise<TemplateReport> {
    return runExcel("创建模板", async (context) => {
      const formulas: FormulaStyle = supportsCustomFunctions() ? "zb" : "plain";
      const existing = await this.readSheets(context);
      const template = workbookGrids(this.catalog, { sample: options.sample, formulas });
      const plan = planTemplate(existing, template, { formulas });
      if (hasAdditions(plan)) {
        queueTemplatePlan(context, plan);
        await context.sync();
      }
      const { report } = plan;
      return { ...report, skippedFeatures: [...report.skippedFeatures, ...unsupportedFeatures(plan, formulas)] };
    });
  }

  applyEdits(edits: readonly CellEdit[]): Promise<void> {
    if (edits.length === 0) return Promise.resolve();
    return runExcel("写入合并结果", async (context) => {
      const worksheets = new Map<string, Excel.Worksheet>();
      for (const edit of edits) {
        let worksheet = worksheets.get(edit.sheet);
        if (!worksheet) {
          worksheet = context.workbook.worksheets.getItem(edit.sheet);
          worksheets.set(edit.sheet, worksheet);
        }
        worksheet.getRange(edit.cell).values = [[cellInput(edit.value)]];
      }
      await context.sync();
    });
  }

  /**
   * One Excel.run: the read (1 sync on ExcelApi 1.4+, 2 on 1.1), then every write queued and sent in one
   * sync. A sync that fails leaves the workbook as it was; Office.js has no rollback, so a command that
   * fails inside the batch would leave those before it applied: the archive is queued first (see
   * docs/使用说明.md).
   */
  async startNextPeriod(confirmed: NextPeriodPlan): Promise<NextPeriodApplied> {
    const { applyNextPeriod } = await this.nextPeriod();
    return runExcel("开始下一期", (context) => applyNextPeriod(context, confirmed, this.catalog));
  }

  selectCell(sheet: string, cell: string | null): Promise<void> {
    return runExcel(`定位到“${sheet}”${cell ?? ""}`, async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      if (cell) worksheet.getRange(cell).select();
      await context.sync();
    });
  }
}
