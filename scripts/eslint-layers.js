// The import layering of src/, as data, and the ESLint rule that holds every import to it.
// Core's folders form a pipeline: a folder imports only the folders before it. Outside core, each
// folder names what it may import; core is reached through a folder's index, never a file inside it.
const path = require("path");

/** src/core's folders in pipeline order. */
const coreLayers = ["spec", "calc", "wording", "reading", "checks", "bulletin", "workbook"];

/** What each folder outside core may import (core folders by name, other src folders as "src/<name>"). */
const allowedImports = {
  files: ["core/*"],
  // The functions bundle runs without the pane; it takes the rules and phrases, not the workbook pipeline.
  functions: ["core/spec", "core/calc", "core/wording", "core/reading"],
  excel: ["core/*"],
  wps: ["core/*"],
  // Host-neutral deployment checks: the CLI's doctor and the pane's 部署自检 share them.
  deploy: [],
  cli: ["core/*", "src/files", "src/deploy"],
  taskpane: ["core/*", "src/files", "src/excel", "src/wps", "src/deploy"],
  commands: ["src/taskpane"],
};

const srcRoot = path.resolve(__dirname, "..", "src");

/** Where a file sits: {folder: "core", layer: "reading"} or {folder: "taskpane"}; null outside src/. */
function placeOf(file) {
  const relative = path.relative(srcRoot, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [folder, layer, ...rest] = relative.split(path.sep);
  if (folder !== "core") return { folder };
  // src/core itself and its index.ts belong to no layer.
  const isLayer = layer !== undefined && !layer.endsWith(".ts");
  return { folder, layer: isLayer ? layer : null, depth: rest.length };
}

function checkImport(fromFile, specifier) {
  if (!specifier.startsWith(".")) return null;
  const from = placeOf(fromFile);
  if (!from) return null;
  const target = placeOf(path.resolve(path.dirname(fromFile), specifier));
  if (!target) return null;
  if (from.folder === "core") {
    if (target.folder !== "core") return `src/core must stay pure: it may not import src/${target.folder}`;
    if (from.layer === null || target.layer === null) return null;
    if (coreLayers.indexOf(target.layer) > coreLayers.indexOf(from.layer))
      return `core/${from.layer} may not import core/${target.layer}, a later layer (${coreLayers.join(" → ")})`;
    return null;
  }
  if (target.folder === from.folder) return null;
  const allowed = allowedImports[from.folder] ?? [];
  if (target.folder === "core") {
    if (target.layer !== null && target.depth > 0)
      return `import core/${target.layer} through its index, not a file inside it`;
    const wanted = target.layer === null ? "core/*" : `core/${target.layer}`;
    const ok = allowed.includes("core/*") || allowed.includes(wanted);
    return ok ? null : `src/${from.folder} may import only ${allowed.join(", ") || "nothing else"}, not ${wanted}`;
  }
  return allowed.includes(`src/${target.folder}`)
    ? null
    : `src/${from.folder} may import only ${allowed.join(", ") || "nothing else"}, not src/${target.folder}`;
}

const rule = {
  meta: {
    type: "problem",
    schema: [],
    docs: { description: "src/ imports follow the layering in scripts/eslint-layers.js" },
  },
  create(context) {
    const file = context.filename;
    const report = (node, source) => {
      const problem = typeof source === "string" ? checkImport(file, source) : null;
      if (problem) context.report({ node, message: problem });
    };
    return {
      ImportDeclaration: (node) => report(node, node.source.value),
      ExportAllDeclaration: (node) => report(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && report(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && report(node, node.source.value),
    };
  },
};

module.exports = { coreLayers, allowedImports, checkImport, plugin: { rules: { layers: rule } } };
