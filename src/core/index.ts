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
