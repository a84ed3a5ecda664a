/**
 * Module hooks for `tsomp run`: modules keep their own file URLs (so relative and package
 * imports resolve as usual), but a `.ts` file is loaded from the JavaScript that tsomp compiled
 * for it. Workers load the same hooks, since `--import` is in their execArgv.
 */
import fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What `tsomp run` compiled: original file path → compiled JavaScript path. */
let manifest: Record<string, string> = {};

/** Receives the manifest from `module.register`. */
export function initialize(data: { manifest: string }): void {
  manifest = JSON.parse(fs.readFileSync(data.manifest, "utf8")) as Record<string, string>;
}

type Next<C, R> = (specifier: string, context: C) => Promise<R>;
interface ResolveResult { url: string; format?: string | null; shortCircuit?: boolean }

/** `./kernel.js` written in TypeScript source means `./kernel.ts` when only that exists. */
export async function resolve(specifier: string, context: { parentURL?: string }, next: Next<typeof context, ResolveResult>): Promise<ResolveResult> {
  if (/^\.{1,2}\//.test(specifier) && context.parentURL?.startsWith("file:")) {
    const candidate = new URL(specifier, context.parentURL);
    const path = fileURLToPath(candidate);
    if (!fs.existsSync(path)) {
      for (const ts of [path.replace(/\.js$/, ".ts"), path.replace(/\.mjs$/, ".mts"), path.replace(/\.js$/, ".tsx")]) {
        if (ts !== path && manifest[ts]) return { url: pathToFileURL(ts).href, format: "module", shortCircuit: true };
      }
    }
  }
  return next(specifier, context);
}

/** Loads compiled files from the manifest; everything else as Node would. */
export async function load(url: string, context: object, next: Next<object, { format?: string | null; source?: string | Buffer | null; shortCircuit?: boolean }>) {
  if (url.startsWith("file:")) {
    const compiled = manifest[fileURLToPath(url)];
    if (compiled) return { format: "module", source: fs.readFileSync(compiled, "utf8"), shortCircuit: true };
  }
  return next(url, context);
}
