/**
 * `zhuanbao doctor https://host/path/`: the deployment self-check of src/deploy over Node's TLS. Also
 * the entry of doctor/zhuanbao-doctor.js in the release package, so an administrator runs it with Node
 * alone, without the project.
 */
import { doctorReportLines, runDoctor, siteBase } from "../deploy";
import { choice, parseCommandLine, type OptionSpecs, type ParsedArgs } from "./args";
import { CliError } from "./errors";
import { siteFetcher } from "./site-fetch";

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const doctorUsage = `  zhuanbao doctor https://服务器/路径/ [--format text|json]
                                                     部署自检：清单及其引用的每个文件是否可访问、
                                                     HTTPS、证书受信任、类型正确、版本一致、只连本站`;

export const doctorDetails = `  --format text|json   报告的格式（json：每个文件的每项检查）
  本机信任的证书：Node 自带的根证书、系统证书库（Linux），以及环境变量
  NODE_EXTRA_CA_CERTS 指向的 PEM 文件（Windows 上用它指定单位根证书）`;

export const doctorOptions: OptionSpecs = { format: { type: "string", example: "json" } };

/** Exit 0 when every check of every file holds, 1 otherwise. */
export async function doctorCommand(args: ParsedArgs, io: Output): Promise<number> {
  const address = args.positional[0];
  if (!address || !siteBase(address)) {
    throw new CliError("请指定加载项的网址，如 zhuanbao doctor https://zb.example.gov.cn/zhuanbao/。");
  }
  const format = choice(args.options.get("format"), ["text", "json"] as const, "text", "format");
  const report = await runDoctor(address, siteFetcher());
  io.out(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : `${doctorReportLines(report).join("\n")}\n`);
  return report.ok ? 0 : 1;
}

/** The standalone tool: `node zhuanbao-doctor.js https://host/path/`. */
export async function doctorMain(argv: readonly string[], io: Output): Promise<number> {
  try {
    const args = parseCommandLine(argv, {
      name: "zhuanbao-doctor",
      options: doctorOptions,
      maxPositional: 1,
      positionalHint: "一个网址",
    });
    if (args.options.has("help") || args.options.has("version")) {
      io.out(
        `用法：\n${doctorUsage.replace("zhuanbao doctor", "node zhuanbao-doctor.js")}\n\n选项：\n${doctorDetails}\n`,
      );
      return 0;
    }
    return await doctorCommand(args, io);
  } catch (error) {
    io.err(`${error instanceof CliError ? error.message : `发生意外错误：${(error as Error).message}`}\n`);
    return error instanceof CliError ? error.exitCode : 2;
  }
}
