/**
 * The .docx as a second program reads it: LibreOffice converts it to PDF, poppler measures the pages
 * and reads the text back. The first two pages are left as PNGs in test-output/ for a person to look at.
 */
import { beforeAll, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderBulletinDocx } from "../../src/files/export-docx";
import { hostileBulletin } from "../support/bulletin";
import { convertWithLibreOffice } from "../support/libreoffice";
import { referenceLines } from "../support/sample";
import { describeWith, libreOffice, poppler as popplerTools } from "../support/tools";
import { bulletinPlainText } from "../../src/core";

const describeWithLibreOffice = describeWith(libreOffice, popplerTools);

const outDir = join(__dirname, "..", "..", "test-output");
const withoutSpace = (text: string) => text.replace(/\s+/g, "");
const pageNumberLine = /^\s*—\s*(\d+)\s*—\s*$/m;

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", timeout: 60_000 });
}

describeWithLibreOffice("the .docx converted to PDF by LibreOffice", () => {
  let pdf: string;
  let pageCount: number;
  const doc = hostileBulletin();

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    const docx = join(outDir, "bulletin.docx");
    writeFileSync(docx, await renderBulletinDocx(doc));
    pdf = convertWithLibreOffice(docx, "pdf", outDir);
    pageCount = Number(/^Pages:\s+(\d+)$/m.exec(poppler("pdfinfo", pdf))![1]);
    poppler("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", pdf, join(outDir, "bulletin-page"));
  }, 180_000);

  test("has A4 pages only", () => {
    const sizes = poppler("pdfinfo", "-f", "1", "-l", String(pageCount), pdf)
      .split("\n")
      .flatMap((line) => {
        const match = /^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/.exec(line);
        return match ? [[Number(match[1]), Number(match[2])]] : [];
      });
    expect(sizes).toHaveLength(pageCount);
    for (const [width, height] of sizes) {
      expect(width).toBeCloseTo(595.3, 0);
      expect(height).toBeCloseTo(841.9, 0);
    }
  });

  test("numbers each page — n —, right on odd pages and left on even", () => {
    for (let page = 1; page <= Math.min(pageCount, 2); page += 1) {
      const text = poppler("pdftotext", "-f", String(page), "-l", String(page), "-layout", pdf, "-");
      expect(pageNumberLine.exec(text)?.[1]).toBe(String(page));
      const words = [
        ...poppler("pdftotext", "-f", String(page), "-l", String(page), "-bbox", pdf, "-").matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g,
        ),
      ];
      const number = words.find((m) => m[3] === String(page) && Number(m[2]) > 760)!;
      expect(number).toBeDefined();
      if (page % 2 === 1) expect(Number(number[1])).toBeGreaterThan(400);
      else expect(Number(number[1])).toBeLessThan(200);
    }
  });

  test("holds every paragraph's text", () => {
    // -layout reads lines in their visual order; without it, characters LibreOffice places one by
    // one on the grid can come out of order.
    const pages = poppler("pdftotext", "-layout", pdf, "-").split("\f");
    const text = withoutSpace(pages.map((page) => page.replace(pageNumberLine, "")).join(""));
    const expected = bulletinPlainText(doc).trimEnd().split("\n");
    expect(expected.length).toBeGreaterThan(referenceLines("bulletin-expected.txt").length);
    const missing = expected.filter((line) => !text.includes(withoutSpace(line)));
    expect(missing).toEqual([]);
  });
});
