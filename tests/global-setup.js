// Builds dist/ once per jest run when it is missing or stale (tests of the built add-in read it).
"use strict";
const { ensureBuild } = require("../scripts/ensure-build");

module.exports = function buildAddIn() {
  const error = ensureBuild();
  if (error) console.warn(`\nThe add-in build failed; tests of dist/ will fail:\n${error.slice(-4000)}`);
};
