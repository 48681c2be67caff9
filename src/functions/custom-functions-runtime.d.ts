/**
 * The part of the custom functions runtime's global `CustomFunctions` that the ZB functions use
 * (@types/custom-functions-runtime is not installed). The runtime provides it; the metadata plugin
 * appends the `associate` calls to functions.ts.
 */
declare namespace CustomFunctions {
  function associate(id: string, implementation: (...args: never[]) => unknown): void;

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
  }

  class Error {
    constructor(code: ErrorCode, message?: string);
    code: ErrorCode;
    message?: string;
  }
}
