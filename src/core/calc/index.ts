/** The formulas (completion, growth, 个百分点, 序时进度), a row's figures and display rounding. Imports only spec. */
export * from "./calc";
export * from "./figures";
export * from "./format";
