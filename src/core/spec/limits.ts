/**
 * The largest workbook 专报助手 reads (docs/performance.md, 使用说明). A bulletin's workbook holds a few
 * hundred rows; these bounds are far above that and well below what exhausts memory (200,000 rows of a
 * category sheet take about 0.7 GB in the CLI; 1,048,576 rows took 2.8 GB and killed Node). A file
 * beyond them is refused with a Chinese sentence before any sheet is parsed.
 */
export const workbookLimits = {
  /** Rows (`<row>` elements) in any one worksheet. */
  maxRowsPerSheet: 200_000,
  /** Cells (`<c>` elements) in all worksheets together. */
  maxCells: 3_000_000,
  /** Bytes of all the zip's parts once inflated, as declared by the central directory and as inflated. */
  maxUnzippedBytes: 256 * 1024 * 1024,
} as const;
