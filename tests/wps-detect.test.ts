/** The pane finds WPS 表格 by ET's Application, on window or on the wps object, and nothing else. */
import { expect, test } from "@jest/globals";
import { findWps } from "../src/wps/wps-detect";
import { FakeEt } from "./support/fake-et";

test("window.Application with ActiveWorkbook is WPS 表格; custom functions follow wps.AddCustomFunction", () => {
  const app = new FakeEt().application;
  // toBe, not toEqual: jest's deep equality probes members the strict stand-in refuses.
  const plain = findWps({ Application: app });
  expect(plain?.app).toBe(app);
  expect(plain?.customFunctions).toBe(false);
  const withFunctions = findWps({ Application: app, wps: { AddCustomFunction: () => undefined } });
  expect(withFunctions?.app).toBe(app);
  expect(withFunctions?.customFunctions).toBe(true);
});

test("the wps object's Application serves when window has none", () => {
  const app = new FakeEt().application;
  expect(findWps({ wps: { Application: app } })?.app).toBe(app);
});

test("a WPS without an open workbook is still WPS 表格 (ActiveWorkbook is null, not missing)", () => {
  const app = new FakeEt([], { noWorkbook: true }).application;
  expect(findWps({ Application: app })?.app).toBe(app);
});

test("a browser, WPS 文字 (an Application without ActiveWorkbook) or a throwing object is not", () => {
  expect(findWps({})).toBeNull();
  expect(findWps({ Application: { ActiveDocument: {} }, wps: {} })).toBeNull();
  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error("host gone");
      },
    },
  );
  expect(findWps({ Application: throwing })).toBeNull();
});
