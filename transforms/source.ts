import type { SourceMap } from "magic-string";
import path from "node:path";
import { compile, type CompileOptions } from "../src/compile.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { createProgram } from "../src/program.js";
import { compilerOptions } from "./project.js";

/** The result of transforming one file's text. */
export interface SourceOutput {
  /** The transformed TypeScript, or undefined when the file has errors. */
  readonly code: string | undefined;
  readonly map: SourceMap | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Transforms one file given as text (the magic-string source adapter): `fileName` places it on
 * disk, so that its imports resolve and the nearest tsconfig.json applies, but its text comes from
 * `code`. This is the shape of a bundler plugin's `transform(code, id)` hook.
 */
export function transformSource(code: string, fileName: string, options: CompileOptions = {}): SourceOutput {
  const file = path.resolve(fileName);
  const program = createProgram([file], compilerOptions([file]), new Map([[file, code]]));
  const [result] = compile(program, [{ sourceFile: program.getSourceFile(file)!, file: fileName }], options);
  return { code: result!.code, map: result!.map, diagnostics: result!.diagnostics };
}
