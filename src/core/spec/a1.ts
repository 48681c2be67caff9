/** A1 addresses for issue locations. Indices are zero-based; Excel rows and columns are one-based. */

export function columnLetter(columnIndex: number): string {
  let n = columnIndex + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function cellAddress(rowIndex: number, columnIndex: number): string {
  return `${columnLetter(columnIndex)}${rowIndex + 1}`;
}

/** The A1 address of `rows` × `columns` cells from zero-based (row, column): "C5", or "C5:E9". */
export function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  const start = cellAddress(row, column);
  return rows === 1 && columns === 1 ? start : `${start}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}

/** Parses "C5" (optionally "Sheet!C5" or "$C$5") into zero-based indices. */
export function parseAddress(address: string): { row: number; column: number } | null {
  const match = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  const letters = match[1]!.toUpperCase();
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}
