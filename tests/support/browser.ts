/** Debian's Chromium through playwright-core, never a downloaded browser; off the network. */
import { chromium, type Browser } from "playwright-core";
import { chromiumPath } from "./tools";

/** `extraArgs`: further switches, e.g. the key of a test server's certificate to trust. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
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
      ...extraArgs,
    ],
  });
}
