/** The built add-in in dist/, as tests/global-setup.js left it (see scripts/ensure-build.js). */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const rootDir = join(__dirname, "..");
export const distDir = join(rootDir, "dist");
const buildErrorFile = join(rootDir, "build", "dist-state", "build-error.txt");

/** A file of dist/, or an error naming the failed build. */
export function distPath(file: string): string {
  if (existsSync(buildErrorFile)) {
    throw new Error(`npm run build failed:\n${readFileSync(buildErrorFile, "utf8").slice(-3000)}`);
  }
  const path = join(distDir, file);
  if (!existsSync(path)) throw new Error(`dist/${file} was not built`);
  return path;
}

export function readDist(file: string): string {
  return readFileSync(distPath(file), "utf8");
}
