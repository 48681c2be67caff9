// 开始下一期 on 7 category sheets × 2,000 rows with 36 periods (504,000 rows) of 历史数据: the plan's
// time (the check included), the preview's apply, the write request's size, and Excel's syncs against
// the strict fake (reported; the budgets are tests). The fake holds every cell as an object, so Excel is
// measured with the full sheets and a one-period history: its syncs do not depend on the history's length.
"use strict";
const { planNextPeriod, MemoryWorkbook } = require("../build/bench/src/core");
const { ExcelWorkbookHost } = require("../build/bench/src/excel/excel-host");
const { FakeExcel } = require("../build/bench/tests/support/fake-excel");
const { largeWorkbook, writeRequestSize } = require("../build/bench/tests/support/next-period-load");

function best(runs, work) {
  let fastest = Infinity;
  let result;
  for (let i = 0; i < runs; i += 1) {
    if (global.gc) global.gc();
    const start = process.hrtime.bigint();
    result = work();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: fastest, result };
}

function plan(grids) {
  const outcome = planNextPeriod(grids);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

async function excelSyncs(grids, excelApi) {
  const fake = new FakeExcel(grids, { excelApi });
  fake.install();
  try {
    const start = process.hrtime.bigint();
    const result = await new ExcelWorkbookHost().startNextPeriod(plan(grids));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!result.applied) throw new Error("not applied");
    return { syncs: fake.syncCount, writes: fake.writeCount, ms };
  } finally {
    FakeExcel.uninstall();
  }
}

module.exports = async function benchNextPeriod() {
  const grids = largeWorkbook(2000, 36);
  const historyRows = grids[grids.length - 1].values.length - 1;
  const planned = best(3, () => plan(grids));
  const size = writeRequestSize(planned.result);
  const memory = new MemoryWorkbook(grids);
  const applied = await (async () => {
    const start = process.hrtime.bigint();
    await memory.startNextPeriod(planned.result);
    return Number(process.hrtime.bigint() - start) / 1e6;
  })();
  const small = largeWorkbook(2000, 1);
  const excel = [];
  for (const excelApi of ["1.1", "1.4"]) excel.push({ excelApi, ...(await excelSyncs(small, excelApi)) });
  const lines = [
    `  workbook: 7×2,000 indicator rows, 历史数据 ${historyRows.toLocaleString("en")} rows (36 periods)`,
    `  plan (check, archive rows, clearing): ${planned.ms.toFixed(0)} ms (best of 3)`,
    `  writes planned: ${size.commands} (WPS: one Value2 each), ${(size.bytes / 1024 / 1024).toFixed(2)} MB of values as JSON (Excel on the web takes 5 MB a request)`,
    `  preview apply (read again, plan again, write): ${applied.toFixed(0)} ms`,
    ...excel.map(
      ({ excelApi, syncs, writes, ms }) =>
        `  Excel (fake) ExcelApi ${excelApi}: ${syncs} context.sync for 确定 (read + one write batch of ${writes} commands, a range per cleared column), ${ms.toFixed(0)} ms`,
    ),
  ];
  return {
    title: "开始下一期 (startNextPeriod)",
    lines,
    figures: { planMs: planned.ms, size, appliedMs: applied, excel },
  };
};

if (require.main === module) module.exports().then(({ lines }) => console.log(lines.join("\n")));
