/** How WPS's calls reach the ZB implementations: scalars as grids, a repeating parameter gathered. */
import { expect, test } from "@jest/globals";
import type { WpsAddinApi } from "../src/wps/et-types";
import { customFunctionsForWps, WpsFunctionError, zbNamespace } from "../src/wps/custom-functions";

function registry() {
  const added: { namespace: string; name: string; fn: (...args: unknown[]) => unknown; options: unknown }[] = [];
  const wps = {
    AddCustomFunction: (namespace: string, name: string, fn: (...args: unknown[]) => unknown, options?: object) =>
      void added.push({ namespace, name, fn, options }),
  } as unknown as WpsAddinApi;
  return { wps, added };
}

const metadata = [
  { id: "ECHO", description: "echo", parameters: [{ name: "a" }, { name: "b", optional: true }] },
  { id: "PAIRS", parameters: [{ name: "template" }, { name: "pairs", optional: true, repeating: true }] },
];

test("associate registers under ZB with the wizard's description from functions.json", () => {
  const { wps, added } = registry();
  customFunctionsForWps(wps, metadata).associate("ECHO", () => [[1]]);
  expect(added[0]).toMatchObject({
    namespace: zbNamespace,
    name: "ECHO",
    options: {
      description: "echo",
      parameters: [
        { name: "a", type: "any" },
        { name: "b", type: "any?" },
      ],
    },
  });
});

test("scalars arrive as one cell, rows as one row; one cell comes back as a value, errors as their code", () => {
  const { wps, added } = registry();
  const functions = customFunctionsForWps(wps, metadata);
  const seen: unknown[][] = [];
  functions.associate("ECHO", (...args: unknown[]) => {
    seen.push(args);
    return args[1] === undefined
      ? [[new WpsFunctionError("#N/A", "缺少")]]
      : [
          [1, 2],
          [3, new functions.Error("#DIV/0!")],
        ];
  });
  const echo = added[0]!.fn;
  expect(echo(5)).toBe("#N/A");
  expect(echo([1, 2], [[3], [4]])).toEqual([
    [1, 2],
    [3, "#DIV/0!"],
  ]);
  expect(seen).toEqual([[[[5]]], [[[1, 2]], [[3], [4]]]]);
});

test("a repeating parameter's arguments are gathered into one list, however WPS passes them", () => {
  const { wps, added } = registry();
  const seen: unknown[][] = [];
  customFunctionsForWps(wps, metadata).associate("PAIRS", (...args: unknown[]) => {
    seen.push(args);
    return [["ok"]];
  });
  const pairs = added[0]!.fn;
  pairs("t", "本期值", 462);
  pairs("t", [[["本期值"]], [[462]]]);
  pairs("t");
  expect(seen).toEqual([[[["t"]], [[["本期值"]], [[462]]]], [[["t"]], [[["本期值"]], [[462]]]], [[["t"]]]]);
});
