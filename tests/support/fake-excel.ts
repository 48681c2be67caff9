/**
 * A strict stand-in for the part of Office.js the adapter (src/excel) uses, modelled on its semantics:
 * - objects are proxies: reading a property before `load()` + `context.sync()` throws PropertyNotLoaded;
 * - every write and method call is queued and applied, in order, at `context.sync()` (which is counted);
 *   a failing command rejects the sync with an Office-style error ({ code }) and drops the rest;
 * - members above the ExcelApi version the fake reports fail at sync with ApiNotFound;
 * - getItemOrNullObject (ExcelApi 1.4) gives a worksheet whose isNullObject is known after the sync; what
 *   is asked of a null object is null too, and reading a property of it (rather than isNullObject) throws;
 * - touching any member the fake does not model throws at once, so the adapter cannot drift past it.
 * The fake does not calculate: a formula written through the API reads back as "" in `values`.
 */
import { columnLetter, parseAddress, type SheetGrid } from "../../src/core";

export interface FakeCell {
  value: string | number | boolean;
  /** "=…" for formula cells. */
  formula: string | null;
  numberFormat: string;
  bold: boolean;
  fill: string | null;
  wrapText: boolean;
}

/** Zero-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeTable {
  address: string;
  hasHeaders: boolean;
}

export interface FakeAlignment {
  horizontal?: string;
  vertical?: string;
}

export interface FakeValidation {
  address: string;
  rule: unknown;
}

export interface FakeOptions {
  /** The ExcelApi version the host reports, "1.1" for Excel 2016 without updates. */
  excelApi?: string;
  /** Whether CustomFunctionsRuntime 1.1 is reported. */
  customFunctions?: boolean;
}

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Orders "1.4" before "1.10". */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

const blankCell = (): FakeCell => ({
  value: "",
  formula: null,
  numberFormat: "General",
  bold: false,
  fill: null,
  wrapText: false,
});

function isUsed(cell: FakeCell): boolean {
  // As in Excel, formatting alone makes a cell part of the used range.
  return (
    cell.value !== "" ||
    cell.formula !== null ||
    cell.numberFormat !== "General" ||
    cell.bold ||
    cell.fill !== null ||
    cell.wrapText
  );
}

function rectAddress(rect: Rect): string {
  const start = `${columnLetter(rect.left)}${rect.top + 1}`;
  const end = `${columnLetter(rect.right)}${rect.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

function qualifiedSheetName(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "B2:D9", optionally "Sheet!…" or "'My Sheet'!…". */
function parseRangeAddress(address: string): { sheet: string | null; rect: Rect } | null {
  const match = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?$/i.exec(address.trim());
  if (!match) return null;
  const start = parseAddress(match[3]!);
  const end = parseAddress(match[4] ?? match[3]!);
  if (!start || !end) return null;
  const sheet = match[1]?.replace(/''/g, "'") ?? match[2] ?? null;
  return {
    sheet,
    rect: {
      top: Math.min(start.row, end.row),
      left: Math.min(start.column, end.column),
      bottom: Math.max(start.row, end.row),
      right: Math.max(start.column, end.column),
    },
  };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

class SheetState {
  readonly cells = new Map<string, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly tables: (FakeTable & { rect: Rect })[] = [];
  readonly validations: (FakeValidation & { rect: Rect })[] = [];
  /** Alignments by "row,column", kept beside the cells: they do not make a cell part of the used range. */
  readonly alignments = new Map<string, FakeAlignment>();
  frozenRows = 0;
  /** Worksheet protection: writes of values, formulas and number formats fail with AccessDenied. */
  protected = false;

  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell {
    return this.cells.get(`${row},${column}`) ?? blankCell();
  }

  update(row: number, column: number, change: Partial<FakeCell>): void {
    const next = { ...this.cell(row, column), ...change };
    if (isUsed(next)) this.cells.set(`${row},${column}`, next);
    else this.cells.delete(`${row},${column}`);
  }

  /** Excel's used range; A1 for a blank sheet. */
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

interface WorkbookState {
  sheets: SheetState[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  structureProtected: boolean;
}

/** Commands of one batch, applied at sync. */
class Batch {
  private queue: (() => void)[] = [];
  syncCount = 0;
  writeCount = 0;
  failNext: string | null = null;
  /** The first sync that carries a write fails with this code, before applying anything. */
  failWriting: string | null = null;
  private pendingWrites = false;

  constructor(
    readonly state: WorkbookState,
    readonly excelApi: string,
  ) {}

  enqueue(command: () => void): void {
    this.queue.push(command);
  }

  write(command: () => void): void {
    this.pendingWrites = true;
    this.enqueue(() => {
      command();
      this.writeCount += 1;
    });
  }

  /** Queues the ApiNotFound a host of an older ExcelApi raises for `member`. */
  requires(version: string, member: string): void {
    if (compareVersions(this.excelApi, version) >= 0) return;
    this.enqueue(() => {
      throw new FakeOfficeError("ApiNotFound", `${member} needs ExcelApi ${version}; the host has ${this.excelApi}`);
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.syncCount += 1;
    const commands = this.queue;
    const writes = this.pendingWrites;
    this.queue = [];
    this.pendingWrites = false;
    if (this.failNext) {
      const code = this.failNext;
      this.failNext = null;
      throw new FakeOfficeError(code, `simulated ${code}`);
    }
    if (this.failWriting && writes) {
      const code = this.failWriting;
      this.failWriting = null;
      throw new FakeOfficeError(code, `simulated ${code}`);
    }
    for (const command of commands) command();
  }

  /** The sheet of that name, compared as Excel does (without regard to case), or null. */
  findSheet(name: string): SheetState | null {
    return this.state.sheets.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  sheet(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}`);
    return sheet;
  }
}

function findDescriptor(object: object, property: string): PropertyDescriptor | undefined {
  for (let current: object | null = object; current; current = Object.getPrototypeOf(current) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(current, property);
    if (descriptor) return descriptor;
  }
  return undefined;
}

/** Wraps a fake object so that touching a member it does not define throws at once. */
function strict<T extends object>(target: T, typeName: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === "symbol" || property === "then" || property === "toJSON") {
        return Reflect.get(object, property, receiver) as unknown;
      }
      const descriptor = findDescriptor(object, property);
      if (descriptor && (!descriptor.set || descriptor.get)) return Reflect.get(object, property, receiver) as unknown;
      throw new Error(`fake Excel does not model ${descriptor ? "reading " : ""}${typeName}.${property}`);
    },
    set(object, property, value, receiver) {
      if (typeof property === "symbol" || !(property in object)) {
        throw new Error(`fake Excel does not model ${typeName}.${String(property)}`);
      }
      return Reflect.set(object, property, value, receiver);
    },
  });
}

/** What a property of a null object holds once synced: reading it is the adapter's mistake. */
const ofNullObject = Symbol("of a null object");

/** Load bookkeeping: what was asked, and the snapshots taken at sync. */
class Loadable {
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly batch: Batch,
    private readonly typeName: string,
    private readonly loadableProperties: readonly string[],
  ) {}

  protected read(property: string): unknown {
    if (!this.loaded.has(property)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    const value = this.loaded.get(property);
    if (value === ofNullObject) {
      throw new Error(`fake Excel: ${this.typeName}.${property} of a null object was read; ask isNullObject first`);
    }
    return value;
  }

  protected requested(spec: string | string[]): string[] {
    const properties = (Array.isArray(spec) ? spec : spec.split(",")).map((p) => p.trim()).filter(Boolean);
    for (const property of properties) {
      if (!this.loadableProperties.includes(property)) {
        throw new Error(`fake Excel cannot load ${this.typeName}.${property}`);
      }
    }
    if (properties.length === 0) throw new Error(`fake Excel: ${this.typeName}.load() without properties`);
    return properties;
  }
}

class FakeRangeFont {
  constructor(private readonly range: FakeRange) {}
  set bold(value: boolean) {
    this.range.eachCell((sheet, row, column) => sheet.update(row, column, { bold: value }));
  }
}

class FakeRangeFill {
  constructor(private readonly range: FakeRange) {}
  set color(value: string) {
    this.range.eachCell((sheet, row, column) => sheet.update(row, column, { fill: value }));
  }
}

class FakeRangeFormat {
  constructor(
    private readonly batch: Batch,
    private readonly range: FakeRange,
  ) {}
  get font(): FakeRangeFont {
    return strict(new FakeRangeFont(this.range), "RangeFont");
  }
  get fill(): FakeRangeFill {
    return strict(new FakeRangeFill(this.range), "RangeFill");
  }
  set wrapText(value: boolean) {
    this.range.eachCell((sheet, row, column) => sheet.update(row, column, { wrapText: value }));
  }
  set horizontalAlignment(value: string) {
    this.align({ horizontal: value });
  }
  set verticalAlignment(value: string) {
    this.align({ vertical: value });
  }
  private align(change: FakeAlignment): void {
    this.range.eachCell((sheet, row, column) => {
      const key = `${row},${column}`;
      sheet.alignments.set(key, { ...sheet.alignments.get(key), ...change });
    });
  }
  set columnWidth(value: number) {
    this.batch.requires("1.2", "RangeFormat.columnWidth");
    this.batch.write(() => {
      const { sheet, rect } = this.range.resolve();
      for (let column = rect.left; column <= rect.right; column += 1) sheet.columnWidths.set(column, value);
    });
  }
}

class FakeDataValidation {
  constructor(
    private readonly batch: Batch,
    private readonly range: FakeRange,
  ) {}
  set rule(value: unknown) {
    this.batch.requires("1.8", "DataValidation.rule");
    this.batch.write(() => {
      const { sheet, rect } = this.range.resolve();
      if (sheet.validations.some((existing) => overlaps(existing.rect, rect))) {
        throw new FakeOfficeError("InvalidOperation", "The range already has data validation");
      }
      sheet.validations.push({ address: rectAddress(rect), rect, rule: value });
    });
  }
}

type Resolved = { sheet: SheetState; rect: Rect };

class FakeRange extends Loadable {
  /** `locate` gives null for a range of a null object (a worksheet from getItemOrNullObject that does not exist). */
  constructor(
    batch: Batch,
    private readonly locate: () => Resolved | null,
  ) {
    super(batch, "Range", ["values", "formulas", "numberFormat", "address", "rowCount", "columnCount"]);
  }

  resolve(): Resolved {
    const resolved = this.locate();
    if (!resolved) throw new Error("fake Excel does not model changing a range of a null object");
    return resolved;
  }

  eachCell(change: (sheet: SheetState, row: number, column: number) => void): void {
    this.batch.write(() => {
      const { sheet, rect } = this.resolve();
      for (let row = rect.top; row <= rect.bottom; row += 1) {
        for (let column = rect.left; column <= rect.right; column += 1) change(sheet, row, column);
      }
    });
  }

  private setCells(
    property: string,
    matrix: unknown,
    apply: (sheet: SheetState, r: number, c: number, v: unknown) => void,
  ) {
    this.batch.write(() => {
      const { sheet, rect } = this.resolve();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The sheet ${sheet.name} is protected`);
      const [rows, columns] = [rect.bottom - rect.top + 1, rect.right - rect.left + 1];
      if (
        !Array.isArray(matrix) ||
        matrix.length !== rows ||
        matrix.some((r) => !Array.isArray(r) || r.length !== columns)
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property})`,
        );
      }
      (matrix as unknown[][]).forEach((row, i) =>
        row.forEach((value, j) => {
          // A null leaves the cell as it is, as in Office.js.
          if (value !== null) apply(sheet, rect.top + i, rect.left + j, value);
        }),
      );
    });
  }

  private static input(sheet: SheetState, row: number, column: number, value: unknown): void {
    if (typeof value === "string" && value.startsWith("=")) sheet.update(row, column, { formula: value, value: "" });
    // An apostrophe marks what follows as text and is not part of the value.
    else if (typeof value === "string" && value.startsWith("'"))
      sheet.update(row, column, { formula: null, value: value.slice(1) });
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      sheet.update(row, column, { formula: null, value });
    } else throw new FakeOfficeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(value)}`);
  }

  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  set values(matrix: unknown[][]) {
    this.setCells("values", matrix, FakeRange.input);
  }

  get formulas(): unknown[][] {
    return this.read("formulas") as unknown[][];
  }
  set formulas(matrix: unknown[][]) {
    this.setCells("formulas", matrix, FakeRange.input);
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }
  set numberFormat(matrix: unknown[][]) {
    this.setCells("numberFormat", matrix, (sheet, row, column, value) => {
      if (typeof value !== "string") throw new FakeOfficeError("InvalidArgument", "A number format must be text");
      sheet.update(row, column, { numberFormat: value });
    });
  }

  get address(): string {
    return this.read("address") as string;
  }

  get rowCount(): number {
    return this.read("rowCount") as number;
  }

  get columnCount(): number {
    return this.read("columnCount") as number;
  }

  get format(): FakeRangeFormat {
    return strict(new FakeRangeFormat(this.batch, this), "RangeFormat");
  }

  get dataValidation(): FakeDataValidation {
    this.batch.requires("1.8", "Range.dataValidation");
    return strict(new FakeDataValidation(this.batch, this), "DataValidation");
  }

  load(spec: string | string[]): this {
    const properties = this.requested(spec);
    this.batch.enqueue(() => {
      const resolved = this.locate();
      if (!resolved) {
        for (const property of properties) this.loaded.set(property, ofNullObject);
        return;
      }
      const { sheet, rect } = resolved;
      const matrix = (pick: (cell: FakeCell) => unknown) =>
        Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) =>
          Array.from({ length: rect.right - rect.left + 1 }, (_, j) => pick(sheet.cell(rect.top + i, rect.left + j))),
        );
      const snapshots: Record<string, () => unknown> = {
        values: () => matrix((cell) => cell.value),
        formulas: () => matrix((cell) => cell.formula ?? cell.value),
        numberFormat: () => matrix((cell) => cell.numberFormat),
        address: () => `${qualifiedSheetName(sheet.name)}!${rectAddress(rect)}`,
        rowCount: () => rect.bottom - rect.top + 1,
        columnCount: () => rect.right - rect.left + 1,
      };
      for (const property of properties) this.loaded.set(property, snapshots[property]!());
    });
    return this;
  }

  select(): void {
    this.batch.write(() => {
      const { sheet, rect } = this.resolve();
      this.batch.state.activeSheet = sheet.name;
      this.batch.state.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }
}

class FakeTableCollection {
  constructor(
    private readonly batch: Batch,
    private readonly worksheet: () => SheetState,
  ) {}

  add(address: string, hasHeaders: boolean): object {
    if (typeof address !== "string")
      throw new Error("fake Excel models tables.add with a string address (ExcelApi 1.1)");
    this.batch.write(() => {
      const parsed = parseRangeAddress(address);
      if (!parsed) throw new FakeOfficeError("InvalidArgument", `Invalid table address ${address}`);
      // Office.js: an address without a sheet name means the active sheet, whichever collection is used.
      const sheetName = parsed.sheet ?? this.batch.state.activeSheet ?? this.worksheet().name;
      const sheet = this.batch.sheet(sheetName);
      if (sheet.tables.some((table) => overlaps(table.rect, parsed.rect))) {
        throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table");
      }
      sheet.tables.push({ address: rectAddress(parsed.rect), rect: parsed.rect, hasHeaders });
    });
    return strict({}, "Table");
  }
}

class FakeFreezePanes {
  constructor(
    private readonly batch: Batch,
    private readonly worksheet: () => SheetState,
  ) {}

  freezeRows(count: number): void {
    this.batch.requires("1.7", "WorksheetFreezePanes.freezeRows");
    this.batch.write(() => {
      this.worksheet().frozenRows = count;
    });
  }
}

class FakeWorksheetProtection {
  constructor(
    private readonly batch: Batch,
    private readonly worksheet: () => SheetState,
  ) {}

  protect(options?: unknown, ...rest: unknown[]): void {
    if (rest.length > 0) throw new Error("fake Excel models protect(options) without a password");
    if (options !== undefined && (typeof options !== "object" || options === null)) {
      throw new Error("fake Excel: protect's options must be an object");
    }
    this.batch.requires("1.2", "WorksheetProtection.protect");
    this.batch.write(() => {
      const sheet = this.worksheet();
      if (sheet.protected)
        throw new FakeOfficeError("InvalidOperation", `The sheet ${sheet.name} is already protected`);
      sheet.protected = true;
    });
  }

  unprotect(...args: unknown[]): void {
    if (args.length > 0) throw new Error("fake Excel models unprotect() without a password");
    this.batch.requires("1.2", "WorksheetProtection.unprotect");
    this.batch.write(() => {
      this.worksheet().protected = false;
    });
  }
}

class FakeWorksheet extends Loadable {
  /**
   * `locate` finds the sheet when a command runs: it throws ItemNotFound for getItem of a missing sheet,
   * and gives null for getItemOrNullObject's (`nullable`), whose isNullObject is then loaded at the sync.
   */
  constructor(
    batch: Batch,
    private readonly locate: () => SheetState | null,
    private readonly nullable = false,
  ) {
    super(batch, "Worksheet", ["name"]);
    if (nullable) this.batch.enqueue(() => this.loaded.set("isNullObject", this.locate() === null));
  }

  resolve(): SheetState {
    const sheet = this.locate();
    if (!sheet) throw new Error("fake Excel does not model changing a null worksheet");
    return sheet;
  }

  snapshotName(): void {
    const sheet = this.locate();
    this.loaded.set("name", sheet ? sheet.name : ofNullObject);
  }

  get name(): string {
    return this.read("name") as string;
  }

  get isNullObject(): boolean {
    if (!this.nullable) throw new Error("fake Excel models isNullObject on getItemOrNullObject's worksheets only");
    return this.read("isNullObject") as boolean;
  }

  get tables(): FakeTableCollection {
    return strict(new FakeTableCollection(this.batch, () => this.resolve()), "TableCollection");
  }

  get protection(): FakeWorksheetProtection {
    return strict(new FakeWorksheetProtection(this.batch, () => this.resolve()), "WorksheetProtection");
  }

  get freezePanes(): FakeFreezePanes {
    return strict(new FakeFreezePanes(this.batch, () => this.resolve()), "WorksheetFreezePanes");
  }

  load(spec: string | string[]): this {
    this.requested(spec);
    this.batch.enqueue(() => this.snapshotName());
    return this;
  }

  getRange(address: string): FakeRange {
    if (typeof address !== "string") throw new Error("fake Excel models getRange(address) only");
    return strict(
      new FakeRange(this.batch, () => {
        const parsed = parseRangeAddress(address);
        if (!parsed || parsed.sheet !== null)
          throw new FakeOfficeError("InvalidArgument", `Invalid address ${address}`);
        const sheet = this.locate();
        return sheet && { sheet, rect: parsed.rect };
      }),
      "Range",
    );
  }

  getUsedRange(...args: unknown[]): FakeRange {
    if (args.length > 0) throw new Error("fake Excel models getUsedRange() without valuesOnly (ExcelApi 1.1)");
    return strict(
      new FakeRange(this.batch, () => {
        const sheet = this.locate();
        return sheet && { sheet, rect: sheet.usedRect() };
      }),
      "Range",
    );
  }

  activate(): void {
    this.batch.write(() => {
      this.batch.state.activeSheet = this.resolve().name;
    });
  }
}

class FakeWorksheetCollection extends Loadable {
  constructor(batch: Batch) {
    super(batch, "WorksheetCollection", ["items", "items/name"]);
  }

  get items(): FakeWorksheet[] {
    return this.read("items") as FakeWorksheet[];
  }

  load(spec: string | string[]): this {
    const withNames = this.requested(spec).includes("items/name");
    this.batch.enqueue(() => {
      const items = this.batch.state.sheets.map((state) => {
        const worksheet = new FakeWorksheet(this.batch, () => state);
        if (withNames) worksheet.snapshotName();
        return strict(worksheet, "Worksheet");
      });
      this.loaded.set("items", items);
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return strict(new FakeWorksheet(this.batch, () => this.batch.sheet(name)), "Worksheet");
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    if (typeof name !== "string") throw new Error("fake Excel models getItemOrNullObject(name) only");
    this.batch.requires("1.4", "WorksheetCollection.getItemOrNullObject");
    return strict(new FakeWorksheet(this.batch, () => this.batch.findSheet(name), true), "Worksheet");
  }

  add(name: string): FakeWorksheet {
    if (typeof name !== "string") throw new Error("fake Excel models worksheets.add(name) only");
    this.batch.write(() => {
      const { state } = this.batch;
      if (state.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected");
      if (state.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${name} already exists`);
      }
      if (name.length > 31 || /[\\/?*[\]:]/.test(name) || name.trim() === "") {
        throw new FakeOfficeError("InvalidArgument", `Invalid worksheet name ${name}`);
      }
      state.sheets.push(new SheetState(name));
    });
    return strict(new FakeWorksheet(this.batch, () => this.batch.sheet(name)), "Worksheet");
  }
}

class FakeWorkbook {
  constructor(private readonly batch: Batch) {}
  get worksheets(): FakeWorksheetCollection {
    return strict(new FakeWorksheetCollection(this.batch), "WorksheetCollection");
  }
}

class FakeRequestContext {
  constructor(private readonly batch: Batch) {}
  get workbook(): FakeWorkbook {
    return strict(new FakeWorkbook(this.batch), "Workbook");
  }
  sync(): Promise<void> {
    return this.batch.sync();
  }
}

function cellFromGrid(value: unknown): Partial<FakeCell> | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "object" && "formula" in value) {
    const { formula, result } = value as { formula: string; result?: unknown };
    const cached =
      typeof result === "number" || typeof result === "string" || typeof result === "boolean" ? result : "";
    return { formula: `=${formula}`, value: cached };
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { value };
  throw new Error(`fake Excel cannot hold ${JSON.stringify(value)}`);
}

/** A workbook behind a fake Office.js; `install()` puts `Excel` and `Office` on the global object. */
export class FakeExcel {
  private readonly state: WorkbookState = { sheets: [], activeSheet: null, selection: null, structureProtected: false };
  private readonly excelApi: string;
  private readonly customFunctions: boolean;
  private failNext: string | null = null;
  private failWriting: string | null = null;
  /** Syncs made in all `Excel.run` batches so far. */
  syncCount = 0;
  /** Commands that changed the workbook (values, formats, sheets, selection…). */
  writeCount = 0;
  runCount = 0;

  constructor(grids: readonly SheetGrid[] = [], options: FakeOptions = {}) {
    this.excelApi = options.excelApi ?? "1.1";
    this.customFunctions = options.customFunctions ?? false;
    for (const grid of grids) {
      const sheet = new SheetState(grid.name);
      grid.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = cellFromGrid(value);
          if (cell) sheet.update(r + (grid.originRow ?? 0), c + (grid.originColumn ?? 0), cell);
        }),
      );
      this.state.sheets.push(sheet);
    }
    this.state.activeSheet = this.state.sheets[0]?.name ?? null;
  }

  /** Office.context.requirements.isSetSupported as this host answers it. */
  isSetSupported(name: string, minVersion = "1.1"): boolean {
    if (name === "ExcelApi") return compareVersions(this.excelApi, minVersion) >= 0;
    if (name === "CustomFunctionsRuntime") return this.customFunctions && compareVersions("1.1", minVersion) >= 0;
    return false;
  }

  async run<T>(batchFunction: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    if (typeof batchFunction !== "function") throw new Error("fake Excel models Excel.run(callback) only");
    this.runCount += 1;
    const batch = new Batch(this.state, this.excelApi);
    batch.failNext = this.failNext;
    batch.failWriting = this.failWriting;
    this.failNext = null;
    this.failWriting = null;
    try {
      const result = await batchFunction(strict(new FakeRequestContext(batch), "RequestContext"));
      // Excel.run flushes what the batch left queued.
      if (batch.pending > 0) await batch.sync();
      return result;
    } finally {
      this.syncCount += batch.syncCount;
      this.writeCount += batch.writeCount;
    }
  }

  install(): void {
    Object.assign(globalThis, {
      Excel: { run: this.run.bind(this) },
      Office: { context: { requirements: { isSetSupported: this.isSetSupported.bind(this) } } },
    });
  }

  static uninstall(): void {
    const global = globalThis as { Excel?: unknown; Office?: unknown };
    delete global.Excel;
    delete global.Office;
  }

  /** The next sync fails with this Office error code before applying anything. */
  failNextSyncWith(code: string): void {
    this.failNext = code;
  }

  /** The next run's first sync that carries a write fails with this code before applying anything. */
  failWritingSyncWith(code: string): void {
    this.failWriting = code;
  }

  /** Protects a sheet without a password, as a person or a written template would have. */
  protectSheet(name: string): void {
    this.sheetState(name).protected = true;
  }

  isProtected(name: string): boolean {
    return this.sheetState(name).protected;
  }

  protectStructure(): void {
    this.state.structureProtected = true;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((sheet) => sheet.name);
  }

  private sheetState(name: string): SheetState {
    const sheet = this.state.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  cell(sheet: string, address: string): FakeCell {
    const position = parseAddress(address);
    if (!position) throw new Error(`bad address ${address}`);
    return this.sheetState(sheet).cell(position.row, position.column);
  }

  /** Every non-blank cell of every sheet, by "Sheet!A1", for before/after comparisons. */
  snapshot(): Map<string, FakeCell> {
    const cells = new Map<string, FakeCell>();
    for (const sheet of this.state.sheets) {
      for (const [key, cell] of sheet.cells) {
        const [row, column] = key.split(",").map(Number) as [number, number];
        cells.set(`${sheet.name}!${columnLetter(column)}${row + 1}`, { ...cell });
      }
    }
    return cells;
  }

  /** Column width in points, or undefined when never set. */
  columnWidth(sheet: string, column: number): number | undefined {
    return this.sheetState(sheet).columnWidths.get(column);
  }

  tables(sheet: string): FakeTable[] {
    return this.sheetState(sheet).tables.map(({ address, hasHeaders }) => ({ address, hasHeaders }));
  }

  alignment(sheet: string, address: string): FakeAlignment {
    const position = parseAddress(address);
    if (!position) throw new Error(`bad address ${address}`);
    return this.sheetState(sheet).alignments.get(`${position.row},${position.column}`) ?? {};
  }

  frozenRows(sheet: string): number {
    return this.sheetState(sheet).frozenRows;
  }

  validations(sheet: string): FakeValidation[] {
    return this.sheetState(sheet).validations.map(({ address, rule }) => ({ address, rule }));
  }

  get activeSheet(): string | null {
    return this.state.activeSheet;
  }

  get selection(): { sheet: string; address: string } | null {
    return this.state.selection;
  }
}
