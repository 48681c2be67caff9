/**
 * `context.sync` calls per pane action, through ExcelWorkbookHost against the strict fake, for each
 * Excel API level the budgets name: what tests/sync-budget.test.ts holds to budgets/performance.json
 * and `npm run bench` prints. No jest and no file paths here, so the bench runs this module compiled
 * (tsconfig.bench.json).
 */
import {
  analyzeWorkbook,
  bulletinDocument,
  kaijuBahao,
  planNextPeriod,
  workbookGrids,
  type Catalog,
  type SheetGrid,
} from "../../src/core";
import { ExcelWorkbookHost } from "../../src/excel/excel-host";
import * as excelNextPeriod from "../../src/excel/next-period-writer";
import { compareVersions, FakeExcel, type FakeOptions } from "./fake-excel";

/**
 * 创建模板 runs createTemplate; 校验数据 and 生成专报 read the workbook and run the core; 开始下一期's
 * 确定 (startNextPeriod) reads again, plans again and writes the archive and the clearing.
 */
export const measuredActions = ["createTemplate", "check", "generate", "nextPeriod"] as const;
export type MeasuredAction = (typeof measuredActions)[number];

/**
 * The hosts measured: Excel 2016 as shipped (ExcelApi 1.1), the first with getItemOrNullObject (1.4),
 * and a current one, whose widths, drop-down lists and ZB formulas are queued in the same syncs.
 */
export const measuredHosts: readonly (Required<FakeOptions> & { label: string })[] = [
  { label: "ExcelApi 1.1", excelApi: "1.1", customFunctions: false },
  { label: "ExcelApi 1.4", excelApi: "1.4", customFunctions: false },
  { label: "ExcelApi 1.8, custom functions", excelApi: "1.8", customFunctions: true },
];

/** Budgets by the ExcelApi version from which they hold, as budgets/performance.json lists them. */
export type SyncBudgets = Record<string, Record<MeasuredAction, number>>;

/** The budget of a host at `excelApi`: the one listed for the highest version it reaches. */
export function budgetAt(budgets: SyncBudgets, excelApi: string): Record<MeasuredAction, number> {
  const reached = Object.keys(budgets)
    .filter((version) => compareVersions(excelApi, version) >= 0)
    .sort(compareVersions);
  const version = reached[reached.length - 1];
  if (version === undefined) throw new Error(`no sync budget applies to ExcelApi ${excelApi}`);
  return budgets[version]!;
}

/** The sheet 创建模板 finds missing, so that the measured run also writes. */
const missingSheet = "乡村振兴";

/** The preset grown to `count` categories by copies of 产业发展 named 类别1, 类别2… */
export function catalogWithCategories(count: number): Catalog {
  const extra = count - kaijuBahao.categories.length;
  if (extra < 0) throw new Error(`the preset alone has ${kaijuBahao.categories.length} categories`);
  const model = kaijuBahao.categories[0]!;
  const copies = Array.from({ length: extra }, (_, i) => ({ ...model, name: `类别${i + 1}` }));
  return { ...kaijuBahao, categories: [...kaijuBahao.categories, ...copies] };
}

/** A sample workbook of that catalog: a sheet per category, every one filled. */
export function workbookOf(catalog: Catalog): SheetGrid[] {
  return workbookGrids(catalog, { sample: true, formulas: "plain" });
}

/** What one action cost: syncs, and commands that changed the workbook. */
export interface ActionCost {
  syncs: number;
  writes: number;
}

async function costOf(
  grids: readonly SheetGrid[],
  host: FakeOptions,
  catalog: Catalog,
  action: (host: ExcelWorkbookHost) => Promise<void>,
): Promise<ActionCost> {
  const fake = new FakeExcel(grids, host);
  fake.install();
  try {
    await action(new ExcelWorkbookHost(catalog, () => Promise.resolve(excelNextPeriod)));
    return { syncs: fake.syncCount, writes: fake.writeCount };
  } finally {
    FakeExcel.uninstall();
  }
}

/**
 * The cost of each action on a workbook of `categories` category sheets (one missing for 创建模板)
 * in Excel at `host`'s level. Throws when an action did not do its work, so a count never comes from a
 * no-op.
 */
export async function costPerAction(
  categories: number,
  host: FakeOptions,
): Promise<Record<MeasuredAction, ActionCost>> {
  const catalog = catalogWithCategories(categories);
  const grids = workbookOf(catalog);
  const analyze = async (excel: ExcelWorkbookHost) => {
    const read = await excel.readWorkbook();
    if (read.length !== grids.length) throw new Error(`read ${read.length} of ${grids.length} sheets`);
    return analyzeWorkbook(read, { catalog });
  };
  return {
    createTemplate: await costOf(
      grids.filter((grid) => grid.name !== missingSheet),
      host,
      catalog,
      async (excel) => {
        const report = await excel.createTemplate({ sample: true });
        if (report.createdSheets.join() !== missingSheet) throw new Error(`created ${report.createdSheets.join()}`);
      },
    ),
    check: await costOf(grids, host, catalog, async (excel) => {
      if ((await analyze(excel)).sections.length !== categories) throw new Error("not every category was read");
    }),
    generate: await costOf(grids, host, catalog, async (excel) => {
      if (bulletinDocument(await analyze(excel)).sections.length === 0) throw new Error("no bulletin sections");
    }),
    nextPeriod: await costOf(grids, host, catalog, async (excel) => {
      const outcome = planNextPeriod(grids, { catalog });
      if (!outcome.ok) throw new Error(outcome.reason);
      if (!(await excel.startNextPeriod(outcome.plan)).applied) throw new Error("the plan was not applied");
    }),
  };
}
