import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { editDistance, nearest } from "../../src/cli/args";
import { type CliRun, runBuiltCli, runCli } from "../support/cli";

const { version } = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
  version: string;
};

/** A refusal: exit 2, nothing on stdout, exactly one sentence on stderr. */
function expectRefusal(run: CliRun): string {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr.match(/。/g)).toHaveLength(1);
  return run.stderr.trim();
}

describe("strict parsing", () => {
  test("an unknown option is named with the nearest valid one, wherever it stands", async () => {
    for (const argv of [
      ["generate", "--formt", "json"],
      ["generate", "文件.xlsx", "--formt", "json"],
    ]) {
      expect(expectRefusal(await runCli(...argv))).toBe(
        "zhuanbao generate 没有选项 --formt，最接近的是 --format（zhuanbao generate --help 列出全部选项）。",
      );
    }
    expect(expectRefusal(await runCli("merge", "总表.xlsx", "a.xlsx", "--out", "m.xlsx", "--add-row"))).toContain(
      "没有选项 --add-row，最接近的是 --add-rows",
    );
    expect(expectRefusal(await runCli("check", "a.xlsx", "--strict"))).toContain(
      "zhuanbao check 没有选项 --strict，最接近的是 --format",
    );
    expect(expectRefusal(await runCli("template", "-o", "x.xlsx"))).toContain("没有选项 -o，最接近的是 --out");
  });

  test("a missing value is named, also when the next word is another option", async () => {
    expect(expectRefusal(await runCli("generate", "--format"))).toBe("选项 --format 缺少值，请写成 --format docx。");
    expect(expectRefusal(await runCli("template", "--out", "--sample"))).toBe(
      "选项 --out 缺少值（其后是 --sample），请写成 --out 专报模板.xlsx。",
    );
    expect(expectRefusal(await runCli("merge", "a.xlsx", "b.xlsx", "--out="))).toContain("选项 --out 缺少值");
  });

  test("a flag given a value, a surplus word, a wrong choice and an unknown command are refused", async () => {
    expect(expectRefusal(await runCli("generate", "--strict=yes"))).toContain("选项 --strict 不带值");
    expect(expectRefusal(await runCli("check", "a.xlsx", "json"))).toContain("多余的参数“json”");
    expect(expectRefusal(await runCli("template", "extra.xlsx", "--out", "x.xlsx"))).toContain(
      "多余的参数“extra.xlsx”",
    );
    expect(expectRefusal(await runCli("check", "a.xlsx", "--format", "jsno"))).toBe(
      "选项 --format 只能是 text、json，最接近的是 json。",
    );
    expect(expectRefusal(await runCli("genrate"))).toContain("未知命令“genrate”，最接近的是 generate");
  });

  test("--version and --help work for every command and at the top", async () => {
    for (const prefix of [[], ["template"], ["merge"], ["check"], ["generate"]]) {
      expect(await runCli(...prefix, "--version")).toEqual({ code: 0, stdout: `zhuanbao ${version}\n`, stderr: "" });
      const help = await runCli(...prefix, "--help");
      expect(help).toMatchObject({ code: 0, stderr: "" });
      expect(help.stdout).toContain(`zhuanbao ${prefix[0] ?? "template"}`);
      expect(help.stdout).toContain("--version");
    }
    expect((await runCli("generate", "-h")).stdout).toContain("--strict             发现错误时退出码为 1");
    expect((await runCli("help", "merge")).stdout).toContain("--add-rows");
    expect((await runCli("--help")).stdout).toContain("zhuanbao generate [文件.xlsx]");
  });

  test("the installed bin: a refusal, the version, and a command's help", () => {
    expect(expectRefusal(runBuiltCli("generate", "文件.xlsx", "--formt", "json"))).toContain("最接近的是 --format");
    expect(runBuiltCli("--version")).toEqual({ code: 0, stdout: `zhuanbao ${version}\n`, stderr: "" });
    expect(runBuiltCli("check", "--help")).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("--format text|json"),
    });
  });

  test("valid spellings still work: --key=value, repeated and comma-separated lists", async () => {
    const run = runBuiltCli("template", "--unit", "城乡融合", "--unit=民生实事,没有这类", "--out=x.xlsx");
    expect(expectRefusal(run)).toContain("没有类别“没有这类”");
  });
});

describe("nearest option", () => {
  test("edit distance counts insertions, deletions and substitutions", () => {
    expect(editDistance("formt", "format")).toBe(1);
    expect(editDistance("add-row", "add-rows")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "out")).toBe(3);
  });

  test("the first of equally near candidates wins", () => {
    expect(nearest("--fromat", ["--out", "--format", "--strict"])).toBe("--format");
    expect(nearest("--x", ["--out", "--help"])).toBe("--out");
  });
});
