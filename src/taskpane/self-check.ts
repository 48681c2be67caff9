/**
 * 部署自检 in the pane, without DOM: the same checks as `zhuanbao doctor` (src/deploy's runDoctor), run
 * against the site the pane was loaded from, as a view model that changes while it runs.
 */
import { checkText, type DoctorReport, doctorSummary, type Fetcher, runDoctor, siteBase } from "../deploy";

export interface SelfCheckItem {
  /** The file's path under the site. */
  label: string;
  ok: boolean;
  /** Each check in a line: “内容类型 text/css”, or what failed and what to do. */
  checks: { ok: boolean; text: string }[];
}

export interface SelfCheckView {
  /** The site checked; null when the pane was not loaded from a web site. */
  base: string | null;
  running: boolean;
  /** While running: which file and how many so far. */
  progress: string | null;
  manifestVersion: string | null;
  items: SelfCheckItem[];
  /** The last line once done, from core: 全部通过… or 未通过… */
  summary: string | null;
  /** True when every check held; null until done. */
  ok: boolean | null;
  /** Why the check could not run at all. */
  failure: string | null;
}

/** The WPS 加载项's pane is a copy in the site's wps/ folder (dist/wps/); the manifest is in the folder above. */
const wpsFolder = "wps/";

/**
 * The site the pane was loaded from: the folder of its page (where manifest.xml lies beside it), or for
 * WPS's copy the folder above; null for a page that did not come from an http(s) server.
 */
export function paneSiteBase(pageUrl: string, inWps: boolean): string | null {
  // By hand: the URL class comes with src/deploy in the legacy bundle (webpack.config.js).
  const page = pageUrl.split(/[?#]/)[0]!;
  const base = siteBase(page.slice(0, page.lastIndexOf("/") + 1));
  if (base === null) return null;
  return inWps && base.endsWith(`/${wpsFolder}`) ? base.slice(0, -wpsFolder.length) : base;
}

const idle: SelfCheckView = {
  base: null,
  running: false,
  progress: null,
  manifestVersion: null,
  items: [],
  summary: null,
  ok: null,
  failure: null,
};

const notFromSite = (pageUrl: string) =>
  `这个任务窗格不是从网站加载的（${pageUrl.split(/[?#]/)[0]}），部署自检只检查服务器上的加载项。` +
  "WPS 离线部署（jsaddons 文件夹）无需自检。";

function doneView(base: string, report: DoctorReport): SelfCheckView {
  return {
    ...idle,
    base,
    manifestVersion: report.manifestVersion,
    items: report.items.map((item) => ({
      label: item.label,
      ok: item.checks.every((check) => check.ok),
      checks: item.checks.map((check) => ({ ok: check.ok, text: checkText(check) })),
    })),
    summary: doctorSummary(report),
    ok: report.ok,
  };
}

/**
 * Runs the self-check for the pane at `pageUrl`, handing `show` a view before each file is fetched and
 * once at the end; returns the last view. Requests only go to the pane's own site.
 */
export async function runSelfCheck(
  pageUrl: string,
  inWps: boolean,
  fetcher: Fetcher,
  show: (view: SelfCheckView) => void,
): Promise<SelfCheckView> {
  const base = paneSiteBase(pageUrl, inWps);
  let view: SelfCheckView;
  if (base === null) {
    view = { ...idle, failure: notFromSite(pageUrl) };
  } else {
    let checked = 0;
    const counting: Fetcher = (url) => {
      const file = url.indexOf(base) === 0 ? url.slice(base.length) : url;
      show({ ...idle, base, running: true, progress: `正在检查 ${file}（已检查 ${checked} 个文件）…` });
      checked += 1;
      return fetcher(url);
    };
    try {
      view = doneView(base, await runDoctor(base, counting));
    } catch (error) {
      view = { ...idle, base, failure: `部署自检未能完成：${(error as Error).message}` };
    }
  }
  show(view);
  return view;
}
