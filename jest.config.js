/** Type-checking is `npm run typecheck`'s job; jest only transpiles (isolatedModules in tsconfig.json). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // Builds dist/ when missing or stale, once per run, for the tests of the built add-in.
  globalSetup: "<rootDir>/tests/global-setup.js",
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
};
