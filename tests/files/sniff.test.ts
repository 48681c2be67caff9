import { describe, expect, test } from "@jest/globals";
import { strToU8 } from "fflate";
import { compoundFileNames, sniffWorkbook, workbookSheetNamesFromXml } from "../../src/files/sniff";
import { compoundFile, xlsxWithUnreadableSheets, zipOf } from "../support/file-formats";

const format = (bytes: Uint8Array, name: string) => sniffWorkbook(bytes, name).format;
const reason = (bytes: Uint8Array, name: string) => {
  const sniffed = sniffWorkbook(bytes, name);
  return "reason" in sniffed ? sniffed.reason : "";
};

describe("compound files (OLE2)", () => {
  test("the directory's stream names are read", () => {
    expect(compoundFileNames(compoundFile(["Workbook", "ETExtData"]))).toEqual(["Root Entry", "Workbook", "ETExtData"]);
  });

  test(".xls, .et, password-protected .xlsx and .doc are told apart", () => {
    expect(format(compoundFile(["Workbook"]), "报表.xls")).toBe("xls");
    expect(format(compoundFile(["Book"]), "报表.xls")).toBe("xls");
    expect(format(compoundFile(["Workbook"]), "报表.et")).toBe("et");
    expect(format(compoundFile(["Workbook", "ETExtData"]), "报表.xls")).toBe("et");
    expect(format(compoundFile(["EncryptionInfo", "EncryptedPackage"]), "报表.xlsx")).toBe("encrypted");
    expect(format(compoundFile(["WordDocument"]), "报表.xlsx")).toBe("word");
    expect(format(compoundFile([]), "报表.xlsx")).toBe("old-office");
  });

  test("each reason names the format and how to save as .xlsx", () => {
    expect(reason(compoundFile(["Workbook"]), "报表.et")).toBe(
      "这是 WPS 表格 .et 文件，请在 WPS 中“另存为”Excel 工作簿(*.xlsx)后再试",
    );
    expect(reason(compoundFile(["Workbook"]), "a.xls")).toContain("Excel 97-2003 工作簿（.xls）");
    expect(reason(compoundFile(["EncryptionInfo", "EncryptedPackage"]), "a.xlsx")).toContain("设有打开密码");
  });

  test("a damaged directory falls back to the file's extension", () => {
    const damaged = compoundFile(["Workbook"]).slice(0, 600);
    expect(format(damaged, "a.xls")).toBe("xls");
    expect(format(damaged, "a.et")).toBe("et");
  });
});

describe("zip packages", () => {
  test("an .xlsx gives its sheet names without reading a sheet", () => {
    expect(sniffWorkbook(xlsxWithUnreadableSheets(["专报设置", "A & B"]), "a.xlsx")).toEqual({
      format: "xlsx",
      sheetNames: ["专报设置", "A & B"],
    });
  });

  test(".ods, .xlsb, .numbers and .docx are told apart", () => {
    expect(
      format(zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "" }), "a.xlsx"),
    ).toBe("ods");
    expect(format(zipOf({ mimetype: "application/vnd.oasis.opendocument.text" }), "a.odt")).toBe("not-a-spreadsheet");
    expect(format(zipOf({ "[Content_Types].xml": "", "xl/workbook.bin": new Uint8Array(8) }), "a.xlsb")).toBe("xlsb");
    expect(
      format(zipOf({ "Index/Document.iwa": new Uint8Array(8), "Metadata/Properties.plist": "" }), "a.numbers"),
    ).toBe("numbers");
    expect(format(zipOf({ "[Content_Types].xml": "", "word/document.xml": "<w/>" }), "a.xlsx")).toBe("word");
    expect(format(zipOf({ "readme.txt": "hi" }), "a.xlsx")).toBe("not-a-spreadsheet");
  });

  test("a workbook part that inflates to more than it declared is not read (stopped at the first piece past it)", () => {
    const zip = zipOf({ "xl/workbook.xml": new Uint8Array(8 * 1024 * 1024), "_rels/.rels": "" });
    const data = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Declare 100 bytes for every entry, in the central directory and the local headers.
    for (let at = 0; at + 4 <= zip.length; at += 1) {
      if (data.getUint32(at, true) === 0x02014b50) data.setUint32(at + 24, 100, true);
      if (data.getUint32(at, true) === 0x04034b50) data.setUint32(at + 22, 100, true);
    }
    expect(sniffWorkbook(zip, "a.xlsx")).toEqual({ format: "xlsx", sheetNames: null });
  });

  test("a truncated zip (no end of central directory) is named as incomplete", () => {
    const whole = xlsxWithUnreadableSheets(["专报设置"]);
    expect(format(whole.slice(0, whole.length - 30), "a.xlsx")).toBe("truncated-zip");
    expect(format(whole.slice(0, 200), "a.xlsx")).toBe("truncated-zip");
    expect(reason(whole.slice(0, 200), "a.xlsx")).toContain("不完整");
  });
});

describe("other files", () => {
  test("empty, csv, a Numbers name and plain text", () => {
    expect(format(new Uint8Array(0), "a.xlsx")).toBe("empty");
    expect(reason(new Uint8Array(0), "a.xlsx")).toContain("空文件（0 字节）");
    expect(format(strToU8("指标,本期值\n就业,462\n"), "a.csv")).toBe("csv");
    expect(format(strToU8("x"), "a.numbers")).toBe("numbers");
    expect(format(strToU8("%PDF-1.7"), "a.xlsx")).toBe("not-a-spreadsheet");
  });
});

describe("workbookSheetNamesFromXml", () => {
  test("reads names with a namespace prefix, single quotes and entities, in order", () => {
    const xml = `<x:workbook><x:sheets><x:sheet name="专报设置" sheetId="1"/><x:sheet sheetId="2" name='A&amp;B &#x4E00;&#20108;'/></x:sheets></x:workbook>`;
    expect(workbookSheetNamesFromXml(xml)).toEqual(["专报设置", "A&B 一二"]);
    expect(workbookSheetNamesFromXml(`<sheets><sheetView name="x"/></sheets>`)).toEqual([]);
  });
});
