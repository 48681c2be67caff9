// The WPS 加载项's deployment files (docs/使用说明.md has the steps): jsplugins.xml for online loading
// (an intranet web server, named in WPS's oem.ini), and publish.xml for the offline copy in the user's
// jsaddons folder, whose add-in folder is named <name>_<version>. Formats as the wpsjs package's
// templates and Kingsoft's deployment notes have them.
"use strict";

const wpsAddinName = "zhuanbao";

/** The add-in's folder name under jsaddons. */
const offlineFolder = (version) => `${wpsAddinName}_${version}`;

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** jsplugins.xml: WPS loads the add-in from `url` (dist/wps/ on the server) every time it starts. */
function jspluginsXml(url) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<jsplugins>",
    `  <jspluginonline name="${wpsAddinName}" type="et" url="${escapeXml(url)}" enable="true" />`,
    "</jsplugins>",
    "",
  ].join("\n");
}

/**
 * publish.xml: WPS loads the add-in from jsaddons/<name>_<version>/; `url` is where the same add-in
 * is served, should a folder be missing.
 */
function publishXml(url, version) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<jsplugins>",
    `  <jsplugin name="${wpsAddinName}" type="et" version="${escapeXml(version)}" url="${escapeXml(url)}" enable="true" />`,
    "</jsplugins>",
    "",
  ].join("\n");
}

/** The pane page for WPS: the same page without office.js, which WPS does not have and need not load. */
function withoutOfficeScript(html) {
  // The built page is minified: attribute values may be unquoted.
  return html.replace(/\s*<script\b[^>]*\bsrc=["']?[^"'\s>]*office\.js["']?[^>]*><\/script>/g, "");
}

module.exports = { wpsAddinName, offlineFolder, jspluginsXml, publishXml, withoutOfficeScript };
