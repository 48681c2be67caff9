// Every page of dist/ carries a Content-Security-Policy as a <meta> (an intranet's static server adds
// no header): the add-in's own origin only, so nothing on a page — ours, a library's or office.js's —
// can load from, send to or frame another server. What Office itself needs inside Office is covered:
// office.js and the host scripts it loads come from our origin (dist/office-js/), or from Microsoft's
// CDN with OFFICE_JS=cdn; it talks to Excel through the host's native bridge or, in Excel on the web,
// postMessage to the frame around the pane, which CSP does not govern. What it is denied is its
// telemetry: the hidden frame to telemetryservice.firstpartyapps.oaspapps.com and Aria's uploads.
// No inline code: a page with an inline script, <style> or event handler fails the build. Inline style
// *attributes* are allowed (style-src-attr): Chromium's Clipboard API parses the bulletin's Word-ready
// HTML in the page to sanitise it, so each of its style attributes would count as a violation; IE11's
// copy renders that HTML to copy it as a selection; office.js styles its hidden frames. An attribute
// runs no script, and whatever CSS could fetch is held to our origin like the rest.
// frame-ancestors has no effect in a <meta>, and Office on the web frames the pane: not set.
"use strict";
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** The policy; `scriptOrigins` are further origins scripts may come from (Microsoft's CDN). */
function contentSecurityPolicy(scriptOrigins = []) {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptOrigins].join(" ")}`,
    "style-src-attr 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** What the policy blocks on a page, named for the build's error. */
const inlineCode = [
  { pattern: /<script\b(?![^>]*\bsrc=)[^>]*>/i, what: "an inline <script>" },
  { pattern: /<style\b/i, what: "a <style> element" },
  { pattern: /<[a-z][^>]*\s(on[a-z]+)\s*=/i, what: "an event handler attribute" },
  { pattern: /\bjavascript:/i, what: "a javascript: URL" },
];

/**
 * `html` with the policy's <meta> right after <meta charset> (a policy covers only what follows it).
 * Throws when the page holds code the policy would block, or already has a policy.
 */
function withContentSecurityPolicy(html, policy, page = "a page") {
  for (const { pattern, what } of inlineCode) {
    if (pattern.test(html)) throw new Error(`${page} has ${what}, which its Content-Security-Policy blocks`);
  }
  if (/http-equiv="?Content-Security-Policy/i.test(html)) throw new Error(`${page} already has a policy`);
  const charset = /<meta\s+charset="?[\w-]+"?\s*\/?>/i.exec(html);
  if (!charset) throw new Error(`${page} has no <meta charset> to put its policy after`);
  const at = charset.index + charset[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}

/** Gives every HtmlWebpackPlugin page of a compilation the policy (copied pages use withContentSecurityPolicy). */
class ContentSecurityPolicyPlugin {
  constructor(policy) {
    this.policy = policy;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("ContentSecurityPolicyPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("ContentSecurityPolicyPlugin", (data) => {
        data.html = withContentSecurityPolicy(data.html, this.policy, data.outputName);
        return data;
      });
    });
  }
}

module.exports = { contentSecurityPolicy, withContentSecurityPolicy, ContentSecurityPolicyPlugin };
