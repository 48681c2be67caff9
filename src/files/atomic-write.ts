/**
 * Writing an output file so that nothing is lost: the data goes to a temporary file in the same folder
 * (same file system, so the rename is atomic), is flushed to disk, and only then replaces the target.
 * A failure at any point removes the temporary file and leaves an existing target as it was.
 * Node only (the CLI); the pane saves through the browser.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** What to write: the bytes or text, or chunks produced one after another (a generator may throw midway). */
export type FileContent = Uint8Array | string | Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

/** A temporary file's name beside `target`: hidden, unique per process and call, recognisable. */
export function temporaryPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
}

/** The path the bytes finally land at: a symlink's target, so the link itself stays a link. */
async function finalPath(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return resolve(path);
    throw error;
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await fs.stat(path)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isChunkSource(
  content: FileContent,
): content is Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string> {
  return typeof content !== "string" && !(content instanceof Uint8Array);
}

/** Reports the error with the path the person gave, not the temporary file's name. */
function aboutTarget(error: unknown, path: string): unknown {
  const errno = error as NodeJS.ErrnoException;
  if (errno && typeof errno === "object" && typeof errno.code === "string") errno.path = path;
  return error;
}

/**
 * Writes `content` to `path` atomically: temp file in the same folder, fsync, rename. An existing
 * file keeps its permission bits; on any failure it is untouched and no temporary file remains.
 */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  const target = await finalPath(path);
  const mode = await existingMode(target);
  const temp = temporaryPath(target);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, "wx", mode ?? 0o666);
    // open's mode is filtered by the umask; an existing file's bits are copied exactly.
    if (mode !== undefined) await handle.chmod(mode);
    if (isChunkSource(content)) {
      // writeFile, unlike write, loops until the whole chunk is on disk.
      for await (const chunk of content) await handle.writeFile(chunk);
    } else {
      await handle.writeFile(content);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw aboutTarget(error, path);
  }
}

/** Whether two paths name the same file (same device and inode: symlinks and hard links included). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [statA, statB] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  if (!statA || !statB) return resolve(a) === resolve(b);
  return statA.dev === statB.dev && statA.ino === statB.ino;
}

/** The first of `inputs` that `out` would overwrite, if any. */
export async function inputAt(out: string, inputs: readonly string[]): Promise<string | undefined> {
  for (const input of inputs) if (await sameFile(out, input)) return input;
  return undefined;
}
