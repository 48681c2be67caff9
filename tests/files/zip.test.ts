/**
 * Inflating a zip entry in pieces sized by what is left of its allowance: a part that inflates beyond
 * what it declared (a zip bomb's lie) is stopped within about 1 MB of output, not after a whole 64 KB
 * piece became 64 MB. Bytes, not time: a deterministic budget.
 */
import { describe, expect, test } from "@jest/globals";
import { inflateEntry, readEntry, zipEntries } from "../../src/files/zip";
import { workbookSizeProblem } from "../../src/files/workbook-size";
import { bombWorkbook, sheetXml, workbook } from "../support/zip-workbooks";

const megabyte = 1024 * 1024;

describe("inflateEntry", () => {
  test("stops a part lying about its size within about 1 MB past what it declared", () => {
    const bomb = bombWorkbook(16);
    const entry = zipEntries(bomb)!.find((candidate) => candidate.name === "xl/worksheets/sheet1.xml")!;
    expect(entry.originalSize).toBe(1000);
    let produced = 0;
    let largest = 0;
    expect(() =>
      inflateEntry(bomb, entry, (chunk) => {
        produced += chunk.length;
        largest = Math.max(largest, chunk.length);
        if (produced > entry.originalSize) throw new Error("too large");
      }),
    ).toThrow("too large");
    expect(produced - entry.originalSize).toBeLessThanOrEqual(1.1 * megabyte);
    expect(largest).toBeLessThanOrEqual(1.1 * megabyte);
    expect(readEntry(bomb, entry, 4 * megabyte)).toBeNull();
    expect(workbookSizeProblem(bomb)).toBe(
      "工作簿中的“xl/worksheets/sheet1.xml”解压后比它声明的大小（1,000 字节）更大，可能是恶意构造的压缩文件，未读取。",
    );
  }, 30_000);

  test("a caller's smaller allowance bounds the overshoot the same way", () => {
    const bomb = bombWorkbook(16);
    const entry = zipEntries(bomb)!.find((candidate) => candidate.name === "xl/worksheets/sheet1.xml")!;
    let produced = 0;
    expect(() =>
      inflateEntry(
        bomb,
        entry,
        (chunk) => {
          produced += chunk.length;
          if (produced > 2 * megabyte) throw new Error("past the allowance");
        },
        2 * megabyte,
      ),
    ).toThrow("past the allowance");
    expect(produced).toBeLessThanOrEqual(3.1 * megabyte);
  });

  test("an honest part inflates whole, in order, whatever the piece sizes", () => {
    const xml = sheetXml(20_000, 3);
    const zip = workbook(xml);
    const entry = zipEntries(zip)!.find((candidate) => candidate.name === "xl/worksheets/sheet1.xml")!;
    const pieces: Uint8Array[] = [];
    inflateEntry(zip, entry, (chunk) => pieces.push(chunk.slice()));
    expect(Buffer.concat(pieces).toString("utf8")).toBe(xml);
    expect(Buffer.from(readEntry(zip, entry, 16 * megabyte)!).toString("utf8")).toBe(xml);
  });
});
