/**
 * Tiny files of each format the sniffer tells apart, built in the test: a compound file (OLE2, as .xls,
 * .et and password-protected .xlsx are) with the stream names given, and zips with given entries.
 */
import { strToU8, zipSync } from "fflate";

const sector = 512;
const endOfChain = 0xfffffffe;
const free = 0xffffffff;

/** A valid minimal compound file: header, one FAT sector, one directory sector (root + streams). */
export function compoundFile(streamNames: readonly string[]): Uint8Array {
  if (streamNames.length > 3) throw new Error("one directory sector holds the root and three streams");
  const bytes = new Uint8Array(sector * 3);
  const data = new DataView(bytes.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((byte, i) => (bytes[i] = byte));
  data.setUint16(0x18, 0x3e, true);
  data.setUint16(0x1a, 3, true);
  data.setUint16(0x1c, 0xfffe, true);
  data.setUint16(0x1e, 9, true);
  data.setUint16(0x20, 6, true);
  data.setUint32(0x2c, 1, true);
  data.setUint32(0x30, 1, true);
  data.setUint32(0x38, 0x1000, true);
  data.setUint32(0x3c, endOfChain, true);
  data.setUint32(0x44, endOfChain, true);
  for (let i = 0; i < 109; i += 1) data.setUint32(0x4c + 4 * i, i === 0 ? 0 : free, true);
  // FAT (sector 0): itself, then the directory's one-sector chain.
  const fat = sector;
  for (let i = 0; i < sector / 4; i += 1) data.setUint32(fat + 4 * i, free, true);
  data.setUint32(fat, 0xfffffffd, true);
  data.setUint32(fat + 4, endOfChain, true);
  const directory = sector * 2;
  ["Root Entry", ...streamNames].forEach((name, i) => {
    const entry = directory + 128 * i;
    for (let c = 0; c < name.length; c += 1) data.setUint16(entry + 2 * c, name.charCodeAt(c), true);
    data.setUint16(entry + 0x40, 2 * (name.length + 1), true);
    bytes[entry + 0x42] = i === 0 ? 5 : 2;
    data.setUint32(entry + 0x44, free, true);
    data.setUint32(entry + 0x48, free, true);
    data.setUint32(entry + 0x4c, i === 0 && streamNames.length > 0 ? 1 : free, true);
    data.setUint32(entry + 0x74, endOfChain, true);
  });
  return bytes;
}

/** A zip with the given entries (text or bytes). */
export function zipOf(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, content]) => [
        name,
        typeof content === "string" ? strToU8(content) : content,
      ]),
    ),
  );
}

/**
 * An .xlsx package with these sheet names whose worksheet parts are not XML at all: any reader that
 * parses a sheet fails, so a refusal that names the sheets proves only the workbook part was read.
 */
export function xlsxWithUnreadableSheets(sheetNames: readonly string[]): Uint8Array {
  const sheets = sheetNames.map(
    (name, i) =>
      `<sheet name="${name.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  const rels = sheetNames.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  return zipOf({
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
    ...Object.fromEntries(sheetNames.map((_, i) => [`xl/worksheets/sheet${i + 1}.xml`, "<<< not xml"])),
  });
}
