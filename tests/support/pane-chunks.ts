/** The pane's on-demand chunks handed over as modules: jest runs no dynamic import. */
import * as mergeSession from "../../src/taskpane/merge-session";
import * as nextPeriodPlan from "../../src/taskpane/next-period-plan";
import type { PaneChunks } from "../../src/taskpane/pane-controller";
import { paneTrends } from "../../src/taskpane/trend-data";

export const paneChunks: PaneChunks = {
  trends: () => Promise.resolve(paneTrends),
  planner: () => Promise.resolve(nextPeriodPlan),
  mergeSession: () => Promise.resolve(mergeSession),
};
