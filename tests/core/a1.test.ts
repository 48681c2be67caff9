/** A1 addresses: the one rangeAddress every host writer uses. */
import { expect, test } from "@jest/globals";
import { rangeAddress } from "../../src/core";

test("rangeAddress names one cell alone and a block by its corners, past column Z", () => {
  expect(rangeAddress(4, 2, 1, 1)).toBe("C5");
  expect(rangeAddress(0, 0, 3, 2)).toBe("A1:B3");
  expect(rangeAddress(1, 25, 1, 3)).toBe("Z2:AB2");
  expect(rangeAddress(9, 3, 5, 1)).toBe("D10:D14");
});
