// Where the add-in is served. manifest.xml and the functions' help links say https://localhost:3000/
// (the dev server); a build for an intranet server sets ADDIN_URL=https://host/path/ and gets
// dist/manifest.xml and dist/functions.json pointing there.
"use strict";
const { URL } = require("node:url");

const devOrigin = "https://localhost:3000/";

/** ADDIN_URL with a trailing slash, or the dev server's address; Office loads add-ins over https only. */
function addinBaseUrl(value) {
  if (!value) return devOrigin;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL 不是有效的网址：${value}`);
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_URL 必须以 https:// 开头（Office 只加载 https 加载项）：${value}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL 不能带 ? 或 # 部分：${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Replaces every dev-server address in `text` with the same path under `baseUrl`. */
function withBaseUrl(text, baseUrl) {
  return text.split(devOrigin).join(baseUrl);
}

module.exports = { devOrigin, addinBaseUrl, withBaseUrl };
