/**
 * A strict stand-in for the ET subset src/wps uses (src/wps/et-types.ts), modelled on ET's VBA-like
 * semantics:
 * - every member of the subset works synchronously and counts as one host call (`hostCalls`);
 * - any other member throws at once (`in` answers truthfully, so the adapter's feature checks work);
 * - Value2 and Formula read a 2-D array for several cells and one value for a single cell, empty cells
 *   as undefined; writes take a 2-D array of the range's exact shape and are read like typing ("=…" a
 *   formula, "462" a number, a leading apostrophe keeps text);
 * - Worksheets.Add() puts the new sheet before the active one and activates it; Item is 1-based;
 * - UsedRange covers every cell with a value, formula or format, and is A1 on an empty sheet.
 * It does not calculate: a formula cell's Value2 is "" unless a test seeds its result.
 * Self-contained (no imports): tests/e2e inject it into the built pane as window.Application.
 */

export interface EtCellState {
  value: string | number | boolean | null;
  /** "=…" for formula cells. */
  formula: string | null;
  numberFormat: string;
  bold: boolean;
  fill: number | null;
  wrapText: boolean;
}

export interface EtValidationRecord {
  address: string;
  type: number;
  formula1: string;
}

/** A seeded cell: a plain value, or a formula with the result ET would show. */
export type EtSeedCell = string | number | boolean | null | undefined | { formula: string; value: unknown };

export interface EtSheetSeed {
  name: string;
  /** From A1 unless `at` gives the top-left cell ("B3"). */
  values: readonly (readonly EtSeedCell[])[];
  at?: string;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function letterOf(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function parseCell(text: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(text.trim().toUpperCase());
  if (!match) throw new Error(`ET stand-in: "${text}" is not a cell address`);
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, column: column - 1 };
}

function parseRange(address: string): Rect {
  const [first, last = first] = address.split(":");
  const a = parseCell(first!);
  const b = parseCell(last!);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

function rectAddress(rect: Rect): string {
  const start = `${letterOf(rect.left)}${rect.top + 1}`;
  const end = `${letterOf(rect.right)}${rect.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

function emptyCell(): EtCellState {
  return { value: null, formula: null, numberFormat: "General", bold: false, fill: null, wrapText: false };
}

function isUsed(cell: EtCellState): boolean {
  return (
    cell.value !== null ||
    cell.formula !== null ||
    cell.numberFormat !== "General" ||
    cell.bold ||
    cell.fill !== null ||
    cell.wrapText
  );
}

/** What typing `input` into a cell leaves there. */
function typed(input: unknown): { value: EtCellState["value"]; formula: string | null } {
  if (input === null || input === undefined || input === "") return { value: null, formula: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  if (typeof input !== "string") throw new Error(`ET stand-in: cannot write ${JSON.stringify(input)} into a cell`);
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input.startsWith("=")) return { value: "", formula: input };
  const trimmed = input.trim();
  if (trimmed !== "" && Number.isFinite(Number(trimmed))) return { value: Number(trimmed), formula: null };
  return { value: input, formula: null };
}

type Member = { get?: () => unknown; set?: (value: unknown) => void; call?: (...args: unknown[]) => unknown };

class FakeSheet {
  readonly cells = new Map<string, EtCellState>();
  readonly columnWidths = new Map<number, number>();
  readonly validations: EtValidationRecord[] = [];

  constructor(public name: string) {}

  cell(row: number, column: number): EtCellState {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(row: number, column: number): EtCellState {
    return this.cells.get(`${row},${column}`) ?? emptyCell();
  }

  usedRect(): Rect {
    let rect: Rect | null = null;
    for (const [key, cell] of this.cells) {
      if (!isUsed(cell)) continue;
      const [row, column] = key.split(",").map(Number) as [number, number];
      rect = rect
        ? {
            top: Math.min(rect.top, row),
            left: Math.min(rect.left, column),
            bottom: Math.max(rect.bottom, row),
            right: Math.max(rect.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return rect ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }
}

export class FakeEt {
  /** Every get, set and call of a subset member. */
  hostCalls = 0;
  /** The calls among them that change the workbook: sets, Worksheets.Add, Validation.Add. */
  hostWrites = 0;
  private readonly sheets: FakeSheet[];
  private active = 0;
  private readonly workbookOpen: boolean;
  readonly application: object;

  /** Whether worksheets have Protect() and Unprotect() (VBA's, outside the subset: used where `in` finds them). */
  private readonly sheetProtection: boolean;

  constructor(
    seeds: readonly EtSheetSeed[] = [{ name: "Sheet1", values: [] }],
    options: { noWorkbook?: boolean; sheetProtection?: boolean } = {},
  ) {
    this.sheetProtection = options.sheetProtection ?? false;
    this.sheets = seeds.map((seed) => {
      const sheet = new FakeSheet(seed.name);
      const origin = parseCell(seed.at ?? "A1");
      seed.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null || value === undefined || value === "") return;
          const cell = sheet.cell(origin.row + r, origin.column + c);
          if (typeof value === "object") {
            cell.formula = value.formula;
            cell.value = value.value as EtCellState["value"];
          } else cell.value = value;
        }),
      );
      return sheet;
    });
    this.workbookOpen = !options.noWorkbook;
    const workbook = this.strict("Workbook", { Worksheets: { get: () => this.worksheets() } });
    this.application = this.strict("Application", {
      ActiveWorkbook: { get: () => (this.workbookOpen ? workbook : null) },
    });
  }

  // ——— what tests inspect or set up (not host calls) ———

  private readonly protectedSheets = new Set<string>();

  /** Writing values into `sheet` then throws, as WPS does for a protected sheet. */
  protectSheet(sheet: string): void {
    this.protectedSheets.add(sheet);
  }

  isProtected(sheet: string): boolean {
    return this.protectedSheets.has(sheet);
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  get activeSheet(): string {
    return this.sheets[this.active]!.name;
  }

  cell(sheet: string, address: string): EtCellState {
    const { row, column } = parseCell(address);
    return { ...this.sheet(sheet).peek(row, column) };
  }

  columnWidth(sheet: string, column: number): number | undefined {
    return this.sheet(sheet).columnWidths.get(column);
  }

  validations(sheet: string): EtValidationRecord[] {
    return [...this.sheet(sheet).validations];
  }

  /** Types `values` into the sheet from `at`, as a person would (not counted); null leaves a cell as it is. */
  type(sheet: string, at: string, values: readonly (readonly unknown[])[]): void {
    const origin = parseCell(at);
    const target = this.sheet(sheet);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        Object.assign(target.cell(origin.row + r, origin.column + c), typed(value));
      }),
    );
  }

  /** Every sheet's cells from A1 to its used range's end, as Value2 shows them ("" for a formula). */
  grids(): { name: string; values: (string | number | boolean | null)[][] }[] {
    return this.sheets.map((sheet) => {
      const used = sheet.usedRect();
      const values: (string | number | boolean | null)[][] = [];
      for (let row = 0; row <= used.bottom; row += 1) {
        const line: (string | number | boolean | null)[] = [];
        for (let column = 0; column <= used.right; column += 1) line.push(sheet.peek(row, column).value);
        values.push(line);
      }
      return { name: sheet.name, values };
    });
  }

  /** The used range of a sheet as an address ("A1:M40"). */
  usedAddress(sheet: string): string {
    return rectAddress(this.sheet(sheet).usedRect());
  }

  private sheet(name: string): FakeSheet {
    const found = this.sheets.find((sheet) => sheet.name === name);
    if (!found) throw new Error(`ET stand-in: no sheet named ${name}`);
    return found;
  }

  // ——— the subset ———

  /** A host object exposing exactly `members`; anything else throws. */
  private strict(kind: string, members: Record<string, Member>): object {
    const count = () => {
      this.hostCalls += 1;
    };
    return new Proxy(
      {},
      {
        get: (_target, property) => {
          if (typeof property === "symbol") return undefined;
          const member = members[property];
          if (member?.get) {
            count();
            return member.get();
          }
          if (member?.call) {
            const call = member.call;
            return (...args: unknown[]) => {
              count();
              return call(...args);
            };
          }
          throw new Error(`ET stand-in: ${kind}.${property} is outside the subset src/wps may use`);
        },
        set: (_target, property, value) => {
          const member = typeof property === "string" ? members[property] : undefined;
          if (!member?.set) throw new Error(`ET stand-in: ${kind}.${String(property)} cannot be set`);
          count();
          this.hostWrites += 1;
          member.set(value);
          return true;
        },
        has: (_target, property) => typeof property === "string" && property in members,
      },
    );
  }

  private worksheets(): object {
    return this.strict("Worksheets", {
      Count: { get: () => this.sheets.length },
      Item: {
        call: (index) => {
          const sheet =
            typeof index === "number"
              ? this.sheets[index - 1]
              : this.sheets.find((candidate) => candidate.name.toLowerCase() === String(index).toLowerCase());
          if (!sheet) throw new Error(`ET stand-in: Worksheets.Item(${JSON.stringify(index)}) does not exist`);
          return this.worksheet(sheet);
        },
      },
      Add: {
        call: (...args) => {
          if (args.length > 0) throw new Error("ET stand-in: the subset has Worksheets.Add() without arguments");
          this.hostWrites += 1;
          let n = this.sheets.length + 1;
          while (this.sheets.some((sheet) => sheet.name === `Sheet${n}`)) n += 1;
          const sheet = new FakeSheet(`Sheet${n}`);
          this.sheets.splice(this.active, 0, sheet);
          return this.worksheet(sheet);
        },
      },
    });
  }

  private worksheet(sheet: FakeSheet): object {
    return this.strict("Worksheet", {
      Name: {
        get: () => sheet.name,
        set: (value) => {
          const name = String(value);
          if (this.sheets.some((other) => other !== sheet && other.name.toLowerCase() === name.toLowerCase())) {
            throw new Error(`ET stand-in: a sheet named ${name} exists`);
          }
          sheet.name = name;
        },
      },
      UsedRange: { get: () => this.range(sheet, sheet.usedRect()) },
      Range: { call: (address) => this.range(sheet, parseRange(String(address))) },
      ...(this.sheetProtection ? this.protectionMembers(sheet) : {}),
    });
  }

  /** VBA's Worksheet.Protect() and Unprotect() without a password. */
  private protectionMembers(sheet: FakeSheet): Record<string, Member> {
    const change =
      (protect: boolean) =>
      (...args: unknown[]) => {
        if (args.length > 0) throw new Error("ET stand-in: Protect() and Unprotect() are modelled without arguments");
        this.hostWrites += 1;
        if (protect) this.protectedSheets.add(sheet.name);
        else this.protectedSheets.delete(sheet.name);
      };
    return { Protect: { call: change(true) }, Unprotect: { call: change(false) } };
  }

  private each(rect: Rect, apply: (cell: EtCellState, row: number, column: number) => void, sheet: FakeSheet): void {
    for (let row = rect.top; row <= rect.bottom; row += 1) {
      for (let column = rect.left; column <= rect.right; column += 1) apply(sheet.cell(row, column), row, column);
    }
  }

  private read(sheet: FakeSheet, rect: Rect, pick: (cell: EtCellState) => unknown): unknown {
    const rows: unknown[][] = [];
    for (let row = rect.top; row <= rect.bottom; row += 1) {
      const line: unknown[] = [];
      for (let column = rect.left; column <= rect.right; column += 1) line.push(pick(sheet.peek(row, column)));
      rows.push(line);
    }
    return rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : rows;
  }

  private write(sheet: FakeSheet, rect: Rect, matrix: unknown): void {
    if (this.protectedSheets.has(sheet.name)) throw new Error(`ET stand-in: ${sheet.name} is protected`);
    const rows = rect.bottom - rect.top + 1;
    const columns = rect.right - rect.left + 1;
    const shapeOk =
      Array.isArray(matrix) &&
      matrix.length === rows &&
      matrix.every((row) => Array.isArray(row) && row.length === columns);
    if (!shapeOk) throw new Error(`ET stand-in: write a ${rows}×${columns} array to ${rectAddress(rect)}`);
    this.each(
      rect,
      (cell, row, column) => Object.assign(cell, typed((matrix as unknown[][])[row - rect.top]![column - rect.left])),
      sheet,
    );
  }

  private range(sheet: FakeSheet, rect: Rect): object {
    const all = (apply: (cell: EtCellState) => void) => this.each(rect, apply, sheet);
    return this.strict("Range", {
      Row: { get: () => rect.top + 1 },
      Column: { get: () => rect.left + 1 },
      Rows: { get: () => this.strict("Rows", { Count: { get: () => rect.bottom - rect.top + 1 } }) },
      Columns: { get: () => this.strict("Columns", { Count: { get: () => rect.right - rect.left + 1 } }) },
      Value2: {
        get: () => this.read(sheet, rect, (cell) => (cell.value === null ? undefined : cell.value)),
        set: (matrix) => this.write(sheet, rect, matrix),
      },
      Formula: {
        get: () => this.read(sheet, rect, (cell) => cell.formula ?? (cell.value === null ? "" : String(cell.value))),
        set: (matrix) => this.write(sheet, rect, matrix),
      },
      NumberFormat: { set: (format) => all((cell) => (cell.numberFormat = String(format))) },
      WrapText: { set: (wrap) => all((cell) => (cell.wrapText = Boolean(wrap))) },
      ColumnWidth: {
        set: (width) => {
          for (let column = rect.left; column <= rect.right; column += 1) sheet.columnWidths.set(column, Number(width));
        },
      },
      Font: { get: () => this.strict("Font", { Bold: { set: (bold) => all((cell) => (cell.bold = Boolean(bold))) } }) },
      Interior: {
        get: () => this.strict("Interior", { Color: { set: (color) => all((cell) => (cell.fill = Number(color))) } }),
      },
      Validation: {
        get: () =>
          this.strict("Validation", {
            Add: {
              call: (type, _alertStyle, _operator, formula1) => {
                if (typeof type !== "number" || typeof formula1 !== "string") {
                  throw new Error("ET stand-in: Validation.Add(Type, AlertStyle, Operator, Formula1)");
                }
                this.hostWrites += 1;
                sheet.validations.push({ address: rectAddress(rect), type, formula1 });
              },
            },
          }),
      },
    });
  }
}
