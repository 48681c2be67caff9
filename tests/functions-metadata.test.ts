/** dist/functions.json as Excel reads it: ids, Chinese descriptions, parameter types and shapes, help links. */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { readDist } from "./dist";

interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

let functions: FunctionMetadata[];

beforeAll(() => {
  functions = (JSON.parse(readDist("functions.json")) as { functions: FunctionMetadata[] }).functions;
});

const han = /[\u4e00-\u9fff]/;

/** Each function's parameters in order: name, optional, repeating. */
const signatures: Record<string, [string, boolean, boolean][]> = {
  COMPLETION: [
    ["actual", false, false],
    ["target", false, false],
  ],
  YOY: [
    ["current", false, false],
    ["prior", false, false],
  ],
  MOM: [
    ["current", false, false],
    ["previous", false, false],
  ],
  HISTORY: [
    ["history", false, false],
    ["indicator", false, false],
    ["year", false, false],
    ["month", false, false],
    ["column", true, false],
    ["category", true, false],
  ],
  PP: [
    ["rate", false, false],
    ["prior_rate", false, false],
  ],
  SCHEDULE: [
    ["month", false, false],
    ["year", true, false],
    ["by_days", true, false],
  ],
  STATUS: [
    ["completion", false, false],
    ["schedule", false, false],
  ],
  YOYTEXT: [
    ["current", false, false],
    ["prior", false, false],
    ["decimals", true, false],
    ["unit", true, false],
  ],
  GROWTHTEXT: [
    ["rate", false, false],
    ["decimals", true, false],
    ["prefix", true, false],
  ],
  NUMTEXT: [
    ["value", false, false],
    ["unit", false, false],
    ["decimals", true, false],
  ],
  PCTTEXT: [
    ["ratio", false, false],
    ["decimals", true, false],
  ],
  PERIODTEXT: [
    ["year", false, false],
    ["from_month", false, false],
    ["to_month", false, false],
    ["dash", true, false],
  ],
  PHRASE: [
    ["template", false, false],
    ["names_and_values", true, true],
  ],
};

test("the ids are the thirteen ASCII names, each its own display name", () => {
  expect(functions.map((fn) => fn.id).sort()).toEqual(Object.keys(signatures).sort());
  for (const fn of functions) {
    expect(fn.id).toMatch(/^[A-Z][A-Z0-9]*$/);
    expect(fn.name).toBe(fn.id);
  }
});

describe.each(Object.entries(signatures))("%s", (id, parameters) => {
  const fn = () => functions.find((candidate) => candidate.id === id)!;

  test("has a Chinese description and a help link to its section of the bundled help page", () => {
    expect(fn().description).toMatch(han);
    expect(fn().helpUrl).toBe(`https://localhost:3000/functions-help.html#${id}`);
    expect(readDist("functions-help.html")).toMatch(new RegExp(`id="?${id}"?[\\s>]`));
  });

  test("takes ranges (any type, matrix) for every parameter, each described in Chinese, and returns a matrix", () => {
    expect(fn().parameters.map((p) => [p.name, p.optional === true, p.repeating === true])).toEqual(parameters);
    for (const parameter of fn().parameters) {
      expect(parameter.description).toMatch(han);
      expect(parameter.type).toBe("any");
      expect(parameter.dimensionality).toBe("matrix");
    }
    expect(fn().result.dimensionality).toBe("matrix");
  });

  test("is a plain synchronous function: no streaming, no volatility, no Excel API", () => {
    expect(fn().options ?? {}).toEqual({});
  });
});
