// The files of @microsoft/office-js the add-in loads, so a build without internet serves only these
// (the package is 87 MB). office.js picks its host script as `{host}-{platform}-{version}.js`, clamped
// to the newest version it knows (OSF.HostSpecificFileVersionMap: Excel win32 16.01, others 16.00);
// the custom functions runtime loads the same name with the suffix "-core". Both load the UI strings
// from `{locale}/office_strings.js`, falling back to en-us.
"use strict";

const excelHostScripts = [
  "excel-win32-16.01.js", // Microsoft 365 and Office 2019+ on Windows
  "excel-win32-16.00.js", // Excel 2016 builds that announce 16.00
  "excel-mac-16.00.js",
  "excel-web-16.00.js",
];

const customFunctionsHostScripts = ["excel-win32-16.01-core.js", "excel-mac-16.00-core.js", "excel-web-16.00-core.js"];

module.exports.officeJsFiles = [
  "office.js",
  "custom-functions-runtime.js",
  ...excelHostScripts,
  ...customFunctionsHostScripts,
  // Loaded when no host announces itself (the pane opened in a browser for preview).
  "o15apptofilemappingtable.js",
  "zh-cn/office_strings.js",
  "en-us/office_strings.js",
];
