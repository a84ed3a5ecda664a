import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { CompileOptions } from "../../src/compile.js";
import { createHost } from "../../src/program.js";
import tsomp from "../../transforms/tsc/index.js";
import { caseModules, ROOT } from "./fixture-files.js";

/** A case emitted by tsc with tsomp's transformer: JavaScript by output path, and tsomp's diagnostics. */
export interface EmittedCase {
  readonly outputs: ReadonlyMap<string, string>;
  readonly diagnostics: readonly ts.Diagnostic[];
}

/** The module systems the tsc path is tested with. */
export type CaseModule = "esm" | "commonjs";

/**
 * Emits a case folder's modules with `program.emit` and the tsc transformer (as a project with
 * this folder as its current directory, so files are named `input.ts` like the text path names
 * them), into `outDir`, keeping the files in memory.
 */
export function emitCase(dir: string, outDir: string, module: CaseModule, options: CompileOptions = {}): EmittedCase {
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: module === "esm" ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    esModuleInterop: true,
    rewriteRelativeImportExtensions: true,
    allowImportingTsExtensions: true,
    strict: true,
    skipLibCheck: true,
    types: [],
    outDir,
    sourceMap: true,
  };
  const host = createHost(compilerOptions);
  host.getCurrentDirectory = () => dir;
  const program = ts.createProgram({ rootNames: caseModules(dir), options: compilerOptions, host });
  const outputs = new Map<string, string>();
  const diagnostics: ts.Diagnostic[] = [];
  const transformer = tsomp(program, {
    ...(options.sharedAllocation !== undefined ? { sharedAllocation: options.sharedAllocation } : {}),
    onDiagnostics: (d) => diagnostics.push(...d),
  });
  program.emit(undefined, (file, text) => outputs.set(path.resolve(file), text), undefined, false, { before: [transformer] });
  return { outputs, diagnostics };
}

/**
 * Emits a case with the tsc transformer as runnable JavaScript under `.tmp/exec-tsc/<module>/<name>/`
 * (inside the repository, so that `tsomp/runtime` resolves); returns the entry's path. Throws if
 * tsomp reports an error.
 */
export function buildTscCase(dir: string, name: string, module: CaseModule): string {
  const out = path.join(ROOT, ".tmp", "exec-tsc", module, name);
  fs.rmSync(out, { recursive: true, force: true });
  const { outputs, diagnostics } = emitCase(dir, out, module);
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new Error(`${name} does not compile: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")).join("; ")}`);
  for (const [file, text] of outputs) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  fs.writeFileSync(path.join(out, "package.json"), JSON.stringify({ type: module === "esm" ? "module" : "commonjs" }));
  linkPackage(path.join(ROOT, ".tmp", "exec-tsc"));
  return path.join(out, "input.js");
}

/** Makes `tsomp` resolve to this repository from under `dir` (whose outputs have their own package.json, so the package's self-reference no longer applies). */
export function linkPackage(dir: string): void {
  const link = path.join(dir, "node_modules", "tsomp");
  if (fs.existsSync(link)) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(ROOT, link, "dir");
}

/**
 * Transpiles a case's `input.ts` alone with `ts.transpileModule` and `tsomp()` (no program), to
 * `out/input.js` like emitCase; the file is named `input.ts`, as the text path names it.
 */
export function transpileCase(dir: string, options: CompileOptions = {}): EmittedCase {
  const file = path.join(dir, "input.ts");
  const diagnostics: ts.Diagnostic[] = [];
  const transformer = tsomp(undefined, {
    ...(options.sharedAllocation !== undefined ? { sharedAllocation: options.sharedAllocation } : {}),
    onDiagnostics: (d) => diagnostics.push(...d),
  });
  const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, rewriteRelativeImportExtensions: true };
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), { fileName: "input.ts", compilerOptions, transformers: { before: [transformer] } });
  return { outputs: new Map([[path.join(dir, "out", "input.js"), outputText]]), diagnostics };
}
