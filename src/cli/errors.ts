/** A failure the CLI reports as one Chinese sentence with exit code 2, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** A file refused for what it is: `reason` (no final 。) names it and what to do, for lists of files. */
export class FileRefusal extends CliError {
  constructor(
    path: string,
    readonly reason: string,
  ) {
    super(`“${path}”：${reason}。`);
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** Why `path` could not be read, as the person can act on it (the system's reason, not a guess). */
export function readError(path: string, error: unknown): CliError {
  switch (codeOf(error)) {
    case "ENOENT":
      return new CliError(`找不到文件“${path}”，请检查路径。`);
    case "EISDIR":
      return new CliError(`“${path}”是文件夹，请指定 .xlsx 工作簿文件。`);
    case "EACCES":
    case "EPERM":
      return new CliError(`没有读取权限：无法读取“${path}”，请检查该文件的权限。`);
    case "EBUSY":
      return new CliError(`无法读取“${path}”：文件正被其他程序锁定，请关闭后再试。`);
    default:
      return new CliError(`无法读取文件“${path}”（${codeOf(error) ?? (error as Error).message}）。`);
  }
}

/** Why `path` could not be written; an existing file there is unchanged (writes are atomic). */
export function writeError(path: string, error: unknown): CliError {
  switch (codeOf(error)) {
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new CliError(
        `没有写入权限：无法写入“${path}”，原有文件未改动，请检查该文件及其文件夹的权限或换一个位置。`,
      );
    case "ENOENT":
      return new CliError(`无法写入“${path}”：文件夹不存在，请先建好文件夹或换一个路径。`);
    case "EISDIR":
      return new CliError(`“${path}”是文件夹，请在 --out 中写上文件名。`);
    case "EBUSY":
      return new CliError(`无法写入“${path}”：文件正被其他程序锁定，原有文件未改动，请关闭后再试。`);
    case "ENOSPC":
      return new CliError(`无法写入“${path}”：磁盘空间不足，原有文件未改动。`);
    default:
      return new CliError(`无法写入“${path}”（${codeOf(error) ?? (error as Error).message}），原有文件未改动。`);
  }
}
