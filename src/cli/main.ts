/**
 * zhuanbao: the pipeline over .xlsx files.
 *   zhuanbao template [--sample] --out FILE.xlsx
 *   zhuanbao check FILE.xlsx [--format text|json]
 *   zhuanbao generate [FILE.xlsx] [--format text|json] [--strict]
 * Exit codes: 0 done; 1 errors found (check; generate --strict); 2 the command could not run.
 */
import { resolve } from "node:path";
import {
  analyzeWorkbook,
  categoryNames,
  countBySeverity,
  hasErrors,
  issueLine,
  kaijuBahao,
  settingsSheetName,
  workbookGrids,
  type Analysis,
  type SheetGrid,
} from "../core";
import { choice, parseArgs } from "./args";
import { CliError } from "./errors";
import { readWorkbookFile } from "./xlsx-read";
import { gridsToWorkbook } from "./xlsx-write";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const usage = `专报助手命令行 zhuanbao

用法：
  zhuanbao template [--sample] --out 文件.xlsx      生成填报模板（--sample 带示例数据）
  zhuanbao check 文件.xlsx [--format text|json]      校验数据，列出每个问题所在单元格
  zhuanbao generate [文件.xlsx] [--format text|json] [--strict]
                                                     生成专报文字；不给文件时使用内置示例

退出码：0 完成；1 发现错误（check，或 generate --strict）；2 无法执行（文件缺失、格式不对等）。
`;

const valuedOptions = new Set(["out", "format"]);

function summaryLine(analysis: Analysis): string {
  const counts = countBySeverity(analysis.issues);
  if (analysis.issues.length === 0) return "未发现问题。";
  return `共 ${analysis.issues.length} 个问题：错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个。`;
}

/** A workbook with none of the expected sheets is not a 专报 workbook at all. */
function requireBulletinSheets(grids: readonly SheetGrid[], path: string): void {
  const names = new Set(grids.map((grid) => grid.name.trim()));
  const expected = [settingsSheetName, ...categoryNames];
  if (!expected.some((name) => names.has(name))) {
    throw new CliError(
      `“${path}”中没有专报所需的工作表（${expected.join("、")}），请用 zhuanbao template 生成的模板填报。`,
    );
  }
}

async function loadWorkbook(path: string): Promise<SheetGrid[]> {
  const grids = await readWorkbookFile(path);
  requireBulletinSheets(grids, path);
  return grids;
}

async function templateCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const out = args.options.get("out");
  if (typeof out !== "string") throw new CliError("请用 --out 指定要生成的文件，如 --out 专报模板.xlsx。");
  const sample = args.options.has("sample");
  const workbook = gridsToWorkbook(workbookGrids(kaijuBahao, { sample, formulas: "plain" }));
  try {
    await workbook.xlsx.writeFile(out);
  } catch (error) {
    throw new CliError(
      `无法写入“${out}”（${(error as NodeJS.ErrnoException).code ?? "未知原因"}），文件可能正在 Excel 中打开。`,
    );
  }
  io.out(`已生成${sample ? "示例" : "填报模板"}：${resolve(out)}\n`);
  return 0;
}

async function checkCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const path = args.positional[0];
  if (!path) throw new CliError("请指定要校验的工作簿，如 zhuanbao check 专报数据.xlsx。");
  const format = choice(args.options.get("format"), ["text", "json"] as const, "text", "format");
  const analysis = analyzeWorkbook(await loadWorkbook(path));
  if (format === "json") io.out(`${JSON.stringify(analysis.issues, null, 2)}\n`);
  else io.out([...analysis.issues.map(issueLine), summaryLine(analysis)].join("\n") + "\n");
  return hasErrors(analysis.issues) ? 1 : 0;
}

function generatedText(analysis: Analysis): string {
  return ["【主要指标】", ...analysis.sections.map((section) => section.text)].join("\n") + "\n";
}

async function generateCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const path = args.positional[0];
  const format = choice(args.options.get("format"), ["text", "json"] as const, "text", "format");
  const grids = path ? await loadWorkbook(path) : workbookGrids(kaijuBahao, { sample: true, formulas: "plain" });
  const analysis = analyzeWorkbook(grids);
  if (format === "json") {
    const sections = analysis.sections.map(({ category, title, text }) => ({ category, title, text }));
    io.out(`${JSON.stringify({ sections, issues: analysis.issues }, null, 2)}\n`);
  } else {
    io.out(generatedText(analysis));
    if (analysis.issues.length > 0)
      io.err([...analysis.issues.map(issueLine), summaryLine(analysis)].join("\n") + "\n");
  }
  return args.options.has("strict") && hasErrors(analysis.issues) ? 1 : 0;
}

const commands: Record<string, (args: ReturnType<typeof parseArgs>, io: Io) => Promise<number>> = {
  template: templateCommand,
  check: checkCommand,
  generate: generateCommand,
};

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.out(usage);
    return command ? 0 : 2;
  }
  const run = commands[command];
  try {
    if (!run) throw new CliError(`未知命令“${command}”。\n\n${usage}`);
    return await run(parseArgs(rest, valuedOptions), io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    io.err(`发生意外错误：${(error as Error).message}\n`);
    return 2;
  }
}
