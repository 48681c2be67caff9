/**
 * LibreOffice as a second program to check our files against: headless conversion with a throwaway
 * profile that recalculates every formula on load (Calc's default keeps cached results of .xlsx).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

const alwaysRecalculate = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function freshProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), "zhuanbao-lo-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), alwaysRecalculate);
  return profile;
}

/** Converts `input` to `format` (xlsx, pdf…) in `outDir`; returns the output path. */
export function convertWithLibreOffice(input: string, format: string, outDir: string): string {
  const profile = freshProfile();
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      input,
    ],
    { stdio: "pipe", timeout: 120_000, env: { ...process.env, HOME: profile } },
  );
  return join(outDir, `${basename(input, extname(input))}.${format.split(":")[0]}`);
}
