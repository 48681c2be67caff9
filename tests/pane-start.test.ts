/** One bundle runs the pane: the first to claim it. */
import { expect, test } from "@jest/globals";
import { claimPaneStart, paneStartedAttribute } from "../src/taskpane/pane-start";

/** The attributes part of an element. */
function fakeRoot(): Element & { attributes: Set<string> } {
  const attributes = new Set<string>();
  return {
    attributes,
    hasAttribute: (name: string) => attributes.has(name),
    setAttribute: (name: string) => void attributes.add(name),
  } as unknown as Element & { attributes: Set<string> };
}

test("the first claim wins and marks <html>; a second bundle then stands down", () => {
  const root = fakeRoot();
  expect(claimPaneStart(root)).toBe(true);
  expect([...root.attributes]).toEqual([paneStartedAttribute]);
  expect(claimPaneStart(root)).toBe(false);
});
