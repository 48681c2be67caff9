// Office's recommended rules (a sync inside a loop, a read before load…; typescript-eslint comes
// with the plugin), with src/core kept free of host APIs.
const officeAddins = require("eslint-plugin-office-addins");
// The TypeScript parser the Office plugin itself was built with, so plugin and parser agree.
const tsParser = require(
  require.resolve("@typescript-eslint/parser", { paths: [require.resolve("eslint-plugin-office-addins")] }),
);

const layers = require("./scripts/eslint-layers.js");

const hostGlobals = [
  "window",
  "document",
  "navigator",
  "Office",
  "Excel",
  "CustomFunctions",
  "wps",
  "process",
  "Buffer",
  "require",
];

module.exports = [
  { ignores: ["node_modules/", "build/", "dist/", "coverage/", "test-output/"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "no-undef": "off",
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { zhuanbao: layers.plugin },
    rules: {
      "zhuanbao/layers": "error",
      // A spread argument puts every element on the stack: 200,000 rows overflowed it (issue 12).
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
          message: "No spread arguments: loop (for…of push), reduce, or appendAll; a long array overflows the stack.",
        },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts", "src/deploy/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...hostGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "exceljs", "docx", "@microsoft/*", "office-*"],
              message: "src/core and src/deploy are pure: no Node, Office or file libraries.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "scripts/**/*.ts", "tests/**/*.ts"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
