/** 开始下一期's planning, loaded by the pane on first use as its own chunk (with the hosts' writers). */
export { planNextPeriod } from "../core/workbook";
