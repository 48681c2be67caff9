import { describe, expect, test } from "@jest/globals";
import { chmodSync, linkSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inputAt, sameFile, writeFileAtomic } from "../../src/files/atomic-write";
import { tempDir } from "../support/cli";

const isRoot = process.getuid?.() === 0;

describe("writeFileAtomic", () => {
  test("writes bytes, text and chunks, leaving only the target in the folder", async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, "a.bin"), new Uint8Array([1, 2, 3]));
    await writeFileAtomic(join(dir, "b.txt"), "专报");
    await writeFileAtomic(join(dir, "c.txt"), ["专", new TextEncoder().encode("报")]);
    expect([...readFileSync(join(dir, "a.bin"))]).toEqual([1, 2, 3]);
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("专报");
    expect(readFileSync(join(dir, "c.txt"), "utf8")).toBe("专报");
    expect(readdirSync(dir).sort()).toEqual(["a.bin", "b.txt", "c.txt"]);
  });

  test("a generator throwing midway leaves the existing file intact and no temporary file", async () => {
    const dir = tempDir();
    const target = join(dir, "out.docx");
    writeFileSync(target, "old content");
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(64 * 1024).fill(7);
      throw new Error("磁盘已满");
    }
    await expect(writeFileAtomic(target, failing())).rejects.toThrow("磁盘已满");
    expect(readFileSync(target, "utf8")).toBe("old content");
    expect(readdirSync(dir)).toEqual(["out.docx"]);
  });

  (isRoot ? test.skip : test)("a read-only folder: the error names the target, the file is intact", async () => {
    const dir = tempDir();
    const target = join(dir, "out.xlsx");
    writeFileSync(target, "old content");
    chmodSync(dir, 0o555);
    try {
      await expect(writeFileAtomic(target, "new")).rejects.toMatchObject({ code: "EACCES", path: target });
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readFileSync(target, "utf8")).toBe("old content");
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  test("keeps the mode of an existing file", async () => {
    const dir = tempDir();
    const target = join(dir, "out.txt");
    writeFileSync(target, "old");
    chmodSync(target, 0o640);
    await writeFileAtomic(target, "new");
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readFileSync(target, "utf8")).toBe("new");
  });

  test("writing through a symlink replaces the linked file and keeps the link", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.txt"), "old");
    symlinkSync("real.txt", join(dir, "link.txt"));
    await writeFileAtomic(join(dir, "link.txt"), "new");
    expect(readFileSync(join(dir, "real.txt"), "utf8")).toBe("new");
    expect(readdirSync(dir).sort()).toEqual(["link.txt", "real.txt"]);
  });
});

describe("sameFile and inputAt", () => {
  test("same path, symlink and hard link are the same file; a copy and a missing file are not", async () => {
    const dir = tempDir();
    const input = join(dir, "总表.xlsx");
    writeFileSync(input, "x");
    symlinkSync(input, join(dir, "link.xlsx"));
    linkSync(input, join(dir, "hard.xlsx"));
    writeFileSync(join(dir, "copy.xlsx"), "x");
    expect(await sameFile(join(dir, ".", "总表.xlsx"), input)).toBe(true);
    expect(await sameFile(join(dir, "link.xlsx"), input)).toBe(true);
    expect(await sameFile(join(dir, "hard.xlsx"), input)).toBe(true);
    expect(await sameFile(join(dir, "copy.xlsx"), input)).toBe(false);
    expect(await sameFile(join(dir, "new.xlsx"), input)).toBe(false);
    expect(await inputAt(join(dir, "hard.xlsx"), [join(dir, "copy.xlsx"), input])).toBe(input);
    expect(await inputAt(join(dir, "new.xlsx"), [input])).toBeUndefined();
  });
});
