/**
 * Strict command-line parsing over `node:util` parseArgs: every option a command does not declare,
 * a valued option without its value, a flag given a value and a surplus word are refused with one
 * Chinese sentence (exit 2) that names the mistake and the nearest valid spelling.
 */
import { parseArgs } from "node:util";
import { CliError } from "./errors";

export interface OptionSpec {
  /** A valued option (`--out 文件`) or a flag (`--strict`). */
  type: "string" | "boolean";
  /** May be given more than once; every value is kept, comma-separated ones split. */
  multiple?: boolean;
  /** What the value looks like, for the "missing value" sentence: --out 合并.xlsx. */
  example?: string;
  short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  positional: string[];
  /** The last value of each valued option, or true for a flag given. */
  options: Map<string, string | true>;
  /** Every value of each multiple option, in order, with comma-separated values split. */
  lists: Map<string, string[]>;
}

/** Options every command and the bare `zhuanbao` accept. */
export const commonOptions: OptionSpecs = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
};

/** Levenshtein distance: how many single-character edits turn one word into the other. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `word` (the first of equals, so the caller's order breaks ties). */
export function nearest(word: string, candidates: readonly string[]): string {
  let best = candidates[0]!;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export interface CommandLine {
  /** How the command is called in messages: "zhuanbao generate". */
  name: string;
  options: OptionSpecs;
  /** At most this many positional words. */
  maxPositional: number;
  /** What the positional words are, for the surplus-word sentence: 一个工作簿. */
  positionalHint: string;
}

function missingValue(option: string, spec: OptionSpec, found?: string): CliError {
  const after = found === undefined ? "" : `（其后是 ${found}）`;
  return new CliError(`选项 --${option} 缺少值${after}，请写成 --${option} ${spec.example ?? "值"}。`);
}

export function parseCommandLine(argv: readonly string[], command: CommandLine): ParsedArgs {
  const specs: OptionSpecs = { ...command.options, ...commonOptions };
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [
        name,
        { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? { short: spec.short } : {}) },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (const token of tokens) {
    if (token.kind === "positional") {
      if (positional.length === command.maxPositional) {
        throw new CliError(
          `多余的参数“${token.value}”：${command.name} 只接受${command.positionalHint}（${command.name} --help 列出用法）。`,
        );
      }
      positional.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue;
    const spec = specs[token.name];
    if (!spec) {
      const valid = Object.keys(specs).map((name) => `--${name}`);
      throw new CliError(
        `${command.name} 没有选项 ${token.rawName}，最接近的是 ${nearest(token.rawName.replace(/^-+/, "--"), valid)}（${command.name} --help 列出全部选项）。`,
      );
    }
    if (spec.type === "boolean") {
      if (token.value !== undefined) {
        throw new CliError(`选项 ${token.rawName} 不带值，请去掉“=${token.value}”，只写 ${token.rawName}。`);
      }
      options.set(token.name, true);
      continue;
    }
    // parseArgs (non-strict) takes the next word as the value even when it is another option.
    if (token.value === undefined || token.value === "") throw missingValue(token.name, spec);
    if (!token.inlineValue && token.value.startsWith("-")) throw missingValue(token.name, spec, token.value);
    options.set(token.name, token.value);
    if (spec.multiple) {
      const list = lists.get(token.name) ?? [];
      for (const part of token.value.split(/[,，、]/)) if (part) list.push(part);
      lists.set(token.name, list);
    }
  }
  return { positional, options, lists };
}

export function choice<T extends string>(
  value: string | true | undefined,
  allowed: readonly T[],
  fallback: T,
  name: string,
): T {
  if (value === undefined) return fallback;
  if (value === true || !allowed.includes(value as T)) {
    const closest = value === true ? "" : `，最接近的是 ${nearest(value, allowed)}`;
    throw new CliError(`选项 --${name} 只能是 ${allowed.join("、")}${closest}。`);
  }
  return value as T;
}
