/**
 * The pure pipeline, one folder per step, each importing only the folders before it:
 * spec → calc → wording → reading → checks → bulletin → workbook. No Office, WPS, DOM, Node or file library.
 */
export * from "./spec";
export * from "./calc";
export * from "./wording";
export * from "./reading";
export * from "./checks";
export * from "./bulletin";
export * from "./workbook";
