import path from "node:path";
import ts from "typescript";
import { compile, type CompileOptions, type CompileResult } from "../../src/compile.js";
import { renderDiagnostics } from "../../src/diagnostics/render.js";
import { createProgram, DEFAULT_COMPILER_OPTIONS } from "../../src/program.js";
import { caseModules } from "./fixture-files.js";

/** A fixture case compiled: the results by file name (as shown: `input.ts`, `helper.ts`…) and the program. */
export interface CompiledCase {
  readonly program: ts.Program;
  readonly results: ReadonlyMap<string, CompileResult>;
}

/**
 * Compiles a case folder's modules as one program, naming files by their base name; with the
 * `isolated` option, `input.ts` alone, without resolving its imports (as transpileModule sees it).
 */
export function compileCase(dir: string, options: CompileOptions = {}): CompiledCase {
  const files = options.isolated ? caseModules(dir).slice(0, 1) : caseModules(dir);
  const program = createProgram(files, options.isolated ? { ...DEFAULT_COMPILER_OPTIONS, noResolve: true } : DEFAULT_COMPILER_OPTIONS);
  const results = compile(program, files.map((f) => ({ sourceFile: program.getSourceFile(f)!, file: path.basename(f) })), options);
  return { program, results: new Map(results.map((r) => [r.file, r])) };
}

/** Renders a result's diagnostics as the golden `diagnostics.txt` holds them (no colour). */
export function renderForGolden(result: CompileResult): string {
  return renderDiagnostics(result.diagnostics, { getText: (f) => (f === result.file ? result.sourceFile.text : undefined) });
}

/** TypeScript's own errors in a file of a program (to check that inputs and outputs type-check). */
export function typeErrors(program: ts.Program, file: string): string[] {
  const sf = program.getSourceFile(file);
  if (!sf) return [`${file}: not in the program`];
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
    const at = d.start === undefined ? "" : `(${ts.getLineAndCharacterOfPosition(sf, d.start).line + 1})`;
    return `${path.basename(file)}${at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/** A program over in-memory files (by absolute path), for checking generated code. */
export function programOf(files: ReadonlyMap<string, string>): ts.Program {
  return createProgram([...files.keys()], DEFAULT_COMPILER_OPTIONS, files);
}
