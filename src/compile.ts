import type { SourceMap } from "magic-string";
import type ts from "typescript";
import { analyzeFile, type FileAnalysis } from "./analyze-file.js";
import { findSharedAllocations, type SharedAllocation } from "./3-analyze/shared-allocation.js";
import { planModule } from "./4-plan/plan-module.js";
import { emitText } from "./5-emit/emit-text.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";

/** Options of a compilation. */
export interface CompileOptions {
  /** The module specifier generated code imports the runtime from (default `tsomp/runtime`). */
  readonly runtimeSpecifier?: string;
  /** Allocate typed arrays that reach a parallel loop on shared memory (default true). */
  readonly sharedAllocation?: boolean;
}

/** A file to compile, and the name to show for it in diagnostics and generated code. */
export interface CompileInput {
  readonly sourceFile: ts.SourceFile;
  readonly file: string;
}

/** The outcome for one file: the transformed text (absent after an error) and its diagnostics. */
export interface CompileResult {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  /** The transformed TypeScript, or undefined when the file has errors. */
  readonly code: string | undefined;
  readonly map: SourceMap | undefined;
  /** True when the output differs from the input. */
  readonly changed: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Compiles files of one program: analyses every file, finds the typed-array allocations that reach
 * parallel loops across all of them, then plans and prints each file that has no errors.
 */
export function compile(program: ts.Program, inputs: readonly CompileInput[], options: CompileOptions = {}): CompileResult[] {
  const checker = program.getTypeChecker();
  const analyses: FileAnalysis[] = inputs.map((i) => analyzeFile(i.sourceFile, i.file, checker, program.getSyntacticDiagnostics(i.sourceFile)));
  const allocations = options.sharedAllocation === false ? new Map<ts.SourceFile, SharedAllocation[]>() : findSharedAllocations(analyses, checker);
  return analyses.map((a) => {
    const diagnostics = sortDiagnostics(a.diagnostics);
    const base = { file: a.file, sourceFile: a.sourceFile, diagnostics };
    if (hasErrors(diagnostics)) return { ...base, code: undefined, map: undefined, changed: false };
    const plan = planModule({
      file: a.file,
      sourceFile: a.sourceFile,
      loops: a.loops,
      module: a.module,
      allocations: allocations.get(a.sourceFile) ?? [],
      accepted: a.accepted,
      runtimeSpecifier: options.runtimeSpecifier ?? "tsomp/runtime",
    });
    const changed = plan.regions.length > 0 || plan.allocations.length > 0 || plan.renamed.length > 0;
    if (!changed) return { ...base, code: a.sourceFile.text, map: undefined, changed };
    const out = emitText(plan, a.sourceFile, a.file);
    return { ...base, code: out.code, map: out.map, changed };
  });
}
