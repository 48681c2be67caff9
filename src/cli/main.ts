/**
 * zhuanbao: the pipeline over .xlsx files.
 *   zhuanbao template [--sample | --unit 类别,…] --out FILE.xlsx
 *   zhuanbao merge MASTER.xlsx UNIT.xlsx … --out MERGED.xlsx [--prefer master|unit] [--add-rows]
 *   zhuanbao check FILE.xlsx [--format text|json]
 *   zhuanbao generate [FILE.xlsx] [--format text|json|html|docx] [--out FILE] [--strict]
 *   zhuanbao doctor https://host/path/ [--format text|json]
 *   zhuanbao next FILE.xlsx --out NEXT.xlsx
 *   zhuanbao history FILE.xlsx [--format csv|json] [--out FILE]
 * Exit codes: 0 done; 1 errors found (check; generate --strict; next on a workbook with errors; history with errors;
 * a doctor check that failed); 2 the command could not run.
 */
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type ExcelJS from "exceljs";
import {
  analyzeWorkbook,
  bulletinDocument,
  bulletinHtml,
  bulletinPlainText,
  categorySheetNames,
  countBySeverity,
  hasErrors,
  historySheetName,
  issueLine,
  kaijuBahao,
  notAReturn,
  planMerge,
  returnLabels,
  settingsSheetName,
  unitFormGrids,
  workbookGrids,
  type ReturnSource,
  workbookSheetNames,
  type UnitReturn,
  type Analysis,
  type SheetGrid,
  escapeControlCharacters,
  planNextPeriod,
  type NextPeriodPlan,
} from "../core";
import { inputAt, writeFileAtomic } from "../files/atomic-write";
import { renderBulletinDocx } from "../files/export-docx";
import { choice, nearest, parseCommandLine, type OptionSpecs, type ParsedArgs } from "./args";
import { CliError, FileRefusal, writeError } from "./errors";
import { mergeReportText } from "./merge-report";
import { doctorCommand, doctorDetails, doctorOptions, doctorUsage } from "./doctor";
import { historyDetails, historyExport, historyOptions, historyUsage } from "./history";
import { loadWorkbookFile, readWorkbookFile } from "./xlsx-read";
import { addSheet, gridsToWorkbook, workbookBytes } from "../files/xlsx-write";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const exitCodes =
  "退出码：0 完成；1 发现错误（check，generate --strict，next 因错误拒绝，history 的历史数据有错误，doctor 有未通过的项）；2 无法执行（文件缺失、格式不对、选项有误等）。";

function summaryLine(analysis: Analysis): string {
  const counts = countBySeverity(analysis.issues);
  if (analysis.issues.length === 0) return "未发现问题。";
  return `共 ${analysis.issues.length} 个问题：错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个。`;
}

/** A workbook with none of the expected sheets is not a 专报 workbook at all (told from its sheet names). */
function bulletinSheetsCheck(path: string) {
  return (sheetNames: readonly string[]): string | undefined => {
    const names = new Set(sheetNames.map((name) => name.trim()));
    const expected = [settingsSheetName, ...categorySheetNames(kaijuBahao)];
    if (expected.some((name) => names.has(name))) return undefined;
    return `“${path}”中没有专报所需的工作表（${expected.join("、")}），请用 zhuanbao template 生成的模板填报。`;
  };
}

async function loadWorkbook(path: string): Promise<SheetGrid[]> {
  return readWorkbookFile(path, bulletinSheetsCheck(path));
}

/** Every output goes through here: a temporary file beside `out`, then a rename (nothing half-written). */
async function writeOutput(out: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFileAtomic(out, data);
  } catch (error) {
    throw writeError(out, error);
  }
}

async function writeWorkbook(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  await writeOutput(out, await workbookBytes(workbook));
}

function requireOut(args: ParsedArgs, example: string): string {
  const out = args.options.get("out");
  if (typeof out !== "string") throw new CliError(`请用 --out 指定要生成的文件，如 --out ${example}。`);
  return out;
}

/** Refuses an --out that is one of the inputs: the same file by device and inode, so links count too. */
async function refuseOutOverInput(out: string, inputs: readonly string[]): Promise<void> {
  const input = await inputAt(out, inputs);
  if (input === undefined) return;
  const same = resolve(input) === resolve(out) ? "就是" : "与";
  const link = same === "与" ? "是同一个文件（经由链接）" : "";
  throw new CliError(`--out“${out}”${same}输入文件“${input}”${link}，请另选一个文件名，输入文件不会被改动。`);
}

/** What the sheets lacked when a workbook yields no bulletin at all: missing sheets, or no usable rows. */
function nothingToGenerate(path: string, sheetNames: readonly string[]): CliError {
  const names = new Set(sheetNames.map((name) => name.trim()));
  const expected = workbookSheetNames(kaijuBahao);
  const present = expected.filter((name) => names.has(name));
  const missing = expected.filter((name) => !names.has(name));
  const parts = [
    present.length > 0 ? `已有的工作表${present.join("、")}中没有可写入专报的指标或文字` : "",
    missing.length > 0 ? `缺少工作表${missing.join("、")}` : "",
  ].filter((part) => part !== "");
  return new CliError(`“${path}”生成不出专报：${parts.join("，")}，请按 zhuanbao template 生成的模板填报后再试。`);
}

async function templateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const out = requireOut(args, "专报模板.xlsx");
  const units = args.lists.get("unit");
  if (units) {
    const form = unitFormGrids(kaijuBahao, units);
    if (!form.ok)
      throw new CliError(`没有类别“${form.unknown.join("、")}”，可选：${categorySheetNames(kaijuBahao).join("、")}。`);
    await writeWorkbook(await gridsToWorkbook(form.grids, { unitForm: true }), out);
    io.out(`已生成报送表（${units.join("、")}）：${resolve(out)}\n`);
    return 0;
  }
  const sample = args.options.has("sample");
  await writeWorkbook(await gridsToWorkbook(workbookGrids(kaijuBahao, { sample, formulas: "plain" })), out);
  io.out(`已生成${sample ? "示例" : "填报模板"}：${resolve(out)}\n`);
  return 0;
}

async function mergeCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [masterPath, ...unitPaths] = args.positional;
  if (!masterPath || unitPaths.length === 0) {
    throw new CliError("请指定总表和至少一份报送表，如 zhuanbao merge 总表.xlsx 城乡局.xlsx --out 合并.xlsx。");
  }
  const out = requireOut(args, "合并.xlsx");
  const prefer = choice(args.options.get("prefer"), ["master", "unit"] as const, "master", "prefer");
  const format = choice(args.options.get("format"), ["text", "json"] as const, "text", "format");
  await refuseOutOverInput(out, [masterPath, ...unitPaths]);
  const master = await loadWorkbookFile(masterPath, bulletinSheetsCheck(masterPath));

  const sources: ReturnSource[] = [];
  const unreadable: { unit: string; reason: string }[] = [];
  for (const path of unitPaths) {
    try {
      const grids = await readWorkbookFile(path, (names) => notAReturn(names) ?? undefined);
      sources.push({ fileName: basename(path), grids });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      unreadable.push({ unit: basename(path), reason: error instanceof FileRefusal ? error.reason : error.message });
    }
  }
  const labels = returnLabels(sources);
  const returns: UnitReturn[] = sources.map((source, i) => ({ label: labels[i]!, grids: source.grids }));
  const plan = planMerge(master.grids, returns, { prefer, addRows: args.options.has("add-rows") });
  plan.rejected = [...unreadable.map((entry) => ({ ...entry, issues: [] })), ...plan.rejected];
  if (plan.merged.length > 0) {
    for (const edit of plan.edits) master.workbook.getWorksheet(edit.sheet)!.getCell(edit.cell).value = edit.value;
    await writeWorkbook(master.workbook, out);
  }
  if (format === "json") io.out(`${JSON.stringify(plan, null, 2)}\n`);
  else io.out(mergeReportText(plan, resolve(out)).join("\n") + "\n");
  return plan.rejected.length > 0 ? 1 : 0;
}

async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const path = args.positional[0];
  if (!path) throw new CliError("请指定要校验的工作簿，如 zhuanbao check 专报数据.xlsx。");
  const format = choice(args.options.get("format"), ["text", "json"] as const, "text", "format");
  const analysis = analyzeWorkbook(await loadWorkbook(path));
  if (format === "json") io.out(`${JSON.stringify(analysis.issues, null, 2)}\n`);
  else io.out([...analysis.issues.map(issueLine), summaryLine(analysis)].join("\n") + "\n");
  return hasErrors(analysis.issues) ? 1 : 0;
}

const generatedKinds = { text: "文本", json: "JSON", html: "HTML", docx: "Word 文档" } as const;

async function generateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const path = args.positional[0];
  const format = choice(args.options.get("format"), ["text", "json", "html", "docx"] as const, "text", "format");
  const out = format === "docx" ? requireOut(args, "专报.docx") : args.options.get("out");
  if (typeof out === "string" && path) await refuseOutOverInput(out, [path]);
  const grids = path ? await loadWorkbook(path) : workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
  const analysis = analyzeWorkbook(grids);
  const document = bulletinDocument(analysis);
  const issueReport = [...analysis.issues.map(issueLine), summaryLine(analysis)].join("\n") + "\n";
  if (path && document.sections.length === 0) {
    if (analysis.issues.length > 0) io.err(issueReport);
    throw nothingToGenerate(
      path,
      grids.map((grid) => grid.name),
    );
  }
  const sections = analysis.sections.map(({ category, title, text }) => ({ category, title, text }));
  const output =
    format === "docx"
      ? await renderBulletinDocx(document)
      : format === "json"
        ? `${JSON.stringify({ sections, document, issues: analysis.issues }, null, 2)}\n`
        : format === "html"
          ? `${bulletinHtml(document)}\n`
          : bulletinPlainText(document);
  if (typeof out === "string") {
    await writeOutput(out, output);
    io.out(`已生成${generatedKinds[format]}：${resolve(out)}\n`);
  } else {
    io.out(output as string);
  }
  if (format !== "json" && analysis.issues.length > 0) io.err(issueReport);
  return args.options.has("strict") && hasErrors(analysis.issues) ? 1 : 0;
}

/** The plan applied to the loaded copy of the input: only the cells it names change. */
async function applyNextPeriod(workbook: ExcelJS.Workbook, plan: NextPeriodPlan): Promise<void> {
  if (plan.newSheet) await addSheet(workbook, plan.newSheet);
  const sheet = (name: string) => workbook.getWorksheet(name)!;
  for (const write of plan.writes) {
    const worksheet = sheet(write.sheet);
    write.values.forEach((row, i) =>
      row.forEach((value, j) => {
        worksheet.getCell(write.row + i + 1, write.column + j + 1).value = value === "" ? null : value;
      }),
    );
  }
  for (const format of plan.numberFormats) {
    const worksheet = sheet(format.sheet);
    for (let row = format.row; row < format.row + format.rows; row += 1) {
      worksheet.getCell(row + 1, format.column + 1).numFmt = format.numberFormat;
    }
  }
}

async function nextCommand(args: ParsedArgs, io: Io): Promise<number> {
  const path = args.positional[0];
  if (!path) throw new CliError("请指定本期的工作簿，如 zhuanbao next 专报数据.xlsx --out 下一期.xlsx。");
  const out = requireOut(args, "下一期.xlsx");
  await refuseOutOverInput(out, [path]);
  const loaded = await loadWorkbookFile(path, bulletinSheetsCheck(path));
  const outcome = planNextPeriod(loaded.grids);
  if (!outcome.ok) {
    io.err([outcome.reason, ...outcome.issues.map(issueLine), "未生成文件。"].join("\n") + "\n");
    return 1;
  }
  await applyNextPeriod(loaded.workbook, outcome.plan);
  await writeWorkbook(loaded.workbook, out);
  const { current, next } = outcome.plan;
  io.out(
    [
      ...outcome.plan.summary,
      `已生成第${next.issue}期（${next.year}年${next.month}月）的工作簿：${resolve(out)}；“${path}”（第${current.issue}期）未改动。`,
    ].join("\n") + "\n",
  );
  return 0;
}

/** A workbook without 历史数据 has nothing to export: told from its sheet names before it is read. */
function historySheetCheck(path: string) {
  return (sheetNames: readonly string[]): string | undefined =>
    sheetNames.some((name) => name.trim() === historySheetName)
      ? undefined
      : `“${path}”中没有“${historySheetName}”工作表，请先用“开始下一期”或按模板的表头建立它。`;
}

async function historyCommand(args: ParsedArgs, io: Io): Promise<number> {
  const path = args.positional[0];
  if (!path) throw new CliError("请指定工作簿，如 zhuanbao history 专报数据.xlsx --out 历史数据.csv。");
  const format = choice(args.options.get("format"), ["csv", "json"] as const, "csv", "format");
  const out = args.options.get("out");
  if (typeof out === "string") await refuseOutOverInput(out, [path]);
  const exported = historyExport(await readWorkbookFile(path, historySheetCheck(path)), format);
  const issueReport = exported.issues.map(issueLine).join("\n") + "\n";
  if (!exported.readable) {
    io.err(issueReport);
    throw new CliError(`“${path}”的“${historySheetName}”工作表读不出来，请按上面的提示修正表头。`);
  }
  if (typeof out === "string") {
    await writeOutput(out, exported.text);
    io.out(`已导出历史数据（${format.toUpperCase()}）：${resolve(out)}\n`);
  } else {
    io.out(exported.text);
  }
  if (format === "csv" && exported.issues.length > 0) io.err(issueReport);
  return hasErrors(exported.issues) ? 1 : 0;
}

interface Command {
  /** The command's lines in `zhuanbao --help`, and the start of its own help. */
  usage: string;
  /** What `zhuanbao <command> --help` adds: each option in a line. */
  details: string;
  options: OptionSpecs;
  maxPositional: number;
  positionalHint: string;
  run: (args: ParsedArgs, io: Io) => Promise<number>;
}

const outOption = (example: string) => ({ type: "string", example }) as const;

const commands: Record<string, Command> = {
  template: {
    usage: `  zhuanbao template [--sample] --out 文件.xlsx      生成填报模板（--sample 带示例数据）
  zhuanbao template --unit 城乡融合[,民生实事] --out 文件.xlsx
                                                     生成成员单位报送表（不需要加载项即可填写）`,
    details: `  --out 文件.xlsx      要生成的工作簿（必填）
  --sample             填入第2期示例数据
  --unit 类别[,类别]   只含所选类别的成员单位报送表，可写多次`,
    options: {
      out: outOption("专报模板.xlsx"),
      sample: { type: "boolean" },
      unit: { type: "string", multiple: true, example: "城乡融合" },
    },
    maxPositional: 0,
    positionalHint: "选项，不接受文件名",
    run: templateCommand,
  },
  merge: {
    usage: `  zhuanbao merge 总表.xlsx 报送表.xlsx … --out 合并.xlsx [--prefer master|unit] [--add-rows]
                                                     合并报送表：只填空单元格，冲突默认保留总表值`,
    details: `  --out 合并.xlsx      合并结果另存的文件（必填，不能是输入文件）
  --prefer master|unit 冲突时保留总表值（默认）或采用报送值
  --add-rows           把总表没有的指标添加到表末
  --format text|json   报告的格式`,
    options: {
      out: outOption("合并.xlsx"),
      prefer: { type: "string", example: "unit" },
      "add-rows": { type: "boolean" },
      format: { type: "string", example: "json" },
    },
    maxPositional: Infinity,
    positionalHint: "总表和报送表",
    run: mergeCommand,
  },
  check: {
    usage: "  zhuanbao check 文件.xlsx [--format text|json]      校验数据，列出每个问题所在单元格",
    details: "  --format text|json   问题列表的格式（json：每个问题一个对象）",
    options: { format: { type: "string", example: "json" } },
    maxPositional: 1,
    positionalHint: "一个工作簿",
    run: checkCommand,
  },
  generate: {
    usage: `  zhuanbao generate [文件.xlsx] [--format text|json|html|docx] [--out 文件] [--strict]
                                                     生成专报（全文）；不给文件时使用内置示例；
                                                     docx 须用 --out 指定 Word 文档`,
    details: `  --format text|json|html|docx  输出格式（默认 text）
  --out 文件           写入文件而不是打印（docx 必填，不能是输入的工作簿）
  --strict             发现错误时退出码为 1`,
    options: { format: { type: "string", example: "docx" }, out: outOption("专报.docx"), strict: { type: "boolean" } },
    maxPositional: 1,
    positionalHint: "一个工作簿",
    run: generateCommand,
  },
  next: {
    usage: `  zhuanbao next 文件.xlsx --out 下一期.xlsx       开始下一期：本期数据写入“历史数据”，期号加1、月份顺延，
                                                     清空本期值等，另存为新文件（有错误时拒绝）`,
    details: `  --out 下一期.xlsx    下一期的工作簿（必填，不能是输入文件；输入文件不会被改动）`,
    options: { out: outOption("下一期.xlsx") },
    maxPositional: 1,
    positionalHint: "一个工作簿",
    run: nextCommand,
  },
  history: {
    usage: historyUsage,
    details: historyDetails,
    options: historyOptions,
    maxPositional: 1,
    positionalHint: "一个工作簿",
    run: historyCommand,
  },
  doctor: {
    usage: doctorUsage,
    details: doctorDetails,
    options: doctorOptions,
    maxPositional: 1,
    positionalHint: "一个网址",
    run: doctorCommand,
  },
};

const commandNames = Object.keys(commands);

const usage = `专报助手命令行 zhuanbao

用法：
${Object.values(commands)
  .map((command) => command.usage)
  .join("\n")}

每个命令都可加 --help 查看选项，--version 查看版本。
${exitCodes}
`;

function commandHelp(name: string, command: Command): string {
  return `用法：\n${command.usage}\n\n选项：\n${command.details}\n  --help, -h           显示本说明\n  --version            显示版本\n\n${exitCodes}\n`;
}

/** The version in package.json, two folders up from both src/cli and build/cli. */
function version(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return `zhuanbao ${manifest.version}\n`;
}

function topLevel(argv: readonly string[], io: Io): number {
  const args = parseCommandLine(argv, { name: "zhuanbao", options: {}, maxPositional: 1, positionalHint: "一个命令" });
  if (args.options.has("version")) io.out(version());
  else if (args.positional[0] === "help" || args.options.has("help")) io.out(usage);
  else {
    io.out(usage);
    return 2;
  }
  return 0;
}

async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const [name = "", ...rest] = argv;
  if (name === "" || name.startsWith("-") || (name === "help" && rest.length === 0)) return topLevel(argv, io);
  if (name === "help") return runCommand([rest[0]!, "--help"], io);
  const command = commands[name];
  if (!command) {
    throw new CliError(
      `未知命令“${name}”，最接近的是 ${nearest(name, commandNames)}（可用：${commandNames.join("、")}；zhuanbao --help 列出用法）。`,
    );
  }
  const args = parseCommandLine(rest, { name: `zhuanbao ${name}`, ...command });
  if (args.options.has("help")) io.out(commandHelp(name, command));
  else if (args.options.has("version")) io.out(version());
  else return command.run(args, io);
  return 0;
}

/** What the CLI prints, with control characters from cells escaped (`\u001b`) so they never act on the terminal. */
function escapingIo(io: Io): Io {
  return {
    out: (text) => io.out(escapeControlCharacters(text)),
    err: (text) => io.err(escapeControlCharacters(text)),
  };
}

export async function main(argv: readonly string[], rawIo: Io = defaultIo): Promise<number> {
  const io = escapingIo(rawIo);
  try {
    return await runCommand(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    io.err(`发生意外错误：${(error as Error).message}\n`);
    return 2;
  }
}
