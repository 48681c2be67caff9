/**
 * The deployment self-check: fetches the manifest at `base`, every URL it names and everything those
 * pages and stylesheets load, and judges each file — reachable, HTTPS, certificate, content type,
 * version, only this site. How a file is fetched is the host's (Node's TLS for `zhuanbao doctor`, the
 * pane's fetch for 部署自检); the judging is here, once.
 */
import {
  absoluteUrls,
  contentTypeFits,
  expectedType,
  fileKind,
  isManifestVersion,
  isUnder,
  manifestFacts,
  pageReferences,
  pageVersion,
  policyOutsideSources,
  siteBase,
  stylesheetReferences,
  withoutQuery,
} from "./site";

export interface Fetched {
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  contentType: string | null;
  /** A redirect's target. */
  location: string | null;
  /**
   * True when the host followed a redirect and `status` is the final answer's, at `location` (a
   * browser's fetch follows redirects; Node's fetcher does not, and gives the 3xx itself).
   */
  redirected?: boolean;
  body: Uint8Array;
  /** Why no answer came (name not found, refused, timed out). */
  failure: string | null;
  /** For https: null when this machine trusts the certificate, otherwise why it does not. */
  certificateProblem: string | null;
}

export type Fetcher = (url: string) => Promise<Fetched>;

export type CheckName = "reachable" | "https" | "certificate" | "type" | "version" | "hosts";

export const checkLabels: Record<CheckName, string> = {
  reachable: "可访问",
  https: "HTTPS",
  certificate: "证书",
  type: "内容类型",
  version: "版本",
  hosts: "只连本站",
};

export interface Check {
  name: CheckName;
  ok: boolean;
  /** What was found, in Chinese; on failure also what to do. */
  detail: string;
}

export interface ItemReport {
  url: string;
  /** The path under the site, or the whole URL for a file elsewhere. */
  label: string;
  checks: Check[];
}

export interface DoctorReport {
  base: string;
  manifestVersion: string | null;
  items: ItemReport[];
  ok: boolean;
}

/** Made when used, not when loaded: the pane's legacy bundle supplies TextDecoder just before it runs the check. */
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Runs every check; never throws for what the server does (a failure is a check that did not hold). */
export async function runDoctor(address: string, fetcher: Fetcher): Promise<DoctorReport> {
  const base = siteBase(address);
  if (!base) throw new Error(`“${address}”不是 http(s) 网址，请写成 https://服务器/路径/。`);
  const manifestUrl = new URL("manifest.xml", base).href;
  const items: ItemReport[] = [];
  const manifest = await fetcher(manifestUrl);
  const manifestText = manifest.status === 200 ? decode(manifest.body) : "";
  const facts = manifestFacts(manifestText);
  const version = facts.version;
  items.push(manifestItem(manifestUrl, base, manifest, manifestText));

  const queue = facts.urls.map(withoutQuery).filter((url) => isUnder(url, base));
  const seen = new Set([manifestUrl]);
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const fetched = await fetcher(url);
    const { item, references } = fileItem(url, base, fetched, version);
    items.push(item);
    for (const reference of references) if (isUnder(reference, base)) queue.push(withoutQuery(reference));
  }
  return { base, manifestVersion: version, items, ok: items.every((item) => item.checks.every((check) => check.ok)) };
}

const label = (url: string, base: string) => (isUnder(url, base) ? url.slice(base.length) || "/" : url);

function transportChecks(url: string, fetched: Fetched): Check[] {
  const checks: Check[] = [reachable(fetched)];
  const https = url.startsWith("https:");
  checks.push({
    name: "https",
    ok: https,
    detail: https ? "https" : "用的是 http：Office 只加载 https 网址，请在服务器上启用 HTTPS 并使用 https:// 地址",
  });
  if (https && fetched.failure === null) {
    const problem = fetched.certificateProblem;
    checks.push({
      name: "certificate",
      ok: problem === null,
      detail:
        problem === null
          ? "受本机信任"
          : `本机不信任该证书（${problem}）：在每台电脑上安装签发它的根证书（部署指南“证书”一节）`,
    });
  }
  return checks;
}

function reachable(fetched: Fetched): Check {
  if (fetched.failure !== null) return { name: "reachable", ok: false, detail: `无法连接：${fetched.failure}` };
  if (fetched.redirected) {
    return { name: "reachable", ok: false, detail: `被重定向到 ${fetched.location ?? "?"}：请直接使用最终地址` };
  }
  if (fetched.status === 200) return { name: "reachable", ok: true, detail: "200" };
  if (fetched.status !== null && fetched.status >= 300 && fetched.status < 400) {
    return {
      name: "reachable",
      ok: false,
      detail: `被重定向（${fetched.status}）到 ${fetched.location ?? "?"}：请直接使用最终地址`,
    };
  }
  const missing =
    fetched.status === 404 ? "：服务器上没有这个文件，请把发布包 site 文件夹的全部内容复制到网站目录" : "";
  return { name: "reachable", ok: false, detail: `HTTP ${fetched.status}${missing}` };
}

function typeCheck(url: string, fetched: Fetched): Check {
  const ok = contentTypeFits(url, fetched.contentType);
  const served = fetched.contentType ?? "（无）";
  return {
    name: "type",
    ok,
    detail: ok ? served : `服务器给出 ${served}，应为 ${expectedType(url)}：按发布包 server 文件夹的配置设置 MIME 类型`,
  };
}

function hostsCheck(outside: readonly string[], extra: string | null = null): Check {
  if (outside.length === 0 && extra === null) return { name: "hosts", ok: true, detail: "只引用本站" };
  const named = outside.length > 0 ? `引用了本站以外的地址 ${outside.slice(0, 3).join("、")}` : "";
  const detail = [named, extra].filter(Boolean).join("；");
  return { name: "hosts", ok: false, detail: `${detail}：请用 npm run release -- --url 本站地址 重新生成发布包` };
}

function manifestItem(url: string, base: string, fetched: Fetched, text: string): ItemReport {
  const checks = transportChecks(url, fetched);
  if (fetched.status === 200) {
    checks.push(typeCheck(url, fetched));
    const facts = manifestFacts(text);
    const version = facts.version;
    const valid = version !== null && isManifestVersion(version);
    checks.push({
      name: "version",
      ok: valid,
      detail: valid ? version : `清单没有有效的 <Version>（${version ?? "缺失"}）`,
    });
    checks.push(hostsCheck(facts.urls.filter((other) => !isUnder(other, base))));
  }
  return { url, label: label(url, base), checks };
}

function fileItem(
  url: string,
  base: string,
  fetched: Fetched,
  manifestVersion: string | null,
): { item: ItemReport; references: string[] } {
  const checks = transportChecks(url, fetched);
  let references: string[] = [];
  if (fetched.status === 200) {
    checks.push(typeCheck(url, fetched));
    const text = fileKind(url) === "image" ? "" : decode(fetched.body);
    switch (fileKind(url)) {
      case "html": {
        references = pageReferences(text, url);
        const version = pageVersion(text);
        const same = version !== null && version === manifestVersion;
        checks.push({
          name: "version",
          ok: same,
          detail: same
            ? version
            : version === null
              ? "页面没有版本标记：网站上的文件不是用 npm run release 生成的发布包"
              : `页面是 ${version} 版，清单是 ${manifestVersion ?? "?"} 版：网站文件和清单须来自同一个发布包`,
        });
        const policy = policyOutsideSources(text);
        checks.push(
          hostsCheck(
            [...references.filter((reference) => !isUnder(reference, base)), ...(policy ?? [])],
            policy === null ? "页面缺少 Content-Security-Policy" : null,
          ),
        );
        break;
      }
      case "stylesheet":
        references = stylesheetReferences(text, url);
        checks.push(hostsCheck(references.filter((reference) => !isUnder(reference, base))));
        break;
      case "json":
      case "script":
        // Scripts hold many URLs that are not requests (XML namespaces in ExcelJS and docx); the pages'
        // policy keeps them from loading anything elsewhere. A dev-server address left in a build is.
        checks.push(
          hostsCheck(
            absoluteUrls(text).filter(
              (other) => !isUnder(other, base) && (fileKind(url) === "json" || /\/\/localhost[:/]/i.test(other)),
            ),
          ),
        );
        break;
      default:
        break;
    }
  }
  return { item: { url, label: label(url, base), checks }, references };
}

/** A check that held, briefly: what it found where that says something (the type, the version). */
function passedText(check: Check): string {
  if (check.name === "type" || check.name === "version") return `${checkLabels[check.name]} ${check.detail}`;
  return check.name === "certificate" ? "证书受信任" : checkLabels[check.name];
}

/** One check as a person reads it: briefly when it held, with what was found and what to do when not. */
export function checkText(check: Check): string {
  return check.ok ? passedText(check) : `${checkLabels[check.name]}：${check.detail}`;
}

/** The report's last line: all passed, or how many files have a problem. */
export function doctorSummary(report: DoctorReport): string {
  const failedItems = report.items.filter((item) => item.checks.some((check) => !check.ok)).length;
  return report.ok
    ? `全部通过：${report.items.length} 个文件均可访问、HTTPS、证书受信任、类型正确、版本一致、只连本站。可以分发清单。`
    : `未通过：${report.items.length} 个文件中有 ${failedItems} 个有问题（见上方 ✗ 项）。`;
}

/** The report as lines of Chinese text: a line per file that passed, the failing checks spelt out. */
export function doctorReportLines(report: DoctorReport): string[] {
  const lines = [`专报助手部署自检：${report.base}`, `清单版本：${report.manifestVersion ?? "（读不到清单）"}`, ""];
  for (const item of report.items) {
    const failed = item.checks.filter((check) => !check.ok);
    if (failed.length === 0) {
      lines.push(`✓ ${item.label}（${item.checks.map(checkText).join(" · ")}）`);
    } else {
      lines.push(`✗ ${item.label}`);
      for (const check of failed) lines.push(`    ✗ ${checkText(check)}`);
    }
  }
  lines.push("", doctorSummary(report));
  return lines;
}
