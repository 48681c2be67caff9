/**
 * The pane's 帮助: the header's button opens and closes the card; its 开始自检 loads the self-check
 * chunk (self-check-run.ts) on first use and runs it.
 */
import { byId } from "./dom";

export function wireHelp(inWps: () => boolean): void {
  const toggle = byId<HTMLButtonElement>("help-toggle");
  const card = byId("help");
  const start = byId<HTMLButtonElement>("run-self-check");
  const elements = {
    status: byId("self-check-status"),
    items: byId("self-check-items"),
    summary: byId("self-check-summary"),
  };

  toggle.addEventListener("click", () => {
    const open = card.hidden;
    card.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) card.focus();
  });

  start.addEventListener("click", () => {
    if (start.getAttribute("aria-disabled") === "true") return;
    start.setAttribute("aria-disabled", "true");
    const idle = () => start.setAttribute("aria-disabled", "false");
    import(/* webpackChunkName: "self-check" */ "./self-check-run.js")
      .then(({ runPaneSelfCheck }) => runPaneSelfCheck(elements, inWps()))
      .then(idle, (error: unknown) => {
        // The chunk itself comes from the site: a missing or refused file shows here first.
        console.error("专报助手：部署自检未能运行", error);
        elements.status.textContent =
          "部署自检未能运行：它的脚本没有从网站取到。网站上可能缺少文件，请重新复制发布包的 site 文件夹，或请管理员运行 zhuanbao doctor。";
        idle();
      });
  });
}
