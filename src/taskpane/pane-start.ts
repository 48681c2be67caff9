/**
 * Which bundle runs the pane. A modern engine runs the module bundle and skips the nomodule (legacy)
 * one; Internet Explorer 11 does the opposite. Edge Legacy (EdgeHTML 18, Microsoft 365 on Windows 10
 * without WebView2) runs module scripts but cannot parse ES2020, so the page's rescue script
 * (webpack.config.js) loads the legacy bundle when no bundle has claimed the pane by DOMContentLoaded.
 * The claim also keeps an engine that runs both from starting the pane twice.
 */

/** The attribute on <html> that says a bundle has started the pane; the rescue script reads it. */
export const paneStartedAttribute = "data-pane-started";

/** True for the first bundle to ask, which then runs the pane; false for any later one. */
export function claimPaneStart(root: Element = document.documentElement): boolean {
  if (root.hasAttribute(paneStartedAttribute)) return false;
  root.setAttribute(paneStartedAttribute, "");
  return true;
}
