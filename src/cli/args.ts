/** A small argument parser: positional words, `--flag`, `--key value` and `--key=value`. */
import { CliError } from "./errors";

export interface ParsedArgs {
  positional: string[];
  /** The last value of each option, or true for a flag. */
  options: Map<string, string | true>;
  /** Every value of each valued option, in order, with comma-separated values split. */
  lists: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!valued.has(key)) {
      options.set(key, true);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) {
      throw new CliError(`选项 --${key} 需要一个值。`);
    }
    if (inline === undefined) i += 1;
    options.set(key, value);
    lists.set(key, [...(lists.get(key) ?? []), ...value.split(/[,，、]/).filter(Boolean)]);
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
    throw new CliError(`选项 --${name} 只能是 ${allowed.join("、")}。`);
  }
  return value as T;
}
