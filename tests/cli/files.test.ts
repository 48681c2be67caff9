/** Issue 12, points 6 and 10: outputs never hit an input nor are lost halfway; every refusal names the real cause. */
import { afterEach, beforeAll, describe, expect, jest, test } from "@jest/globals";
import { existsSync, linkSync, promises as fsp, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { fileFingerprint, runCli, tempDir, type CliRun } from "../support/cli";
import { compoundFile, xlsxWithUnreadableSheets, zipOf } from "../support/file-formats";

let dir: string;
let master: string;
let unitForm: string;

beforeAll(async () => {
  dir = tempDir();
  master = join(dir, "总表.xlsx");
  unitForm = join(dir, "城乡局.xlsx");
  expect((await runCli("template", "--sample", "--out", master)).code).toBe(0);
  expect((await runCli("template", "--unit", "城乡融合", "--out", unitForm)).code).toBe(0);
});

afterEach(() => {
  jest.restoreAllMocks();
});

/** A refusal: exit 2, nothing on stdout, one sentence on stderr. */
function expectRefusal(run: CliRun): string {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  return run.stderr;
}

describe("--out never overwrites an input", () => {
  const cases: [string, () => string, (out: string) => string[]][] = [
    ["merge --out the master", () => master, (out) => ["merge", master, unitForm, "--out", out]],
    ["merge --out a return", () => unitForm, (out) => ["merge", master, unitForm, "--out", out]],
    [
      "merge --out a symlink to the master",
      () => {
        const link = join(dir, `link-${Date.now()}.xlsx`);
        symlinkSync(master, link);
        return link;
      },
      (out) => ["merge", master, unitForm, "--out", out],
    ],
    [
      "merge --out a hard link to a return",
      () => {
        const link = join(dir, `hard-${Date.now()}.xlsx`);
        linkSync(unitForm, link);
        return link;
      },
      (out) => ["merge", master, unitForm, "--out", out],
    ],
    ["generate --out the workbook", () => master, (out) => ["generate", master, "--format", "docx", "--out", out]],
    [
      "generate --out a hard link to the workbook (text)",
      () => {
        const link = join(dir, `hard-gen-${Date.now()}.txt`);
        linkSync(master, link);
        return link;
      },
      (out) => ["generate", master, "--out", out],
    ],
  ];

  test.each(cases)("%s: exit 2, inputs byte-identical", async (_, makeOut, argv) => {
    const before = [fileFingerprint(master), fileFingerprint(unitForm)];
    const message = expectRefusal(await runCli(...argv(makeOut())));
    expect(message).toMatch(/^--out“.+”(就是|与)输入文件“.+”.*请另选一个文件名/);
    expect([fileFingerprint(master), fileFingerprint(unitForm)]).toEqual(before);
  });

  test("a new file beside the inputs is fine, and a copy of an input is not an input", async () => {
    const copy = join(dir, "总表副本.xlsx");
    writeFileSync(copy, readFileSync(master));
    expect((await runCli("merge", master, unitForm, "--out", join(dir, "合并.xlsx"))).code).toBe(0);
    expect((await runCli("merge", master, unitForm, "--out", copy)).code).toBe(0);
  });
});

describe("a write that fails leaves the existing file and no temporary file", () => {
  test("rename refused (EACCES): 没有写入权限 with the path, old content kept", async () => {
    const folder = tempDir();
    const out = join(folder, "专报.docx");
    writeFileSync(out, "上一版");
    jest.spyOn(fsp, "rename").mockRejectedValue(Object.assign(new Error("denied"), { code: "EACCES" }));
    const message = expectRefusal(await runCli("generate", master, "--format", "docx", "--out", out));
    expect(message).toContain(`没有写入权限：无法写入“${out}”`);
    expect(readFileSync(out, "utf8")).toBe("上一版");
    expect(readdirSync(folder)).toEqual(["专报.docx"]);
  });

  test("a merge whose write fails keeps the existing output, and the master, untouched", async () => {
    const folder = tempDir();
    const out = join(folder, "合并.xlsx");
    writeFileSync(out, "上一次的合并");
    const before = fileFingerprint(master);
    jest.spyOn(fsp, "rename").mockRejectedValue(Object.assign(new Error("full"), { code: "ENOSPC" }));
    expect(expectRefusal(await runCli("merge", master, unitForm, "--out", out))).toContain("磁盘空间不足");
    expect(readFileSync(out, "utf8")).toBe("上一次的合并");
    expect(readdirSync(folder)).toEqual(["合并.xlsx"]);
    expect(fileFingerprint(master)).toBe(before);
  });

  test("an unreadable input says 没有读取权限 with the path", async () => {
    const realReadFile = fsp.readFile;
    jest
      .spyOn(fsp, "readFile")
      .mockImplementation(((path: string, ...rest: unknown[]) =>
        path === master
          ? Promise.reject(Object.assign(new Error("denied"), { code: "EACCES" }))
          : (realReadFile as (...args: unknown[]) => Promise<unknown>)(path, ...rest)) as typeof fsp.readFile);
    expect(expectRefusal(await runCli("check", master))).toBe(
      `没有读取权限：无法读取“${master}”，请检查该文件的权限。\n`,
    );
  });
});

describe("every refusal names the real cause", () => {
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  test.each([
    ["报表.et", () => compoundFile(["Workbook", "ETExtData"]), "这是 WPS 表格 .et 文件"],
    ["报表.xls", () => compoundFile(["Workbook"]), "这是旧版 Excel 97-2003 工作簿（.xls）"],
    ["加密.xlsx", () => compoundFile(["EncryptionInfo", "EncryptedPackage"]), "设有打开密码"],
    [
      "报表.ods",
      () => zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet" }),
      "OpenDocument 电子表格（.ods）",
    ],
    ["报表.xlsb", () => zipOf({ "xl/workbook.bin": new Uint8Array(4) }), "Excel 二进制工作簿（.xlsb）"],
    ["报表.numbers", () => zipOf({ "Index/Document.iwa": new Uint8Array(4) }), "Apple Numbers 表格"],
    ["空.xlsx", () => new Uint8Array(0), "空文件（0 字节）"],
    ["截断.xlsx", () => xlsxWithUnreadableSheets(["专报设置"]).slice(0, 300), "不完整"],
  ])("%s", async (name, bytes, expected) => {
    const path = write(name, bytes());
    for (const argv of [
      ["check", path],
      ["generate", path],
    ]) {
      const message = expectRefusal(await runCli(...argv));
      expect(message).toContain(`“${path}”：`);
      expect(message).toContain(expected);
      expect(message).not.toContain("没有专报所需的工作表");
    }
  });

  test("merge lists an .et return by its format and merges the others", async () => {
    const et = write("乡镇.et", compoundFile(["Workbook"]));
    const run = await runCli("merge", master, unitForm, et, "--out", join(dir, "合并2.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "未合并 乡镇.et：这是 WPS 表格 .et 文件，请在 WPS 中“另存为”Excel 工作簿(*.xlsx)后再试",
    );
  });

  test("an unrelated workbook is refused from its sheet names, before any sheet is parsed", async () => {
    // Its sheet parts are not XML: had a sheet been parsed, the refusal would say the file is invalid.
    const path = write("财务.xlsx", xlsxWithUnreadableSheets(["Sheet1", "凭证"]));
    expect(expectRefusal(await runCli("generate", path))).toContain("中没有专报所需的工作表");
    const asReturn = await runCli("merge", master, path, "--out", join(dir, "合并3.xlsx"));
    expect(asReturn.stdout).toContain("未合并 财务.xlsx：没有任何类别工作表");
  });

  test("a workbook that yields no bulletin prints no 已生成 and writes no file", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("专报设置");
    const path = join(dir, "只有设置.xlsx");
    await workbook.xlsx.writeFile(path);
    const out = join(dir, "空专报.docx");
    for (const format of ["docx", "text"]) {
      const run = await runCli("generate", path, "--format", format, "--out", out);
      expect(run.code).toBe(2);
      expect(run.stdout).not.toContain("已生成");
      expect(run.stderr).toMatch(
        /生成不出专报：已有的工作表专报设置中没有可写入专报的指标或文字，缺少工作表产业发展、城乡融合、/,
      );
      expect(existsSync(out)).toBe(false);
    }
  });
});
