/** Plausibility checks over rows and their figures. Imports the layers below it. */
export * from "./checks";
export * from "./control-characters";
export * from "./history-figures";
