/**
 * Task pane entry: inside Excel the pane works on the open workbook; anywhere else (a browser, a
 * static server offline) it runs on the embedded sample, labelled 预览模式.
 */
import { ExcelWorkbookHost } from "../excel/excel-host";
import { bulletinHtml } from "../core/export-html";
import { copyText } from "./clipboard";
import { waitForOffice } from "./office-start";
import { PaneController } from "./pane-controller";
import { readPaneQuery, withoutAction } from "./pane-query";
import { createPaneView } from "./pane-view";
import { previewWorkbook } from "./preview-workbook";

async function start(): Promise<void> {
  const query = readPaneQuery(window.location.search);
  let controller: PaneController | null = null;
  const office = typeof Office === "undefined" ? undefined : Office;
  const mode = await waitForOffice(office, () => void controller?.useHost(new ExcelWorkbookHost()));
  controller = new PaneController(mode === "excel" ? new ExcelWorkbookHost() : previewWorkbook(query.sample));
  const pane = controller;

  const view = createPaneView({
    onAction: (action, options) => void pane.run(action, options),
    onSelectIssue: (key) => void pane.selectIssue(key),
    onCopy: () => {
      const { bulletin, bulletinText } = pane.view;
      if (bulletin && bulletinText !== null) {
        void copyText(bulletinText, bulletinHtml(bulletin)).then((copied) => pane.reportCopy(copied));
      }
    },
  });
  pane.subscribe(view.render);
  view.render(pane.view);

  await pane.refresh();
  if (query.action) {
    // The ribbon's ?action runs once: a reload of the pane must not repeat it.
    window.history.replaceState(null, "", withoutAction(window.location.href));
    await pane.run(query.action);
  }
}

void start();
