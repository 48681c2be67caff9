// `npm start`: on Windows and macOS with office-addin-debugging installed, sideloads the add-in into
// Excel (it starts the dev server itself); elsewhere serves the add-in with webpack's dev server so the
// pane can be previewed in a browser (the dev server prints the address when it listens).
"use strict";
const { spawn } = require("node:child_process");
const { join } = require("node:path");

const root = join(__dirname, "..");
const devServer = "npx --no-install webpack serve --mode development";

function canSideload() {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  try {
    require.resolve("office-addin-debugging/package.json");
    return true;
  } catch {
    return false;
  }
}

function run(command) {
  const child = spawn(command, { cwd: root, stdio: "inherit", shell: true });
  child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
}

if (canSideload()) {
  console.log("正在把专报助手旁加载到 Excel… / Sideloading ZhuanBao into Excel…");
  run(
    `npx --no-install office-addin-debugging start manifest.xml desktop --app excel --dev-server "${devServer}" --dev-server-port 3000`,
  );
} else {
  console.log(
    "本机不能旁加载到 Excel（需要 Windows 或 macOS 并安装 office-addin-debugging），改为启动开发服务器供浏览器预览。\n" +
      "Sideloading needs Windows or macOS with office-addin-debugging; starting the dev server for a browser preview instead.",
  );
  run(devServer);
}
