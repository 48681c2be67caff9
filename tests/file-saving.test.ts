/** 下载 Word 文档 and 下载报送表: file names, and where the pane can save a file, over stand-ins for the page. */
import { describe, expect, test } from "@jest/globals";
import { saveFile, type FileSavingEnvironment, type SavedFile } from "../src/taskpane/file-saving";
import { unitFormFileName } from "../src/taskpane/unit-form-file";
import { bulletinFileName, docxMimeType } from "../src/taskpane/word-file";

const masthead = { title: "汨罗市实施“开局八好”工作专报", issue: "第2期", publisher: "", date: "" };
const file: SavedFile = { bytes: new Uint8Array([0x50, 0x4b, 3, 4]), name: "专报.docx", mimeType: docxMimeType };

function environment(changes: Partial<FileSavingEnvironment> = {}): FileSavingEnvironment & { downloads: SavedFile[] } {
  const downloads: SavedFile[] = [];
  return {
    downloads,
    platform: "PC",
    msSaveOrOpenBlob: null,
    download: (saved) => void downloads.push(saved),
    ...changes,
  };
}

describe("bulletinFileName", () => {
  test("is 专报名称第N期.docx", () => {
    expect(bulletinFileName(masthead)).toBe("汨罗市实施“开局八好”工作专报第2期.docx");
  });

  test("drops characters Windows forbids in file names, and falls back to 专报", () => {
    expect(bulletinFileName({ ...masthead, title: 'A/B:C*"专报"?<>|\t\u0007', issue: "" })).toBe("ABC专报.docx");
    expect(bulletinFileName({ ...masthead, title: " ", issue: "" })).toBe("专报.docx");
  });
});

describe("unitFormFileName", () => {
  test("names the categories of the form", () => {
    expect(unitFormFileName(["城乡融合", "民生实事"])).toBe("报送表（城乡融合、民生实事）.xlsx");
  });
});

describe("saveFile", () => {
  test("downloads through the page where it can", () => {
    const env = environment();
    expect(saveFile(file, env)).toBe("saved");
    expect(env.downloads).toEqual([file]);
  });

  test("uses msSaveOrOpenBlob where the page has it, with the Word type", () => {
    const saved: Blob[] = [];
    const env = environment({ msSaveOrOpenBlob: (blob) => saved.push(blob) > 0 });
    expect(saveFile(file, env)).toBe("saved");
    expect(saved.map((blob) => [blob.type, blob.size])).toEqual([[docxMimeType, 4]]);
    expect(env.downloads).toEqual([]);
  });

  test.each(["Mac", "iOS"])("is unsupported in Office on %s, whose web view drops downloads", (platform) => {
    const env = environment({ platform });
    expect(saveFile(file, env)).toBe("unsupported");
    expect(env.downloads).toEqual([]);
  });

  test("is unsupported without Blob, object URLs or <a download>", () => {
    expect(saveFile(file, environment({ download: null }))).toBe("unsupported");
  });

  test("a download that throws is not reported as saved", () => {
    const env = environment({
      download: () => {
        throw new Error("blocked");
      },
    });
    expect(() => saveFile(file, env)).toThrow("blocked");
  });
});
