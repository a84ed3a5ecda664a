import type { SourceMap } from "magic-string";
import type ts from "typescript";
import { analyzeFile, type FileAnalysis } from "./analyze-file.js";
import { ProgramFacts } from "./3-analyze/program-facts.js";
import { findSharedAllocations, type SharedAllocation } from "./3-analyze/shared-allocation.js";
import { planModule } from "./4-plan/plan-module.js";
import type { ModulePlan } from "./4-plan/types.js";
import { emitText } from "./5-emit/emit-text.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";

/** Options of a compilation. */
export interface CompileOptions {
  /** The module specifier generated code imports the runtime from (default `tsomp/runtime`). */
  readonly runtimeSpecifier?: string;
  /** Allocate typed arrays that reach a parallel loop on shared memory (default true). */
  readonly sharedAllocation?: boolean;
  /** The program holds the files without what they import (transpileModule): imported types are unknown. */
  readonly isolated?: boolean;
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

/** One file analysed and planned: its diagnostics, and the plan to print unless it has errors. */
export interface PlannedFile {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly diagnostics: readonly Diagnostic[];
  /** Undefined when the file has errors. */
  readonly plan: ModulePlan | undefined;
  /** True when printing the plan changes the file. */
  readonly changed: boolean;
}

/**
 * Analyses files of one program, finds the typed-array allocations that reach parallel loops
 * across all of them, then plans each file that has no errors. Both printers start from here.
 */
export function planFiles(program: ts.Program, inputs: readonly CompileInput[], options: CompileOptions = {}): PlannedFile[] {
  const checker = program.getTypeChecker();
  const facts = new ProgramFacts(program);
  const analyses: FileAnalysis[] = inputs.map((i) => analyzeFile(i.sourceFile, i.file, checker, facts, program.getSyntacticDiagnostics(i.sourceFile), options.isolated === true));
  const allocations = options.sharedAllocation === false ? new Map<ts.SourceFile, SharedAllocation[]>() : findSharedAllocations(analyses, checker);
  return analyses.map((a) => {
    const diagnostics = sortDiagnostics(a.diagnostics);
    const base = { file: a.file, sourceFile: a.sourceFile, diagnostics };
    if (hasErrors(diagnostics)) return { ...base, plan: undefined, changed: false };
    const plan = planModule({
      file: a.file,
      sourceFile: a.sourceFile,
      loops: a.loops,
      criticals: a.criticals,
      atomics: a.atomics,
      ordered: a.ordered,
      teamConstructs: a.teamConstructs,
      module: a.module,
      allocations: allocations.get(a.sourceFile) ?? [],
      accepted: a.accepted,
      runtimeSpecifier: options.runtimeSpecifier ?? "tsomp/runtime",
    });
    return { ...base, plan, changed: plan.regions.length > 0 || plan.allocations.length > 0 || plan.criticals.length > 0 || plan.atomics.length > 0 || plan.renamed.length > 0 };
  });
}

/** Compiles files of one program to TypeScript text with source maps (the magic-string printer). */
export function compile(program: ts.Program, inputs: readonly CompileInput[], options: CompileOptions = {}): CompileResult[] {
  return planFiles(program, inputs, options).map(({ plan, changed, ...base }) => {
    if (!plan) return { ...base, code: undefined, map: undefined, changed };
    if (!changed) return { ...base, code: base.sourceFile.text, map: undefined, changed };
    const out = emitText(plan, base.sourceFile, base.file);
    return { ...base, code: out.code, map: out.map, changed };
  });
}
