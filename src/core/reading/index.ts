/** Reading cells and sheets into typed rows with the issues found on the way. Imports spec, calc and wording. */
export * from "./bulletin-footer";
export * from "./cells";
export * from "./grid";
export * from "./indicators";
export * from "./items";
export * from "./narrative";
export * from "./numbers";
export * from "./settings";
export * from "./history";
