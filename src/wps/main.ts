/** The WPS entry page's script (main.js): the ribbon's callbacks as globals, after the ZB functions. */
import type { WpsAddinApi } from "./et-types";
import { ribbonCallbacks } from "./ribbon";

const scope = window as unknown as { wps: WpsAddinApi; location: { href: string } };
Object.assign(
  window,
  ribbonCallbacks(
    () => scope.wps,
    () => scope.location.href,
  ),
);
