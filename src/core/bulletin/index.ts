/** The pipeline over a workbook (analyzeWorkbook), the bulletin document, its HTML and page layout. */
export * from "./bulletin";
export * from "./bulletin-document";
export * from "./export-html";
export * from "./official-layout";
export * from "./trends";
