/**
 * `context.sync` calls per pane action, through ExcelWorkbookHost against the strict fake: what
 * tests/sync-budget.test.ts holds to budgets/performance.json and `npm run bench` prints. No jest and
 * no file paths here, so the bench runs this module compiled (tsconfig.bench.json).
 */
import { analyzeWorkbook, bulletinDocument, kaijuBahao, workbookGrids, type SheetGrid } from "../../src/core";
import { ExcelWorkbookHost } from "../../src/excel/excel-host";
import { FakeExcel } from "./fake-excel";

/** 创建模板 runs createTemplate; 校验数据 and 生成专报 read the workbook and run the core. */
export const measuredActions = ["createTemplate", "check", "generate"] as const;
export type MeasuredAction = (typeof measuredActions)[number];

/** The sheet 创建模板 finds missing, so that the measured run also writes. */
const missingSheet = "乡村振兴";

/** The sample workbook grown to `count` category sheets by copies of 产业发展 under other names. */
export function workbookWithCategories(count: number): SheetGrid[] {
  const grids = workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
  const model = grids.find((grid) => grid.name === "产业发展")!;
  const extra = count - kaijuBahao.categories.length;
  if (extra < 0) throw new Error(`the preset alone has ${kaijuBahao.categories.length} category sheets`);
  return [...grids, ...Array.from({ length: extra }, (_, i) => ({ ...model, name: `类别${i + 1}` }))];
}

async function syncsOf(
  grids: readonly SheetGrid[],
  action: (host: ExcelWorkbookHost) => Promise<void>,
): Promise<number> {
  // A current Excel: widths, drop-down lists and ZB formulas are queued too, still in the same sync.
  const fake = new FakeExcel(grids, { excelApi: "1.8", customFunctions: true });
  fake.install();
  try {
    await action(new ExcelWorkbookHost());
    return fake.syncCount;
  } finally {
    FakeExcel.uninstall();
  }
}

/**
 * Syncs of each action on a workbook of `categories` category sheets (one preset sheet missing for
 * 创建模板). Throws when an action did not do its work, so a count never comes from a no-op.
 */
export async function syncsPerAction(categories: number): Promise<Record<MeasuredAction, number>> {
  const grids = workbookWithCategories(categories);
  const analyze = async (host: ExcelWorkbookHost) => {
    const read = await host.readWorkbook();
    if (read.length !== grids.length) throw new Error(`read ${read.length} of ${grids.length} sheets`);
    return analyzeWorkbook(read);
  };
  return {
    createTemplate: await syncsOf(
      grids.filter((grid) => grid.name !== missingSheet),
      async (host) => {
        const report = await host.createTemplate({ sample: true });
        if (report.createdSheets.join() !== missingSheet) throw new Error(`created ${report.createdSheets.join()}`);
      },
    ),
    check: await syncsOf(grids, async (host) => {
      if ((await analyze(host)).sections.length === 0) throw new Error("no indicator paragraphs");
    }),
    generate: await syncsOf(grids, async (host) => {
      if (bulletinDocument(await analyze(host)).sections.length === 0) throw new Error("no bulletin sections");
    }),
  };
}
