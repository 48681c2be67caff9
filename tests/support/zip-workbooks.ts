/** Minimal .xlsx-shaped zips of a chosen size, written with fflate, for the size-limit tests. */
import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";

const workbookXml =
  '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
  '<sheet name="城乡融合" sheetId="1" r:id="rId1"/><sheet name="文字材料" sheetId="2" r:id="rId2"/></sheets></workbook>';
const relsXml =
  '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>';

/**
 * A sheet of `rows` rows of `cells` cells each. Rows alternate between two lengths (7 and 11 bytes
 * apart), so over many rows the inflater's piece boundaries fall inside every kind of tag.
 */
export function sheetXml(rows: number, cells: number): string {
  const row = (attributes: string) => `<row${attributes}>${"<c/>".repeat(cells)}</row>`;
  const pair = row(' r="1"') + row(' r="22" spans="1:1"');
  const body = pair.repeat(Math.floor(rows / 2)) + (rows % 2 === 1 ? row(' r="1"') : "");
  return `<worksheet><sheetData>${body}</sheetData></worksheet>`;
}

export function workbook(sheet1: string, sheet2 = sheetXml(2, 2)): Uint8Array {
  return zipSync(
    {
      "xl/workbook.xml": strToU8(workbookXml),
      "xl/_rels/workbook.xml.rels": strToU8(relsXml),
      "xl/worksheets/sheet1.xml": strToU8(sheet1),
      "xl/worksheets/sheet2.xml": strToU8(sheet2),
    },
    { level: 1 },
  );
}

/** Sets the uncompressed size the central directory declares for the entry `name`. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const data = new DataView(bytes.buffer);
  const encoded = strToU8(name);
  for (let at = 0; at + 46 < bytes.length; at += 1) {
    if (data.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = data.getUint16(at + 28, true);
    const entry = bytes.subarray(at + 46, at + 46 + nameLength);
    if (entry.length === encoded.length && entry.every((byte, i) => byte === encoded[i])) {
      data.setUint32(at + 24, size, true);
      return bytes;
    }
  }
  throw new Error(`no ${name}`);
}

/**
 * A zip bomb: one sheet named 产业发展 whose part inflates to `megabytes` MB of spaces after its opening
 * tags while the central directory declares 1,000 bytes. Deflated as it is made (level 9, about
 * 1,000 : 1), so building it holds 1 MB of input at a time.
 */
export function bombWorkbook(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const part = (name: string) => {
    const file = new ZipDeflate(name, { level: 9 });
    zip.add(file);
    return file;
  };
  part("xl/workbook.xml").push(
    strToU8('<workbook xmlns:r="r"><sheets><sheet name="产业发展" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    true,
  );
  part("xl/_rels/workbook.xml.rels").push(
    strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    true,
  );
  const sheet = part("xl/worksheets/sheet1.xml");
  sheet.push(strToU8("<worksheet><sheetData>"));
  const spaces = new Uint8Array(1 << 20).fill(0x20);
  for (let i = 0; i < megabytes; i += 1) sheet.push(spaces, i === megabytes - 1);
  zip.end();
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return declareSize(whole, "xl/worksheets/sheet1.xml", 1000);
}
