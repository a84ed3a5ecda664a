import fs from "node:fs";
import { fileURLToPath } from "node:url";

/** Under `tsomp run`: each TypeScript file its loader hooks serve → the JavaScript file compiled for it. */
let compiled: Readonly<Record<string, string>> | undefined;

/**
 * The JavaScript a module was loaded from: the text of its file, or, under `tsomp run` (whose
 * loader hooks serve each TypeScript module from a file compiled into a cache, listed in the
 * manifest named by TSOMP_RUN_MANIFEST), the text of the compiled file. Undefined when the module
 * is not a file or its text cannot be read.
 */
export function moduleText(url: string): string | undefined {
  if (!url.startsWith("file:")) return undefined;
  try {
    const file = fileURLToPath(url);
    compiled ??= runManifest();
    return fs.readFileSync(compiled[file] ?? file, "utf8");
  } catch {
    return undefined;
  }
}

function runManifest(): Record<string, string> {
  const manifest = process.env.TSOMP_RUN_MANIFEST;
  return manifest ? (JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, string>) : {};
}
