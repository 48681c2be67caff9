/**
 * The largest workbook 专报助手 reads (docs/performance.md, 使用说明). A bulletin's workbook holds a few
 * hundred rows; these bounds are far above that and well below what exhausts memory (200,000 rows of a
 * category sheet take about 0.7 GB in the CLI; 1,048,576 rows took 2.8 GB and killed Node). A file
 * beyond them is refused with a Chinese sentence before any sheet is parsed; in Excel and WPS the used
 * ranges' sizes are compared with them before the values are parsed (WPS: before they are read).
 */
export const workbookLimits = {
  /** Rows in any one worksheet: `<row>` elements in a file, the used range's rows in a host. */
  maxRowsPerSheet: 200_000,
  /** Cells of all the sheets read: `<c>` elements in a file, the used ranges' rows × columns in a host. */
  maxCells: 3_000_000,
  /** Bytes of all the zip's parts once inflated, as declared by the central directory and as inflated. */
  maxUnzippedBytes: 256 * 1024 * 1024,
} as const;

/** A sheet's used range as Excel or WPS gives it. */
export interface SheetExtent {
  sheet: string;
  rows: number;
  columns: number;
}

const grouped = (n: number) => n.toLocaleString("en-US");

const fourGigabytes = 2 ** 32;

function megabytes(bytes: number): string {
  return bytes >= fourGigabytes ? "超过 4 GB" : `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

const extentText = (extent: SheetExtent) => `${grouped(extent.rows)} 行 × ${grouped(extent.columns)} 列`;

const beyondLimit = "超出专报助手能读取的上限，未读取。";

/**
 * Why a workbook that unzips to `bytes` is too large to read (one Chinese sentence), or null. Only the
 * file check knows this figure (a zip64 size or one past 4 GB may be given as Infinity).
 */
export function unzippedSizeProblem(bytes: number): string | null {
  const { maxUnzippedBytes } = workbookLimits;
  if (bytes <= maxUnzippedBytes) return null;
  return `工作簿解压后超过 ${megabytes(maxUnzippedBytes)}（${megabytes(bytes)}），${beyondLimit}请删去无关的工作表或数据，保存后再试。`;
}

/**
 * Why sheet `sheet` is too large to read (one Chinese sentence), or null. A host knows its used range
 * (`columns` given: the sentence names both figures); the file check counts `<row>` elements and stops
 * just past the limit, so it gives `rows` alone and the sentence names the limit only.
 */
export function sheetSizeProblem(sheet: string, rows: number, columns?: number): string | null {
  const { maxRowsPerSheet, maxCells } = workbookLimits;
  const extent = columns === undefined ? "" : `（已用区域 ${extentText({ sheet, rows, columns })}）`;
  if (rows > maxRowsPerSheet) {
    return `工作表“${sheet}”超过 ${grouped(maxRowsPerSheet)} 行${extent}，${beyondLimit}请删去多余的行（如整列填充到表底的内容）或把数据拆分到几个工作簿，保存后再试。`;
  }
  if (columns !== undefined && rows * columns > maxCells) {
    return `工作表“${sheet}”超过 ${grouped(maxCells)} 个单元格${extent}，${beyondLimit}请删去多余的行列（如整行或整列填充到表尾的内容）或把数据拆分到几个工作簿，保存后再试。`;
  }
  return null;
}

/**
 * Why the sheets read are too large (one Chinese sentence), or null. A host gives the used ranges: a
 * sheet beyond a limit on its own is named (sheetSizeProblem), else the sentence names the total and the
 * largest sheet. The file check gives the `<c>` elements it counted before stopping just past the limit
 * (the sentence names the limit only).
 */
export function usedRangesSizeProblem(cells: number | readonly SheetExtent[]): string | null {
  const { maxCells } = workbookLimits;
  let detail = "";
  let total = 0;
  if (typeof cells === "number") total = cells;
  else {
    let largest: SheetExtent | null = null;
    for (const extent of cells) {
      const alone = sheetSizeProblem(extent.sheet, extent.rows, extent.columns);
      if (alone) return alone;
      total += extent.rows * extent.columns;
      if (!largest || extent.rows * extent.columns > largest.rows * largest.columns) largest = extent;
    }
    if (largest) {
      detail = `（所读工作表的已用区域共 ${grouped(total)} 个单元格，最大的是“${largest.sheet}”，${extentText(largest)}）`;
    }
  }
  if (total <= maxCells) return null;
  return `工作簿的单元格超过 ${grouped(maxCells)} 个${detail}，${beyondLimit}请删去无关的工作表或多余的行列，或把数据拆分到几个工作簿，保存后再试。`;
}
