/** The pure pipeline: cell grids → parse → checks → calculations → text. No Office, DOM or Node. */
export * from "./a1";
export * from "./bulletin";
export * from "./calc";
export * from "./cells";
export * from "./format";
export * from "./grid";
export * from "./issues";
export * from "./layout";
export * from "./paragraph";
export * from "./phrases";
export * from "./settings";
export * from "./template";
export * from "./workbook-template";
export { kaijuBahao } from "./catalog/kaiju-bahao";
export type * from "./catalog/types";
export type { IndicatorRow } from "./indicators";
export type * from "./workbook-host";
export * from "./items";
export * from "./merge";
export * from "./unit-form";
export * from "./template-plan";
export * from "./memory-workbook";
export * from "./bulletin-document";
export * from "./bulletin-footer";
export * from "./narrative";
export * from "./text-runs";
export * from "./export-html";
export * from "./official-layout";
// Not re-exported: ./export-docx (renderBulletinDocx) pulls in the large `docx` package, so callers import
// that module on demand, e.g. `await import("../core/export-docx")` in the pane.
