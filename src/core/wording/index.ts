/** Conventional wording: phrases, the 表述模板 language, paragraph joining, bold runs. Imports spec and calc. */
export * from "./paragraph";
export * from "./phrases";
export * from "./template";
export * from "./text-runs";
