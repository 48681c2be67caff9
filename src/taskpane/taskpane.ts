/**
 * Task pane entry: inside Excel or WPS 表格 the pane works on the open workbook; anywhere else (a
 * browser, a static server offline) it runs on the embedded sample, labelled 预览模式.
 */
import { ExcelWorkbookHost } from "../excel/excel-host";
import { findWps, type WpsScope } from "../wps/wps-detect";
import { WpsWorkbookHost } from "../wps/wps-host";
import { kaijuBahao } from "../core/spec";
import { bulletinHtml } from "../core/bulletin";
import { browserCopyEnvironment, copyBulletin } from "./clipboard";
import { waitForOffice } from "./office-start";
import { browserFileSaving, saveFile } from "./file-saving";
import { PaneController, type UnitFormSaver, type WordDocumentSaver } from "./pane-controller";
import { claimPaneStart } from "./pane-start";
import { readPaneQuery, withoutAction } from "./pane-query";
import { createPaneView } from "./pane-view";
import { previewWorkbook } from "./preview-workbook";
import { readReturnFiles } from "./return-files";
import { writeUnitForm, xlsxMimeType } from "./unit-form-file";
import { docxMimeType, loadDocxRenderer } from "./word-file";
import { wireHelp } from "./help";

/** Office.context.platform where office.js has told it, else null (the preview in a browser). */
function officePlatform(): string | null {
  if (typeof Office === "undefined") return null;
  const platform = (Office.context as { platform?: unknown } | undefined)?.platform;
  return typeof platform === "string" ? platform : null;
}

const saveWordDocument: WordDocumentSaver = async (doc, name) => {
  const render = await loadDocxRenderer();
  const file = { bytes: await render(doc), name, mimeType: docxMimeType };
  return saveFile(file, browserFileSaving(officePlatform()));
};

const saveUnitForm: UnitFormSaver = async (categories, name) => {
  const file = { bytes: await writeUnitForm(categories), name, mimeType: xlsxMimeType };
  return saveFile(file, browserFileSaving(officePlatform()));
};

/**
 * The pane on its host: WPS 表格 when the page has ET's Application (WPS loads no office.js), else Excel
 * when office.js says so, else the preview. If Excel answers after the preview has started, it takes over.
 */
async function paneController(sample: ReturnType<typeof readPaneQuery>["sample"]): Promise<PaneController> {
  const wps = findWps(window as unknown as WpsScope);
  if (wps) return new PaneController(new WpsWorkbookHost(wps.app, { customFunctions: wps.customFunctions }));
  let controller: PaneController | null = null;
  const office = typeof Office === "undefined" ? undefined : Office;
  const mode = await waitForOffice(office, () => void controller?.useHost(new ExcelWorkbookHost()));
  controller = new PaneController(mode === "excel" ? new ExcelWorkbookHost() : previewWorkbook(sample));
  return controller;
}

async function start(): Promise<void> {
  if (!claimPaneStart()) return;
  // Before the host answers: 部署自检 is for a pane that may not get that far.
  wireHelp(() => findWps(window as unknown as WpsScope) !== null);
  const query = readPaneQuery(window.location.search);
  const pane = await paneController(query.sample);

  const view = createPaneView(
    kaijuBahao.categories.map((category) => category.name),
    {
      onAction: (action, options) => void pane.run(action, options),
      onSelectIssue: (key) => void pane.selectIssue(key),
      onCopy: () => {
        const { bulletin, bulletinText } = pane.view;
        if (!bulletin || bulletinText === null) return;
        void copyBulletin({ text: bulletinText, html: bulletinHtml(bulletin) }, browserCopyEnvironment()).then(
          (outcome) => {
            if (outcome === "failed") view.selectBulletinText();
            pane.reportCopy(outcome);
          },
        );
      },
      onDownloadWord: () => void pane.downloadWord(saveWordDocument),
      onImportFiles: (files) => void pane.importReturns(() => readReturnFiles(files)),
      onChooseConflict: (key, side) => pane.chooseConflict(key, side),
      onChooseAddRows: (add) => pane.chooseAddRows(add),
      onApplyMerge: () => void pane.applyMerge(),
      onCancelMerge: () => pane.cancelMerge(),
      onDownloadUnitForm: (categories) => void pane.downloadUnitForm(categories, saveUnitForm),
      onConfirmNextPeriod: () => void pane.confirmNextPeriod(),
      onCancelNextPeriod: () => pane.cancelNextPeriod(),
    },
  );
  pane.subscribe(view.render);
  view.render(pane.view);

  await pane.refresh();
  if (query.action) {
    // The ribbon's ?action runs once: a reload of the pane must not repeat it. office.js disables
    // history.replaceState in add-ins (sets it to null); the action runs all the same.
    if (typeof window.history.replaceState === "function") {
      window.history.replaceState(null, "", withoutAction(window.location.href));
    }
    await pane.run(query.action);
  }
}

void start();
