// The add-in build: the task pane, the ribbon commands and the ZB custom functions → dist/.
// Two compilations (docs/compatibility.md): the modern one, loaded with <script type="module">, and a
// legacy ES5 one under dist/legacy/ with only the polyfills its code uses, loaded with <script nomodule>
// by Internet Explorer 11's webview (Office 2016/2019) — a modern host never fetches it.
// `npm run build` (production, minified) works offline: office.js and the few files it loads are
// copied from @microsoft/office-js. OFFICE_JS=cdn loads them from Microsoft's CDN instead;
// ADDIN_URL=https://server/path/ writes dist/manifest.xml and the functions' help links for that server;
// BUILD_DIR=folder builds there instead of dist/.
"use strict";
const path = require("node:path");
const { setTimeout: delay } = require("node:timers/promises");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, DefinePlugin, sources } = require("webpack");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { addinBaseUrl, withBaseUrl } = require("./scripts/addin-url");
const {
  ContentSecurityPolicyPlugin,
  contentSecurityPolicy,
  withContentSecurityPolicy,
} = require("./scripts/content-security-policy");
const { withVarFallbacks } = require("./scripts/css-fallbacks");
const { officeJsFiles } = require("./scripts/office-js-files");
const { jspluginsXml, offlineFolder, publishXml, withoutOfficeScript } = require("./scripts/wps-deploy");
const { version } = require("./package.json");

const devServerPort = 3000;
const officeJsFolder = "office-js";
const cdnOrigin = "https://appsforoffice.microsoft.com";
const cdnBase = `${cdnOrigin}/lib/1/hosted`;
// Where the build goes: dist/, or BUILD_DIR (scripts/release.js builds there, leaving dist/ to the tests).
const outputDir = path.resolve(__dirname, process.env.BUILD_DIR || "dist");

/**
 * Where the pages load office.js (and the custom functions runtime) from, and the pages' policy, which
 * then allows scripts from Microsoft's CDN as well.
 */
function officeScripts(useCdn) {
  const base = useCdn ? cdnBase : officeJsFolder;
  return {
    office: `${base}/office.js`,
    customFunctionsRuntime: `${base}/custom-functions-runtime.js`,
    policy: contentSecurityPolicy(useCdn ? [cdnOrigin] : []),
  };
}

/**
 * Puts the Office script first in <head>, blocking, before the page's own (deferred) bundle: Office
 * requires office.js to be loaded before any code that calls Office.onReady. Keeping the tag here
 * (not in the HTML files) keeps the CDN switch in one place.
 */
class OfficeScriptTagPlugin {
  constructor(scriptsByPage) {
    this.scriptsByPage = scriptsByPage;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeScriptTagPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("OfficeScriptTagPlugin", (data) => {
        const src = this.scriptsByPage[data.outputName];
        if (src) {
          data.headTags.unshift(
            HtmlWebpackPlugin.createHtmlTagObject("script", { src, type: "text/javascript" }, undefined, {
              plugin: "OfficeScriptTagPlugin",
            }),
          );
        }
        return data;
      });
    });
  }
}

/** Points the functions' help links (generated with the dev address) at the deployed add-in. */
class FunctionsHelpUrlPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsHelpUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsHelpUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          const metadata = compilation.getAsset("functions.json");
          if (!metadata) return;
          const text = withBaseUrl(metadata.source.source().toString(), this.baseUrl);
          compilation.updateAsset("functions.json", new sources.RawSource(text));
        },
      );
    });
  }
}

/**
 * The pane's rescue for engines that run module scripts but cannot parse the modern bundle (Edge
 * Legacy): when no bundle has claimed the pane by DOMContentLoaded, which fires after every deferred
 * and module script has run, it loads the legacy one. ES3: it must run wherever the page does. A file,
 * deferred (it only listens for DOMContentLoaded), since the pages' policy allows no inline script.
 * The attribute is src/taskpane/pane-start.ts's paneStartedAttribute.
 */
function legacyRescueScript(src) {
  return (
    'document.addEventListener("DOMContentLoaded",function(){' +
    'if(document.documentElement.hasAttribute("data-pane-started"))return;' +
    `var s=document.createElement("script");s.src="${src}";document.head.appendChild(s)});`
  );
}

/** The rescue script's file for a page: taskpane.html → taskpane-rescue.js. */
const rescueFile = (page) => page.replace(/\.html$/, "-rescue.js");

/**
 * Adds the legacy twin of a page's bundle, `<script nomodule>`: engines with ES modules skip it
 * without fetching it; Internet Explorer 11 ignores the module script and runs this one. Pages in
 * `rescued` also get the rescue script, emitted beside the page.
 */
class LegacyScriptTagPlugin {
  constructor(scriptsByPage, rescued) {
    this.scriptsByPage = scriptsByPage;
    this.rescued = rescued;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LegacyScriptTagPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LegacyScriptTagPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const page of this.rescued) {
            const script = new sources.RawSource(legacyRescueScript(this.scriptsByPage[page]));
            // Already ES3 and small: the minimizer (ES2020) could only make it newer than IE11 reads.
            compilation.emitAsset(rescueFile(page), script, { minimized: true });
          }
        },
      );
    });
    compiler.hooks.compilation.tap("LegacyScriptTagPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("LegacyScriptTagPlugin", (data) => {
        const src = this.scriptsByPage[data.outputName];
        if (!src) return data;
        const meta = { plugin: "LegacyScriptTagPlugin" };
        data.headTags.push(
          HtmlWebpackPlugin.createHtmlTagObject("script", { src, nomodule: true, defer: true }, undefined, meta),
        );
        if (this.rescued.includes(data.outputName)) {
          const attributes = { src: rescueFile(data.outputName), defer: true };
          data.headTags.push(HtmlWebpackPlugin.createHtmlTagObject("script", attributes, undefined, meta));
        }
        return data;
      });
    });
  }
}

/** A page of the modern compilation; `module` pages load their bundle as an ES module. */
function page(name, template, chunk, scriptLoading) {
  return new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [chunk], scriptLoading });
}

/** HTTPS options from office-addin-dev-certs, or null (with a notice) when they cannot be had. */
async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const timeout = delay(30000, null, { ref: false }).then(() => {
      throw new Error("timed out");
    });
    return await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
  } catch (error) {
    console.warn(
      `\n无法获取本机开发证书，开发服务器改用 http（Office 只加载 https 加载项，旁加载前请先安装证书：npx office-addin-dev-certs install）。\n` +
        `Could not obtain the dev certificates (${error.message}); serving over http instead.\n`,
    );
    return null;
  }
}

/**
 * The pages with a legacy twin (the ribbon's commands run in the same webview as the pane); the pane
 * starts with what Trident lacks beyond core-js.
 */
const legacyEntries = {
  taskpane: ["./src/taskpane/trident.ts", "./src/taskpane/taskpane.ts"],
  commands: "./src/commands/commands.ts",
};
const legacyFolder = "legacy";

/**
 * TypeScript to `target` without type-checking (`npm run typecheck`'s job; tsconfig.json's nodenext is
 * for Node): ES2020 for the modern bundle and as the input of Babel for the legacy one.
 */
function typescriptLoader(target) {
  return {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { module: "esnext", moduleResolution: "bundler", target },
    },
  };
}

/** Our TypeScript compiled to `target` by ts-loader alone (the modern, functions and WPS compilations). */
function typescriptModule(target) {
  return { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: [typescriptLoader(target)] }] };
}

/** functions.json from the ZB functions' JSDoc, each help link under `baseUrl`: Excel's and WPS's alike. */
function functionsMetadataPlugins(baseUrl) {
  return [
    new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
    new FunctionsHelpUrlPlugin(baseUrl),
  ];
}

/**
 * "usage" cannot tell an array from an iterator or a Set, nor `options.bold` from String#bold: it
 * would add every method of that name. None of these later additions is called by the pane or its
 * libraries (they target engines that lack them), so they stay out.
 */
const laterAdditions = [
  /^es\.iterator\./,
  /^es\.set\.(difference|intersection|is-disjoint-from|is-subset-of|is-superset-of|symmetric-difference|union)/,
  /^es\.(weak-)?map\.get-or-insert/,
  /^es\.uint8-array\./,
  /^es\.typed-array\.(at|find-last|find-last-index|to-reversed|to-sorted|with)$/,
  /^es\.string\.(anchor|big|blink|bold|fixed|fontcolor|fontsize|italics|link|small|strike|sub|sup)$/,
  /^esnext\./,
];

/**
 * Babel for the legacy compilation: ES5 for Internet Explorer 11, with core-js imported module by
 * module for exactly the built-ins the code (ours and the libraries') uses, less `exclude`.
 */
function legacyBabel(exclude) {
  return {
    loader: "babel-loader",
    options: {
      babelrc: false,
      configFile: false,
      cacheDirectory: true,
      // The libraries mix ES modules and CommonJS: babel adds `import` or `require` to match each file.
      sourceType: "unambiguous",
      presets: [
        [
          "@babel/preset-env",
          {
            targets: { ie: "11" },
            useBuiltIns: "usage",
            corejs: require("core-js/package.json").version,
            modules: false,
            exclude,
          },
        ],
      ],
    },
  };
}

// Elsewhere `URL` appears only as URL.createObjectURL/revokeObjectURL, which IE11 has; the URL class
// and URLSearchParams are not used (pane-query.ts reads the query by hand): 9 kB gzip saved.
const legacyBabelLoader = legacyBabel([...laterAdditions, /^web\.url/]);
/** src/deploy parses URLs: only 部署自检's chunk, loaded on demand, imports it, so the URL class comes with it. */
const deployBabelLoader = legacyBabel(laterAdditions);
const deployFolder = /[\\/]src[\\/]deploy[\\/]/;

/** Resolution shared by both compilations. */
const resolve = {
  extensions: [".ts", ".js"],
  // `import("../files/export-docx.js")` is how tsconfig's nodenext wants a dynamic import spelled.
  extensionAlias: { ".js": [".ts", ".js"] },
  // ExcelJS's browser build, without its polyfills: the pane reads members' returns with it.
  alias: { exceljs$: "exceljs/dist/exceljs.bare.min.js" },
};

/** What the three compilations have in common. */
function shared(production) {
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    resolve,
    performance: { hints: false },
  };
}

/**
 * The two big libraries the pane loads on demand, each a chunk of its own named for what it is,
 * whichever feature asks first (ExcelJS serves both 导入报送表 and 下载报送表).
 */
const splitChunks = {
  cacheGroups: {
    exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true },
    docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: "docx", chunks: "async", enforce: true },
  },
};

/** The legacy compilation: ES5 and polyfills, into dist/legacy/, for the nomodule script tags. */
function legacyConfig(production) {
  return {
    name: "legacy",
    ...shared(production),
    target: ["web", "es5"],
    entry: legacyEntries,
    // No `global` shim: webpack's finds the global object with `new Function("return this")` where
    // globalThis is missing (IE11, Edge Legacy), which the pages' policy reports as a blocked eval.
    // The code that asks for `global` (core-js, the libraries' bundlers) tests `typeof global` first
    // and takes `window`.
    node: { global: false },
    output: {
      path: path.join(outputDir, legacyFolder),
      // Relative to the page: IE11 has no document.currentScript for webpack's automatic public path.
      publicPath: `${legacyFolder}/`,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      uniqueName: "zhuanbao-legacy",
      clean: true,
    },
    module: {
      rules: [
        { test: /\.ts$/, include: deployFolder, use: [deployBabelLoader, typescriptLoader("es2020")] },
        {
          test: /\.ts$/,
          exclude: [/node_modules/, deployFolder],
          use: [legacyBabelLoader, typescriptLoader("es2020")],
        },
        // The libraries too (docx, zod, ExcelJS): their syntax and built-ins are newer than ES5.
        {
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/](core-js|webpack|@babel)[\\/]/,
          use: [legacyBabelLoader],
        },
      ],
    },
    optimization: { splitChunks },
  };
}

/**
 * The custom functions: one file, no chunk loading, since the JavaScript-only runtime on Windows runs it
 * without a page. ES2016, the language that runtime has on builds before 2403 and on Office 2021
 * (docs/compatibility.md); the code uses no newer built-in (tests/bundle-syntax.test.ts).
 */
function functionsConfig(production, scripts, baseUrl) {
  return {
    name: "functions",
    ...shared(production),
    target: ["web", "es2016"],
    entry: { functions: { import: "./src/functions/functions.ts", chunkLoading: false } },
    output: {
      path: outputDir,
      filename: "[name].js",
      clean: { keep: (asset) => !asset.startsWith("functions.") },
    },
    module: typescriptModule("es2016"),
    plugins: [
      ...functionsMetadataPlugins(baseUrl),
      page("functions", "./src/functions/functions.html", "functions", "defer"),
      new OfficeScriptTagPlugin({ "functions.html": scripts.customFunctionsRuntime }),
      new ContentSecurityPolicyPlugin(scripts.policy),
    ],
  };
}

/**
 * The offline WPS package: every file of dist/wps/ again under wps-offline/jsaddons/<name>_<version>/,
 * with the publish.xml that names it, so the jsaddons folder can be copied to a machine as it is.
 */
class WpsOfflinePackagePlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("WpsOfflinePackagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "WpsOfflinePackagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const jsaddons = "../wps-offline/jsaddons";
          for (const asset of compilation.getAssets()) {
            if (asset.name.startsWith("../")) continue;
            compilation.emitAsset(`${jsaddons}/${offlineFolder(version)}/${asset.name}`, asset.source, asset.info);
          }
          const publish = new sources.RawSource(publishXml(`${this.baseUrl}wps/`, version));
          compilation.emitAsset(`${jsaddons}/publish.xml`, publish);
        },
      );
    });
  }
}

/** The modern pane's files in dist/, which the WPS add-in carries beside its entry page. */
const paneFiles = ["taskpane.js", "taskpane.css", "taskpane-rescue.js", "*.*.js", "legacy/**", "assets/*.png"];

/**
 * The WPS 加载项 in dist/wps/ (after the pane's compilations, whose files it copies): the entry page
 * WPS opens (main.js: the ribbon's callbacks and the ZB functions, registered with
 * wps.AddCustomFunction from the same associate calls as Excel's), ribbon.xml, the JsPlugin manifest
 * with functions.json, and the pane; dist/jsplugins.xml for online loading and dist/wps-offline/ for
 * the jsaddons folder. ES2016, like functions.js: WPS's webview is Chromium, of an age that varies.
 */
async function wpsConfig(production, scripts, baseUrl) {
  const functionsSource = path.resolve(__dirname, "src/functions/functions.ts");
  const generated = await generateCustomFunctionsMetadata(functionsSource, false);
  const metadata = generated.errors.length === 0 ? JSON.parse(generated.metadataJson).functions : [];
  const dist = outputDir;
  return {
    name: "wps",
    dependencies: ["modern", "legacy"],
    ...shared(production),
    target: ["web", "es2016"],
    entry: {
      main: {
        import: ["./src/wps/functions-runtime.ts", "./src/functions/functions.ts", "./src/wps/main.ts"],
        chunkLoading: false,
      },
    },
    output: { path: path.join(dist, "wps"), filename: "[name].js", clean: true },
    module: typescriptModule("es2016"),
    plugins: [
      ...functionsMetadataPlugins(baseUrl),
      // The help links under ADDIN_URL, as in functions.json (a release may not name the dev server).
      new DefinePlugin({ ZB_FUNCTIONS_METADATA: withBaseUrl(JSON.stringify(metadata), baseUrl) }),
      page("index", "./src/wps/index.html", "main", "defer"),
      new ContentSecurityPolicyPlugin(scripts.policy),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/manifest.xml", to: "manifest.xml" },
          { from: "assets/icon-32.png", to: "images/icon-32.png" },
          // Already minified by their own compilations: minifying them again would double the build.
          {
            from: "taskpane.html",
            context: dist,
            transform: (content) => withoutOfficeScript(content.toString()),
            info: { minimized: true },
          },
          ...paneFiles.map((from) => ({ from, context: dist, info: { minimized: true } })),
          // A file beside dist/wps/ on the server, which oem.ini's JSPluginsServer names.
          { from: "src/wps/ribbon.xml", to: "../jsplugins.xml", transform: () => jspluginsXml(`${baseUrl}wps/`) },
        ],
      }),
      new WpsOfflinePackagePlugin(baseUrl),
    ],
  };
}

module.exports = async (env, argv) => {
  const production = argv.mode !== "development";
  const useCdn = process.env.OFFICE_JS === "cdn";
  const baseUrl = addinBaseUrl(process.env.ADDIN_URL);
  const scripts = officeScripts(useCdn);
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const https = serving ? await devServerHttps() : null;

  const modern = {
    name: "modern",
    ...shared(production),
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: outputDir,
      // Relative to the page: a module script has no document.currentScript, and webpack's fallback,
      // the page's last script tag, is the legacy one.
      publicPath: "",
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // The other two compilations write dist/legacy/ and functions.* at the same time.
      clean: { keep: (asset) => asset.startsWith(`${legacyFolder}/`) || asset.startsWith("functions.") },
    },
    module: {
      // A prebuilt bundle: nothing in it for webpack to resolve, and parsing it is slow.
      noParse: /exceljs[\\/]dist[\\/]/,
      ...typescriptModule("es2020"),
    },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", "taskpane", "module"),
      page("commands", "./src/commands/commands.html", "commands", "module"),
      new OfficeScriptTagPlugin({ "taskpane.html": scripts.office, "commands.html": scripts.office }),
      new ContentSecurityPolicyPlugin(scripts.policy),
      new LegacyScriptTagPlugin(
        Object.fromEntries(Object.keys(legacyEntries).map((name) => [`${name}.html`, `${legacyFolder}/${name}.js`])),
        ["taskpane.html"],
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The pane's styles, each var() declaration with a var()-free twin for IE11 (scripts/css-fallbacks.js).
          {
            from: "src/taskpane/taskpane.css",
            to: "taskpane.css",
            transform: (content) => withVarFallbacks(content.toString()),
          },
          { from: "assets/help.css", to: "help.css" },
          ...["help.html", "functions-help.html"].map((page) => ({
            from: `assets/${page}`,
            to: page,
            transform: (content) => withContentSecurityPolicy(content.toString(), scripts.policy, page),
          })),
          // The manifest to deploy, its URLs under ADDIN_URL (the dev server's when unset).
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => withBaseUrl(content.toString(), baseUrl),
          },
          ...(useCdn
            ? []
            : officeJsFiles.map((file) => ({
                from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist", file),
                to: `${officeJsFolder}/${file}`,
                // Already minified by Microsoft: re-minifying takes most of the build and alters them.
                info: { minimized: true },
              }))),
        ],
      }),
    ],
    optimization: { splitChunks },
    devServer: {
      host: "localhost",
      port: devServerPort,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      // No injected reload client: it would land in functions.js too, which runs without a page.
      client: false,
      webSocketServer: false,
      hot: false,
      liveReload: false,
      onListening(server) {
        const url = `${https ? "https" : "http"}://localhost:${server.server.address().port}/taskpane.html`;
        console.log(
          `\n专报助手预览地址（浏览器中打开，使用示例数据）：${url}\nPreview (open in a browser, sample data): ${url}\n`,
        );
      },
    },
  };
  return [
    modern,
    legacyConfig(production),
    functionsConfig(production, scripts, baseUrl),
    await wpsConfig(production, scripts, baseUrl),
  ];
};
