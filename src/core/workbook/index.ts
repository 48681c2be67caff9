/** Writing plans: the workbook template, what 创建模板 adds, unit forms, merging returns, the host interface. */
export * from "./format-plan";
export * from "./cell-input";
export * from "./memory-workbook";
export * from "./merge";
export * from "./merge-report";
export * from "./next-period";
export * from "./template-plan";
export * from "./unit-form";
export type * from "./workbook-host";
export * from "./workbook-template";
