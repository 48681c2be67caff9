/**
 * One format plan, three writers (issue 12, point 2): the template 创建模板 writes through Office.js (the
 * strict fake records it) and through WPS's ET (its stand-in), and the one the .xlsx writer produces
 * (read back with ExcelJS) have the same formats on every sheet: header fill, bold and alignment, frozen header, filter, number formats and
 * wrapping of every formatted row, drop-down lists and column widths.
 */
import { afterEach, describe, expect, test } from "@jest/globals";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import {
  cellAddress,
  kaijuBahao,
  narrativeColumns,
  narrativeSheetName,
  parseAddress,
  workbookGrids,
} from "../src/core";
import { sheetFormat } from "../src/core";
import { ExcelWorkbookHost } from "../src/excel/excel-host";
import { gridsToWorkbook } from "../src/files/xlsx-write";
import type { EtApplication } from "../src/wps/et-types";
import { WpsWorkbookHost } from "../src/wps/wps-host";
import { FakeEt } from "./support/fake-et";
import { FakeExcel } from "./support/fake-excel";

afterEach(() => FakeExcel.uninstall());

const grids = workbookGrids(kaijuBahao, { sample: false, formulas: "plain" });

interface SheetLook {
  header: { fill: string | null; bold: boolean; horizontal: string | null; wrap: boolean }[];
  frozenRows: number;
  filter: boolean;
  /** "A2": "numberFormat|wrap" for every cell of the formatted rows. */
  cells: Record<string, string>;
  /** "I2": "是,否" for every cell with a drop-down list. */
  lists: Record<string, string>;
  /** Width in characters by column letter index. */
  widths: (number | null)[];
}

/** Every cell of a range like "I2:I231". */
function cellsOf(range: string): string[] {
  const [from, to = from] = range.split(":") as [string, string?];
  const start = parseAddress(from)!;
  const end = parseAddress(to!)!;
  const cells: string[] = [];
  for (let row = start.row; row <= end.row; row += 1)
    for (let column = start.column; column <= end.column; column += 1) cells.push(cellAddress(row, column));
  return cells;
}

function excelLook(fake: FakeExcel, name: string): SheetLook {
  const format = sheetFormat(grids.find((grid) => grid.name === name)!);
  const columns = format.headerColumns;
  const cells: Record<string, string> = {};
  for (let row = format.rows.first; row < format.rows.first + format.rows.count; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const cell = fake.cell(name, cellAddress(row, column));
      cells[cellAddress(row, column)] = `${cell.numberFormat}|${cell.wrapText}`;
    }
  }
  const lists: Record<string, string> = {};
  for (const { address, rule } of fake.validations(name)) {
    const source = (rule as { list: { source: string } }).list.source;
    for (const cell of cellsOf(address)) lists[cell] = source;
  }
  return {
    header: Array.from({ length: columns }, (_, column) => {
      const cell = fake.cell(name, cellAddress(0, column));
      const alignment = fake.alignment(name, cellAddress(0, column));
      return { fill: cell.fill, bold: cell.bold, horizontal: alignment.horizontal ?? null, wrap: cell.wrapText };
    }),
    frozenRows: fake.frozenRows(name),
    filter: fake.tables(name).some((table) => table.address.startsWith("A1:")),
    cells,
    lists,
    // Points back to characters: (characters × 7 + 5) pixels at 3/4 point each.
    widths: Array.from({ length: columns }, (_, column) => {
      const points = fake.columnWidth(name, column);
      return points === undefined ? null : ((points * 4) / 3 - 5) / 7;
    }),
  };
}

/** An ExcelJS cell (a function of our own, so Office.js lint rules do not take it for a Range). */
function xlsxCell(worksheet: ExcelJS.Worksheet, row: number, column: number): ExcelJS.Cell {
  return worksheet.getCell(row, column);
}

/** Column widths as the file says them: ExcelJS reads a width of 9 back as its default, undefined. */
function fileWidths(xlsx: Uint8Array, sheetIndex: number, columns: number): (number | null)[] {
  const xml = strFromU8(unzipSync(xlsx)[`xl/worksheets/sheet${sheetIndex + 1}.xml`]!);
  const widths: (number | null)[] = new Array<number | null>(columns).fill(null);
  for (const [, min, max, width] of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) {
    for (let column = Number(min); column <= Number(max) && column <= columns; column += 1) {
      widths[column - 1] = Number(width);
    }
  }
  return widths;
}

/**
 * What WPS's 创建模板 (the ET stand-in) gives, in the same shape. The ET subset has no alignment, frozen
 * panes or filters: those parts are taken from `excel` so that the rest is compared.
 */
function wpsLook(et: FakeEt, name: string, excel: SheetLook): SheetLook {
  const format = sheetFormat(grids.find((grid) => grid.name === name)!);
  const columns = format.headerColumns;
  const cells: Record<string, string> = {};
  for (let row = format.rows.first; row < format.rows.first + format.rows.count; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const cell = et.cell(name, cellAddress(row, column));
      cells[cellAddress(row, column)] = `${cell.numberFormat}|${cell.wrapText}`;
    }
  }
  const lists: Record<string, string> = {};
  for (const { address, formula1 } of et.validations(name)) for (const cell of cellsOf(address)) lists[cell] = formula1;
  const bgrHex = (color: number) => {
    const rgb = (color & 0xff) * 0x10000 + (color & 0xff00) + ((color >> 16) & 0xff);
    return `#${rgb.toString(16).toUpperCase().padStart(6, "0")}`;
  };
  return {
    header: Array.from({ length: columns }, (_, column) => {
      const cell = et.cell(name, cellAddress(0, column));
      const horizontal = excel.header[column]!.horizontal;
      return { fill: cell.fill === null ? null : bgrHex(cell.fill), bold: cell.bold, horizontal, wrap: cell.wrapText };
    }),
    frozenRows: excel.frozenRows,
    filter: excel.filter,
    cells,
    lists,
    widths: Array.from({ length: columns }, (_, column) => et.columnWidth(name, column) ?? null),
  };
}

function xlsxLook(worksheet: ExcelJS.Worksheet, name: string, widths: (number | null)[]): SheetLook {
  const format = sheetFormat(grids.find((grid) => grid.name === name)!);
  const columns = format.headerColumns;
  const cells: Record<string, string> = {};
  for (let row = format.rows.first; row < format.rows.first + format.rows.count; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const cell = xlsxCell(worksheet, row + 1, column + 1);
      cells[cellAddress(row, column)] = `${cell.numFmt || "General"}|${cell.alignment?.wrapText ?? false}`;
    }
  }
  const lists: Record<string, string> = {};
  const model = (worksheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  for (const [range, validation] of Object.entries(model)) {
    const source = validation.formulae[0]!.replace(/^"|"$/g, "");
    for (const cell of cellsOf(range.replace(/^range:/, "").split(" ")[0]!)) lists[cell] = source;
  }
  const view = worksheet.views[0] as { state?: string; ySplit?: number } | undefined;
  return {
    header: Array.from({ length: columns }, (_, column) => {
      const cell = xlsxCell(worksheet, 1, column + 1);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      return {
        fill: fill?.fgColor?.argb ? `#${fill.fgColor.argb.slice(2)}` : null,
        bold: cell.font?.bold ?? false,
        horizontal: cell.alignment?.horizontal === "center" ? "Center" : null,
        wrap: cell.alignment?.wrapText ?? false,
      };
    }),
    frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
    filter: Boolean(worksheet.autoFilter),
    cells,
    lists,
    widths,
  };
}

describe("创建模板 (Excel, WPS) and the .xlsx template have the same formats", () => {
  test("on every sheet, read back from the file, the fake Excel and the ET stand-in", async () => {
    const fake = new FakeExcel([], { excelApi: "1.9" });
    fake.install();
    await new ExcelWorkbookHost().createTemplate({ sample: false });
    const buffer = await (await gridsToWorkbook(grids)).xlsx.writeBuffer();
    const bytes = new Uint8Array(buffer);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(buffer);

    const et = new FakeEt();
    await new WpsWorkbookHost(et.application as EtApplication, { customFunctions: false }).createTemplate({
      sample: false,
    });

    for (const [index, { name }] of grids.entries()) {
      expect({ sheet: name, ...wpsLook(et, name, excelLook(fake, name)) }).toEqual({
        sheet: name,
        ...excelLook(fake, name),
      });
      const widths = fileWidths(bytes, index, sheetFormat(grids[index]!).headerColumns);
      expect({ sheet: name, ...xlsxLook(file.getWorksheet(name)!, name, widths) }).toEqual({
        sheet: name,
        ...excelLook(fake, name),
      });
    }
    // The sheets are formatted at all: 文字材料's 正文 wraps in both, the header is filled.
    const narrative = excelLook(fake, narrativeSheetName);
    const body = grids.find((grid) => grid.name === narrativeSheetName)!.values[0]!.indexOf(narrativeColumns.body);
    expect(narrative.cells[cellAddress(1, body)]).toBe("General|true");
    expect(narrative.header[0]).toEqual({ fill: "#DDEBF7", bold: true, horizontal: "Center", wrap: true });
  });
});

describe("创建模板 on an existing category sheet formats its additions alike in Excel and WPS", () => {
  test("the appended rows get every column's format; only the added columns get a width", async () => {
    const category = grids.find((grid) => !grid.name.includes("专报") && grid.values[0]!.includes("指标名称"))!;
    const headers = category.values[0]!.slice(0, -2).map(String);
    // One row staff typed (name and unit), so the preset's other rows are appended below it.
    const typed = category.values[1]!.slice(0, 2).map(String);
    const existing = { name: category.name, values: [headers, typed] };

    const fake = new FakeExcel([existing], { excelApi: "1.9" });
    fake.install();
    await new ExcelWorkbookHost().createTemplate({ sample: false });
    const et = new FakeEt([existing]);
    await new WpsWorkbookHost(et.application as EtApplication, { customFunctions: false }).createTemplate({
      sample: false,
    });

    const columns = category.values[0]!.length;
    const rows = category.values.length;
    const excelCells: string[] = [];
    const wpsCells: string[] = [];
    for (let row = 2; row < rows; row += 1) {
      for (let column = 0; column < columns; column += 1) {
        const excelCell = fake.cell(category.name, cellAddress(row, column));
        const wpsCell = et.cell(category.name, cellAddress(row, column));
        excelCells.push(`${excelCell.numberFormat}|${excelCell.wrapText}`);
        wpsCells.push(`${wpsCell.numberFormat}|${wpsCell.wrapText}`);
      }
    }
    expect(wpsCells).toEqual(excelCells);
    // The 表述模板 column wraps in the appended rows: the formats were applied, not left General.
    const template = category.values[0]!.indexOf("表述模板");
    expect(fake.cell(category.name, cellAddress(rows - 1, template)).wrapText).toBe(true);

    const excelWidths = Array.from({ length: columns }, (_, column) => {
      const points = fake.columnWidth(category.name, column);
      return points === undefined ? null : Math.round(((points * 4) / 3 - 5) / 7);
    });
    const wpsWidths = Array.from({ length: columns }, (_, column) => et.columnWidth(category.name, column) ?? null);
    expect(wpsWidths).toEqual(excelWidths);
    expect(excelWidths.slice(0, headers.length).every((width) => width === null)).toBe(true);
    expect(excelWidths.slice(headers.length).every((width) => width !== null)).toBe(true);
  });
});
