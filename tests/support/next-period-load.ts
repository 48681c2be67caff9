/**
 * 开始下一期 on a large workbook: 7 category sheets of N rows and a 历史数据 of P periods, and the size
 * of the write request a plan makes. Shared by tests/next-period-size.test.ts (bytes, a deterministic
 * budget) and `npm run bench` (times and syncs); no jest and no file paths here (tsconfig.bench.json).
 */
import {
  historyColumns,
  historySheetName,
  kaijuBahao,
  writeInput,
  workbookGrids,
  type NextPeriodPlan,
  type SheetGrid,
} from "../../src/core";

/** The sample with each category sheet's rows repeated (names made unique) to `rows` rows. */
export function scaledSample(rows: number): SheetGrid[] {
  const categories = new Set(kaijuBahao.categories.map((category) => category.name));
  return workbookGrids(kaijuBahao, { sample: true, formulas: "plain" }).map((grid) => {
    if (!categories.has(grid.name)) return grid;
    const [header, ...body] = grid.values;
    const values: unknown[][] = [[...header!]];
    for (let i = 0; i < rows; i += 1) {
      const row = [...body[i % body.length]!];
      row[0] = `${String(row[0])}${i}`;
      values.push(row);
    }
    return { ...grid, values };
  });
}

/**
 * `periods` monthly periods before 2026年4月 (the sample's), each with a row per indicator of `grids`
 * (its 指标名称 and 单位, made-up figures): what 开始下一期 leaves after as many months.
 */
export function historyOf(grids: readonly SheetGrid[], periods: number): SheetGrid {
  const categories = new Set(kaijuBahao.categories.map((category) => category.name));
  const indicators: { category: string; name: string; unit: string }[] = [];
  for (const grid of grids) {
    if (!categories.has(grid.name)) continue;
    for (const row of grid.values.slice(1)) {
      indicators.push({ category: grid.name, name: String(row[0]), unit: String(row[1] ?? "") });
    }
  }
  const values: unknown[][] = [historyColumns.map((column) => column.header)];
  for (let p = periods; p >= 1; p -= 1) {
    const serial = 2026 * 12 + 3 - p;
    const [year, month] = [Math.floor(serial / 12), (serial % 12) + 1];
    indicators.forEach((indicator, i) => {
      const row = historyColumns.map((column): unknown => {
        switch (column.key) {
          case "year":
            return year;
          case "month":
          case "cumulativeMonth":
            return month;
          case "issue":
            return Math.max(1, 2 - p);
          case "category":
            return indicator.category;
          case "name":
            return indicator.name;
          case "unit":
            return indicator.unit;
          case "actual":
            return 100 + ((i + p) % 50);
          default:
            return null;
        }
      });
      values.push(row);
    });
  }
  return { name: historySheetName, values };
}

/** The sample of `rows` rows per category sheet with `periods` periods of history. */
export function largeWorkbook(rows: number, periods: number): SheetGrid[] {
  const grids = scaledSample(rows).filter((grid) => grid.name !== historySheetName);
  return [...grids, historyOf(grids, periods)];
}

/** What the write request of a plan carries: commands and the UTF-8 bytes of their values as JSON. */
export function writeRequestSize(plan: NextPeriodPlan): { commands: number; bytes: number } {
  let bytes = 0;
  let commands = 0;
  const add = (value: unknown) => {
    bytes += Buffer.byteLength(JSON.stringify(value), "utf8");
    commands += 1;
  };
  if (plan.newSheet) add(plan.newSheet.values);
  for (const write of plan.writes) add(write.values.map((row) => row.map(writeInput)));
  for (const format of plan.numberFormats) add(Array.from({ length: format.rows }, () => [format.numberFormat]));
  return { commands, bytes };
}
