import ts from "../../src/typescript.cjs";
import type { CompileOptions } from "../../src/compile.js";
import { emitNodes } from "../../src/5-emit/emit-nodes.js";
import { hasErrors, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { renderDiagnostics, summarize } from "../../src/diagnostics/render.js";
import { moduleFormat } from "./module-format.js";
import { plansFor, type ProgramPlans } from "./program-plans.js";
import { toTsDiagnostic } from "./ts-diagnostics.js";

export { TS_CODE_OFFSET } from "./ts-diagnostics.js";

/** Options of the tsc transformer; in a tsconfig `plugins` entry, its other properties. */
export interface TsompTransformerOptions {
  /** The module specifier generated code imports the runtime from (default `tsomp/runtime`). */
  readonly runtime?: string;
  /** Allocate typed arrays that reach a parallel loop on shared memory (default true). */
  readonly sharedAllocation?: boolean;
  /**
   * Receives tsomp's diagnostics, once per program. Without it (and without ts-patch), an error
   * makes the emit throw, with every diagnostic rendered like tsc's, and warnings go to stderr.
   */
  readonly onDiagnostics?: (diagnostics: readonly ts.Diagnostic[]) => void;
}

/** What ts-patch passes as the third argument of a program transformer. */
export interface TransformerExtras {
  readonly addDiagnostic?: (diagnostic: ts.Diagnostic) => number;
}

/** The program being emitted, or a function that returns the current one (ts-loader's `getProgram`, whose program changes between builds in watch mode). */
export type ProgramSource = ts.Program | (() => ts.Program | undefined) | undefined;

/**
 * The tsc transformer: `program.emit(…, { before: [tsomp(program)] })`, or a tsconfig plugin
 * `{ "transform": "tsomp/tsc" }` under ts-patch. Each file is transformed from the same plan the
 * CLI prints; a file with an error is emitted untransformed (still a correct sequential program)
 * while the error stops the build. Without a program, or for a file the program does not hold,
 * the file is analysed on its own, without the types of its imports.
 */
export default function tsomp(source?: ProgramSource, options: TsompTransformerOptions = {}, extras: TransformerExtras = {}): ts.TransformerFactory<ts.SourceFile> {
  const compile: CompileOptions = {
    ...(options.runtime !== undefined ? { runtimeSpecifier: options.runtime } : {}),
    ...(options.sharedAllocation !== undefined ? { sharedAllocation: options.sharedAllocation } : {}),
  };
  return (context) => (sourceFile) => {
    if (sourceFile.isDeclarationFile) return sourceFile;
    const compilerOptions = context.getCompilerOptions();
    const program = typeof source === "function" ? source() : source;
    const plans = plansFor(program, sourceFile, compilerOptions, compile);
    report(plans, options, extras);
    const planned = plans.planned.get(sourceFile);
    if (!planned?.plan || !planned.changed) return sourceFile;
    const format = moduleFormat(sourceFile, compilerOptions);
    if (!format) throw new Error(`tsomp: ${planned.file}: parallel loops need ES modules or CommonJS output; set "module" to "nodenext", "esnext" or "commonjs".`);
    return emitNodes(planned.plan, sourceFile, { context, checker: plans.checker, file: planned.file, format });
  };
}

/**
 * Passes a program's diagnostics on: to the callback, once; under ts-patch, its errors through
 * `addDiagnostic` and its warnings and notes to stderr, once (tsc fails a build on any diagnostic
 * it is given, and a warning must not fail it); otherwise warnings to stderr, once, and errors by
 * throwing, at every emit (a second emit with the same transformer must not write the files).
 */
function report(plans: ProgramPlans, options: TsompTransformerOptions, extras: TransformerExtras): void {
  const diagnostics = plans.diagnostics;
  if (diagnostics.length === 0) return;
  const errors = hasErrors(diagnostics);
  const render = (list: readonly Diagnostic[]) => `${renderDiagnostics(list, { getText: (file) => plans.byName.get(file)?.text })}\n${summarize(list)}\n`;
  if (!plans.reported) {
    plans.reported = true;
    if (options.onDiagnostics) return options.onDiagnostics(diagnostics.map((d) => toTsDiagnostic(d, plans.byName)));
    const advice = extras.addDiagnostic || !errors ? diagnostics.filter((d) => d.category !== "error") : [];
    if (advice.length > 0) process.stderr.write(render(advice));
    if (extras.addDiagnostic) for (const d of diagnostics) if (d.category === "error") extras.addDiagnostic(toTsDiagnostic(d, plans.byName));
  }
  if (errors && !options.onDiagnostics && !extras.addDiagnostic) throw new Error(`tsomp found errors; nothing was emitted.\n\n${render(diagnostics)}`);
}

/** ts-jest's name for this transformer (`astTransformers: { before: ["tsomp/tsc"] }`). */
export const name = "tsomp";

/** ts-jest's cache key for this transformer: the package version (a test keeps it equal to package.json's). */
export const version = "0.1.0";

/** ts-jest's entry: its compiler instance holds the language service's current program, or none with `isolatedModules`. */
export function factory(compiler: { readonly program?: ts.Program | undefined }, options: TsompTransformerOptions = {}): ts.TransformerFactory<ts.SourceFile> {
  return tsomp(() => compiler.program, options);
}
