/**
 * Whether the pane runs inside Excel or as the preview. Outside Office (a browser, a static server on
 * an intranet without internet) office.js may be missing, fail to load or never call back, so the
 * wait is bounded; if Excel answers after the preview has started, `onLateExcel` switches over.
 */

/** The part of office.js this decision needs. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
}

export type PaneMode = "excel" | "preview";

export const officeWaitMilliseconds = 5000;

export function waitForOffice(
  office: OfficeLike | undefined,
  onLateExcel: () => void,
  timeoutMs = officeWaitMilliseconds,
): Promise<PaneMode> {
  if (!office || typeof office.onReady !== "function") return Promise.resolve("preview");
  return new Promise((resolve) => {
    let decided = false;
    const timer = setTimeout(() => {
      decided = true;
      resolve("preview");
    }, timeoutMs);
    const answer = (host: unknown) => {
      const mode: PaneMode = host === "Excel" ? "excel" : "preview";
      if (decided) {
        if (mode === "excel") onLateExcel();
        return;
      }
      decided = true;
      clearTimeout(timer);
      resolve(mode);
    };
    try {
      office.onReady().then(
        (info) => answer(info?.host ?? null),
        () => answer(null),
      );
    } catch {
      answer(null);
    }
  });
}
