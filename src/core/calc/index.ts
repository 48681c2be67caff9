/** The formulas (completion, growth, 个百分点, 序时进度) and display rounding. Imports only spec. */
export * from "./calc";
export * from "./format";
