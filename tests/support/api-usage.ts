/**
 * Which Excel API members a source file uses, what requirement set each needs (the `[Api set: …]` tag
 * of its declaration in @types/office-js), and whether the use is guarded.
 *
 * "Guarded" means: the use sits in the true branch of an `if` (or `?:`) whose condition is a guard
 * call, alone or among the operands of `&&`. A guard call is `supportsExcelApi("x.y")` (ExcelApi) or
 * `….isSetSupported("Set", "x.y")`, with literal arguments; it covers members of that set up to x.y.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";

export const repositoryRoot = join(__dirname, "..", "..");

export interface RequirementSet {
  set: string;
  version: string;
}

export interface ApiUse {
  /** Fully qualified, e.g. Excel.Range.dataValidation. */
  member: string;
  file: string;
  line: number;
  /** null when the declaration names no requirement set (e.g. load, items). */
  requirement: RequirementSet | null;
  guardedBy: RequirementSet[];
}

export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The repository's compiler options (so @types/office-js is in scope). */
export function compilerOptions(): ts.CompilerOptions {
  const configPath = join(repositoryRoot, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath)).options;
}

/** A program over `files`; `virtual` adds in-memory sources (path → text) as if they were on disk. */
export function createProgram(files: readonly string[], virtual: Readonly<Record<string, string>> = {}): ts.Program {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => name in virtual || fileExists.call(host, name);
  host.readFile = (name) => virtual[name] ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) =>
    name in virtual
      ? ts.createSourceFile(name, virtual[name]!, language)
      : getSourceFile.call(host, name, language, ...rest);
  return ts.createProgram([...files, ...Object.keys(virtual)], options, host);
}

const apiSetTag = /\[Api set: (\w+) (\d+(?:\.\d+)*)/;

function requirementOf(declaration: ts.Declaration): RequirementSet | null {
  const text = declaration.getSourceFile().text.slice(declaration.getFullStart(), declaration.getStart());
  const match = apiSetTag.exec(text);
  return match ? { set: match[1]!, version: match[2]! } : null;
}

function literal(node: ts.Expression | undefined): string | null {
  return node && ts.isStringLiteralLike(node) ? node.text : null;
}

function guardOf(call: ts.CallExpression): RequirementSet | null {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  if (name === "supportsExcelApi") {
    const version = literal(call.arguments[0]);
    return version ? { set: "ExcelApi", version } : null;
  }
  if (name === "isSetSupported") {
    const [set, version] = [literal(call.arguments[0]), literal(call.arguments[1])];
    return set && version ? { set, version } : null;
  }
  return null;
}

/** The guard calls a condition asserts when it holds: the call itself, or the operands of `&&`. */
function guardsOf(condition: ts.Expression): RequirementSet[] {
  if (ts.isParenthesizedExpression(condition)) return guardsOf(condition.expression);
  if (ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...guardsOf(condition.left), ...guardsOf(condition.right)];
  }
  if (ts.isCallExpression(condition)) {
    const guard = guardOf(condition);
    return guard ? [guard] : [];
  }
  return [];
}

function within(node: ts.Node, branch: ts.Node): boolean {
  return node.pos >= branch.pos && node.end <= branch.end;
}

function enclosingGuards(node: ts.Node): RequirementSet[] {
  const guards: RequirementSet[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isIfStatement(current) && within(node, current.thenStatement)) guards.push(...guardsOf(current.expression));
    if (ts.isConditionalExpression(current) && within(node, current.whenTrue)) {
      guards.push(...guardsOf(current.condition));
    }
  }
  return guards;
}

function declarationOf(checker: ts.TypeChecker, node: ts.Node, symbol: ts.Symbol): ts.Declaration | undefined {
  // For a call, the overload actually chosen.
  const call = node.parent;
  if (ts.isPropertyAccessExpression(node) && call && ts.isCallExpression(call) && call.expression === node) {
    const declaration = checker.getResolvedSignature(call)?.declaration;
    if (declaration && !ts.isJSDocSignature(declaration)) return declaration;
  }
  return symbol.declarations?.[0];
}

function memberSymbol(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  if (ts.isPropertyAccessExpression(node)) return checker.getSymbolAtLocation(node.name);
  if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name)) {
    const type = checker.getContextualType(node.parent as ts.ObjectLiteralExpression);
    return type ? checker.getPropertyOfType(checker.getNonNullableType(type), node.name.text) : undefined;
  }
  return undefined;
}

/** Every use of a member of the `Excel` namespace in `file`. */
export function excelApiUses(program: ts.Program, file: string): ApiUse[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`not in the program: ${file}`);
  const uses: ApiUse[] = [];
  const visit = (node: ts.Node): void => {
    const symbol = memberSymbol(checker, node);
    if (symbol) {
      const member = checker.getFullyQualifiedName(symbol);
      const declaration = declarationOf(checker, node, symbol);
      if (member.startsWith("Excel.") && declaration) {
        uses.push({
          member,
          file,
          line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          requirement: requirementOf(declaration),
          guardedBy: enclosingGuards(node),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

export function isAboveBaseline(requirement: RequirementSet | null, baseline: RequirementSet): boolean {
  if (!requirement) return false;
  return requirement.set !== baseline.set || compareVersions(requirement.version, baseline.version) > 0;
}

export function isGuarded(use: ApiUse): boolean {
  const { requirement } = use;
  return (
    requirement !== null &&
    use.guardedBy.some(
      (guard) => guard.set === requirement.set && compareVersions(guard.version, requirement.version) >= 0,
    )
  );
}

/** Uses above the baseline that no guard covers. */
export function unguardedUses(uses: readonly ApiUse[], baseline: RequirementSet): ApiUse[] {
  return uses.filter((use) => isAboveBaseline(use.requirement, baseline) && !isGuarded(use));
}

export function readBaseline(): RequirementSet {
  const budget = JSON.parse(readFileSync(join(repositoryRoot, "budgets", "api-sets.json"), "utf8")) as {
    baseline: RequirementSet;
  };
  return budget.baseline;
}
