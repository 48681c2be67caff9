/** Conventional wording: phrases, a row's placeholders, the 表述模板 language, paragraph joining, bold runs. Imports spec and calc. */
export * from "./paragraph";
export * from "./phrases";
export * from "./row-text";
export * from "./template";
export * from "./text-runs";
export * from "./control-characters";
