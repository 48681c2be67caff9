// Two projects. `unit`: the code itself, fast — no build, no browser, no LibreOffice (`npm run test:unit`).
// `built`: the built add-in in dist/ (rebuilt first when stale, by this project's globalSetup only), the
// browser end-to-end tests and LibreOffice. `npm test` runs both. tests/test-projects.test.ts checks that
// every test of dist/, Chromium or LibreOffice is listed here. Type-checking is `npm run typecheck`'s
// job; jest only transpiles (isolatedModules in tsconfig.json).
"use strict";

/** The tests of the `built` project, relative to tests/ (a folder ends in /). */
const builtTests = [
  "e2e/",
  "wps-build.test.ts",
  "functions-hosts.test.ts",
  "bundle-budget.test.ts",
  "bundle-syntax.test.ts",
  "css-fallbacks.test.ts",
  "functions.test.ts",
  "functions-bulletin.test.ts",
  "functions-metadata.test.ts",
  "functions-sample.test.ts",
  "lazy-chunks.test.ts",
  "manifest.test.ts",
  "office-js-files.test.ts",
  "release.test.ts",
  "webpack-config.test.ts",
  "cli/libreoffice.test.ts",
  "cli/libreoffice-formats.test.ts",
  "core/export-docx-libreoffice.test.ts",
];

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const shared = {
  testEnvironment: "node",
  // Tests and hooks that write and read workbooks take seconds; on CI's 2 cores, shared with builds,
  // jest's 5 s default failed them (a hang still fails, after a minute). Longer ones set their own.
  testTimeout: 60_000,
  roots: ["<rootDir>/tests"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", ...builtTests.map((test) => `<rootDir>/tests/${escaped(test)}`)],
    },
    {
      ...shared,
      displayName: "built",
      testMatch: builtTests.map((test) => `<rootDir>/tests/${test}${test.endsWith("/") ? "**/*.test.ts" : ""}`),
      // Builds dist/ when missing or stale, once per run, before the first test of this project.
      globalSetup: "<rootDir>/tests/global-setup.js",
    },
  ],
};
