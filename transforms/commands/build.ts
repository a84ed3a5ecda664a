import path from "node:path";
import type { CompileResult } from "../../src/compile.js";
import { reportDiagnostics, type DiagnosticFormat } from "../diagnostics-output.js";
import { collectSources, commonRoot, compileWithImports } from "../project.js";
import { toJavaScript } from "../to-javascript.js";
import { writeAtomic } from "../write-atomic.js";

/** Options of `tsomp build`. */
export interface BuildOptions {
  readonly outDir: string;
  readonly js?: boolean;
  readonly project?: string;
  readonly sharedAlloc?: boolean;
  readonly runtime?: string;
  readonly format?: DiagnosticFormat;
}

/**
 * `tsomp build <paths…> --out-dir <dir>`: compiles the files and folders given, and the local
 * modules they import, as one program, and writes each under `outDir`, mirroring the tree below
 * their common folder: the transformed TypeScript (with a `.ts.map`), or with `js` an ES module
 * and its `.js.map`. `outDir` itself is never read as input. A file with errors is not written.
 * Returns the process exit code.
 */
export function build(inputs: readonly string[], options: BuildOptions): number {
  const cwd = process.cwd();
  const outDir = path.resolve(options.outDir);
  const { files, results } = compileWithImports(collectSources(inputs, [outDir]), { project: options.project, cwd, sharedAllocation: options.sharedAlloc !== false, runtimeSpecifier: options.runtime });
  const root = commonRoot(files);
  const targets = files.map((f) => outputPath(f, root, outDir, options.js === true));
  const clash = targets.find((t) => files.includes(t));
  if (clash) throw new Error(`refusing to overwrite the input file ${path.relative(cwd, clash)}: choose another --out-dir`);
  const errors = reportDiagnostics(results, options.format ?? "pretty", cwd);
  results.forEach((r, i) => writeOutput(r, files[i]!, targets[i]!, options.js === true));
  return errors > 0 ? 1 : 0;
}

/** Where a source file's output goes: the same relative path under `outDir`, `.js` for JavaScript. */
export function outputPath(file: string, root: string, outDir: string, js: boolean): string {
  const target = path.join(outDir, path.relative(root, file));
  return js ? target.replace(/\.(m|c)?tsx?$/, (_, m: string | undefined) => `.${m ?? ""}js`) : target;
}

/** Writes one file's output (if it has no errors), with its source map. */
function writeOutput(result: CompileResult, source: string, target: string, js: boolean): void {
  if (result.code === undefined) return;
  if (js) {
    const out = toJavaScript(result.code, result.map, source, `${target}.map`, result.sourceFile.text);
    writeAtomic(`${target}.map`, out.map);
    writeAtomic(target, out.code);
    return;
  }
  if (!result.map) {
    writeAtomic(target, result.code);
    return;
  }
  const map = { ...result.map, sources: [path.relative(path.dirname(target), source).split(path.sep).join("/")], file: path.basename(target) };
  writeAtomic(`${target}.map`, JSON.stringify(map));
  writeAtomic(target, `${result.code}//# sourceMappingURL=${path.basename(target)}.map\n`);
}
