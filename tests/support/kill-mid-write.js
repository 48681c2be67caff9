/**
 * Preloaded into the real CLI (`node --require`) by tests/cli/next-killed.test.ts: the first write to
 * a temporary file (.tmp) puts half of its bytes on disk, then the process is killed with SIGKILL, as
 * `kill -9` or a power cut would end it mid-write. Nothing of the CLI is changed.
 */
"use strict";
const fs = require("node:fs");

const open = fs.promises.open;
fs.promises.open = async function openAndDieOnWrite(path, ...rest) {
  const handle = await open.call(this, path, ...rest);
  if (String(path).endsWith(".tmp")) {
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = async (data, ...args) => {
      await writeFile(
        typeof data === "string" ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1),
        ...args,
      );
      process.kill(process.pid, "SIGKILL");
    };
  }
  return handle;
};
