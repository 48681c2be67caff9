/** The layout spec and catalog: what the workbook looks like and what it holds. Imports nothing else of core. */
export * from "./a1";
export * from "./issues";
export * from "./layout";
export * from "./sheets";
export { kaijuBahao } from "./catalog/kaiju-bahao";
export type * from "./catalog/types";
export * from "./limits";
export * from "./history-layout";
