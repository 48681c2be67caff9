/** Debian's Chromium through playwright-core, never a downloaded browser; off the network. */
import { chromium, type Browser } from "playwright-core";
import { chromiumPath } from "./tools";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
