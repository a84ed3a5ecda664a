import path from "node:path";
import type ts from "typescript";
import type { CompileResult } from "../../src/compile.js";
import { hasErrors, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { createProgram } from "../../src/program.js";
import { reportDiagnostics, type DiagnosticFormat } from "../diagnostics-output.js";
import { collectSources, commonRoot, compileInProgram, compilerOptions, withImports } from "../project.js";
import { toJavaScript } from "../to-javascript.js";
import { writeAtomicIfChanged } from "../write-atomic.js";

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
  const roots = collectSources(inputs, [path.resolve(options.outDir)]);
  const program = createProgram(roots, compilerOptions(roots, options.project));
  return hasErrors(buildProgram(program, roots, options)) ? 1 : 0;
}

/**
 * Compiles `roots` of a program and the local modules they import, reports their diagnostics
 * (without the closing count when `summary` is false) and writes the output of each file without
 * errors, rewriting only outputs whose text changed. Throws, writing nothing, if an output would
 * overwrite an input. Returns the diagnostics.
 */
export function buildProgram(program: ts.Program, roots: readonly string[], options: BuildOptions, { summary = true } = {}): Diagnostic[] {
  const cwd = process.cwd();
  const files = withImports(program, roots);
  const { results } = compileInProgram(program, files, { cwd, sharedAllocation: options.sharedAlloc !== false, runtimeSpecifier: options.runtime });
  const root = commonRoot(files);
  const targets = files.map((f) => outputPath(f, root, path.resolve(options.outDir), options.js === true));
  const clash = targets.find((t) => files.includes(t));
  if (clash) throw new Error(`refusing to overwrite the input file ${path.relative(cwd, clash)}: choose another --out-dir`);
  reportDiagnostics(results, options.format ?? "pretty", cwd, { summary });
  results.forEach((r, i) => writeOutput(r, files[i]!, targets[i]!, options.js === true));
  return results.flatMap((r) => r.diagnostics);
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
    writeAtomicIfChanged(`${target}.map`, out.map);
    writeAtomicIfChanged(target, out.code);
    return;
  }
  if (!result.map) {
    writeAtomicIfChanged(target, result.code);
    return;
  }
  const map = { ...result.map, sources: [path.relative(path.dirname(target), source).split(path.sep).join("/")], file: path.basename(target) };
  writeAtomicIfChanged(`${target}.map`, JSON.stringify(map));
  writeAtomicIfChanged(target, `${result.code}//# sourceMappingURL=${path.basename(target)}.map\n`);
}
