import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ModuleMeta } from "./abi.js";
import runtimeFiles from "./runtime-files.cjs";

/** The `ModuleMeta` of a CommonJS module, which has no `import.meta`: `commonJsMeta(__filename, require)`. */
export function commonJsMeta(filename: string, require: { resolve(specifier: string): string }): ModuleMeta {
  return { url: pathToFileURL(filename).href, resolve: (specifier) => resolveForWorkers(require.resolve(specifier)), commonJs: true };
}

/**
 * The URL workers import for what `require.resolve` found: built-in modules keep their names, and
 * this CommonJS build of tsomp/runtime becomes the ES module build that workers run.
 */
function resolveForWorkers(found: string): string {
  if (!path.isAbsolute(found)) return found;
  return found === runtimeFiles.runtimeFile ? runtimeFiles.runtimeUrl : pathToFileURL(found).href;
}
