// The add-in build: the task pane, the ribbon commands and the ZB custom functions → dist/.
// `npm run build` (production, minified) works offline: office.js and the few files it loads are
// copied from @microsoft/office-js. OFFICE_JS=cdn loads them from Microsoft's CDN instead;
// ADDIN_URL=https://server/path/ writes dist/manifest.xml and the functions' help links for that server.
"use strict";
const path = require("node:path");
const { setTimeout: delay } = require("node:timers/promises");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");
const { addinBaseUrl, withBaseUrl } = require("./scripts/addin-url");
const { officeJsFiles } = require("./scripts/office-js-files");

const devServerPort = 3000;
const officeJsFolder = "office-js";
const cdnBase = "https://appsforoffice.microsoft.com/lib/1/hosted";

/** Where the pages load office.js (and the custom functions runtime) from. */
function officeScripts(useCdn) {
  const base = useCdn ? cdnBase : officeJsFolder;
  return {
    office: `${base}/office.js`,
    customFunctionsRuntime: `${base}/custom-functions-runtime.js`,
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

function page(name, template, chunk) {
  return new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [chunk], scriptLoading: "defer" });
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

module.exports = async (env, argv) => {
  const production = argv.mode !== "development";
  const useCdn = process.env.OFFICE_JS === "cdn";
  const baseUrl = addinBaseUrl(process.env.ADDIN_URL);
  const scripts = officeScripts(useCdn);
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const https = serving ? await devServerHttps() : null;

  return {
    mode: production ? "production" : "development",
    target: ["web", "es2017"],
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      // One file, no chunk loading: the JavaScript-only runtime on Windows runs it without a page.
      functions: { import: "./src/functions/functions.ts", chunkLoading: false },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
      // `import("../core/export-docx.js")` is how tsconfig's nodenext wants a dynamic import spelled.
      extensionAlias: { ".js": [".ts", ".js"] },
      // ExcelJS's browser build, without its polyfills: the pane reads members' returns with it.
      alias: { exceljs$: "exceljs/dist/exceljs.bare.min.js" },
    },
    module: {
      // A prebuilt bundle: nothing in it for webpack to resolve, and parsing it is slow.
      noParse: /exceljs[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // Type-checking is `npm run typecheck`'s job; tsconfig.json's nodenext is for Node. ES2017
            // output (no ?. ?? or object spread) also runs in the EdgeHTML webview of Office 2019-era hosts.
            transpileOnly: true,
            compilerOptions: { module: "esnext", moduleResolution: "bundler", target: "es2017" },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new FunctionsHelpUrlPlugin(baseUrl),
      page("taskpane", "./src/taskpane/taskpane.html", "taskpane"),
      page("commands", "./src/commands/commands.html", "commands"),
      page("functions", "./src/functions/functions.html", "functions"),
      new OfficeScriptTagPlugin({
        "taskpane.html": scripts.office,
        "commands.html": scripts.office,
        "functions.html": scripts.customFunctionsRuntime,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          { from: "assets/functions-help.html", to: "functions-help.html" },
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
    optimization: {
      splitChunks: {
        cacheGroups: {
          // The two big libraries the pane loads on demand, each a chunk of its own named for what it
          // is, whichever feature asks first (ExcelJS serves both 导入报送表 and 下载报送表).
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true },
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: "docx", chunks: "async", enforce: true },
        },
      },
    },
    performance: { hints: false },
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
};
