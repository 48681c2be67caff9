/**
 * What this Excel offers beyond ExcelApi 1.1 (Excel 2016). Every use of a later member sits inside an
 * `if` that asks one of these with a literal version: tests/api-sets.test.ts checks exactly that.
 */

export function supportsExcelApi(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** The ZB.* custom functions need the shared runtime of CustomFunctionsRuntime 1.1. */
export function supportsCustomFunctions(): boolean {
  return Office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1");
}
