/** The legacy pane's UTF-8 encoder agrees with the platform's TextEncoder, byte for byte. */
import { expect, test } from "@jest/globals";
import fc from "fast-check";
import { encodeUtf8 } from "../src/taskpane/utf8";

const platform = new TextEncoder();

test("encodes the bulletin's kinds of text as TextEncoder does", () => {
  for (const text of [
    "",
    "abc",
    "汨罗市“开局八好”工作专报",
    "增长12.5%，𠀋字",
    "\u0000\u007f\u0080\u07ff\u0800\uffff",
  ]) {
    expect(Array.from(encodeUtf8(text))).toEqual(Array.from(platform.encode(text)));
  }
});

test("any string, lone surrogates included, encodes as TextEncoder does", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (text) => {
      expect(Array.from(encodeUtf8(text))).toEqual(Array.from(platform.encode(text)));
    }),
  );
  expect(Array.from(encodeUtf8("a\ud800b"))).toEqual(Array.from(platform.encode("a\ud800b")));
  expect(Array.from(encodeUtf8("\udc00\ud800"))).toEqual(Array.from(platform.encode("\udc00\ud800")));
});
