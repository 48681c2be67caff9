/** The legacy pane's UTF-8 encoder and decoder agree with the platform's TextEncoder and TextDecoder. */
import { expect, test } from "@jest/globals";
import fc from "fast-check";
import { decodeUtf8, encodeUtf8 } from "../src/taskpane/utf8";

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

const platformDecoder = new TextDecoder();

test("decodes as TextDecoder does: well-formed text, a byte order mark, and any bytes at all", () => {
  for (const text of ["", "abc", "\ufeff<html>专报", "增长12.5%，𠀋字", "\u0000\u007f\u0080\u07ff\u0800\uffff"]) {
    expect(decodeUtf8(platform.encode(text))).toBe(platformDecoder.decode(platform.encode(text)));
  }
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(decodeUtf8(bytes)).toBe(platformDecoder.decode(bytes));
    }),
    { numRuns: 2000 },
  );
  // Truncated, overlong, surrogate and out-of-range sequences, each one U+FFFD per maximal part.
  for (const bytes of [
    [0xe4, 0xb8],
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xf0, 0x9f, 0x41],
  ]) {
    expect(decodeUtf8(new Uint8Array(bytes))).toBe(platformDecoder.decode(new Uint8Array(bytes)));
  }
});
