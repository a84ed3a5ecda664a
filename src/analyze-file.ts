import ts from "./typescript.cjs";
import { createDiagnostic } from "./diagnostics/diagnostic.js";
import { scanDirectives } from "./1-scan/scan-directives.js";
import { parseDirectives } from "./2-parse/parse-directives.js";
import { analyzeAtomics, type AtomicAnalysis } from "./3-analyze/analyze-atomic.js";
import { analyzeCriticals, type CriticalAnalysis } from "./3-analyze/analyze-critical.js";
import { analyzeLoop } from "./3-analyze/analyze-loop.js";
import { analyzeOrdered, type OrderedAnalysis } from "./3-analyze/analyze-ordered.js";
import { analyzeParallelBlock } from "./3-analyze/analyze-parallel.js";
import { checkSimdLoop } from "./3-analyze/analyze-simd.js";
import { bindTeamConstructs, isTeamConstruct, type BoundConstruct } from "./3-analyze/team-constructs.js";
import { analyzeModule, type ModuleAnalysis } from "./3-analyze/module-analysis.js";
import type { ProgramFacts } from "./3-analyze/program-facts.js";
import { TypePrinter } from "./3-analyze/print-type.js";
import type { LoopAnalysis } from "./3-analyze/types.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";

/** The analysis of one file: its parallel loops, what their worker code needs, and all diagnostics. */
export interface FileAnalysis {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly loops: readonly LoopAnalysis[];
  /** The `critical` constructs, in source order. */
  readonly criticals: readonly CriticalAnalysis[];
  /** The `atomic` constructs, in source order. */
  readonly atomics: readonly AtomicAnalysis[];
  /** The `ordered` constructs, in source order. */
  readonly ordered: readonly OrderedAnalysis[];
  /** The `for`, `barrier`, `single` and `masked` constructs, with the `parallel` block of each. */
  readonly teamConstructs: readonly BoundConstruct[];
  readonly module: ModuleAnalysis;
  /** Offsets of `@omp` in directives that are valid but have no effect (they are renamed in the output). */
  readonly accepted: readonly number[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Runs the front end and the analyses on one file: scan → parse → analyse loops → analyse module.
 * A file TypeScript cannot parse is reported and not analysed. `isolated` says that the checker
 * sees this file alone (its imports have no types); `facts` are about the whole program.
 */
export function analyzeFile(sourceFile: ts.SourceFile, file: string, checker: ts.TypeChecker, facts: ProgramFacts, syntaxErrors: readonly ts.Diagnostic[], isolated = false): FileAnalysis {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  if (syntaxErrors.length > 0) {
    for (const e of syntaxErrors) {
      const message = ts.flattenDiagnosticMessageText(e.messageText, " ");
      report(createDiagnostic("SourceSyntaxError", { message }, { file, start: e.start ?? 0, length: e.length ?? 0 }));
    }
    return { file, sourceFile, loops: [], criticals: [], atomics: [], ordered: [], teamConstructs: [], module: analyzeModule([], { file, sourceFile, checker, facts, types: new TypePrinter(checker, sourceFile), report }), accepted: [], diagnostics };
  }
  const scan = scanDirectives(sourceFile, file);
  diagnostics.push(...scan.diagnostics);
  const parsed = parseDirectives(scan.comments, file);
  diagnostics.push(...parsed.diagnostics);
  const types = new TypePrinter(checker, sourceFile);
  const teamConstructs = bindTeamConstructs(parsed.directives, { sourceFile, checker, report });
  const synchronizing = new Set(["critical", "atomic", "ordered", "single", "masked", "master"]);
  const synchronized = new Set<ts.Node>(parsed.directives.filter((d) => synchronizing.has(d.name) && d.statement).map((d) => d.statement!));
  const assumed = new Set<ts.Node>(parsed.assumed);
  const teamStatements = new Set<ts.Node>(parsed.directives.filter((d) => isTeamConstruct(d) && d.name !== "barrier" && d.statement).map((d) => d.statement!));
  const loops: LoopAnalysis[] = [];
  const ctx = { file, sourceFile, checker, facts, types, report, isolated, synchronized, assumed, teamStatements };
  for (const directive of parsed.directives) {
    const loop = directive.name === "parallel for" || directive.name === "parallel for simd" ? analyzeLoop(directive, ctx) : directive.name === "parallel" ? analyzeParallelBlock(directive, teamConstructs, ctx) : undefined;
    if (loop) loops.push(loop);
  }
  for (const statement of parsed.simdLoops) checkSimdLoop(statement, ctx);
  const criticals = analyzeCriticals(parsed.directives.filter((d) => d.name === "critical"), report);
  const atomics = analyzeAtomics(parsed.directives.filter((d) => d.name === "atomic"), { file, sourceFile, checker, report });
  const ordered = analyzeOrdered(parsed.directives.filter((d) => d.name === "ordered"), [...loops.filter((l) => l.shape.levels.length > 0), ...loops.flatMap((l) => l.workshares)], report);
  const module = analyzeModule(loops, { file, sourceFile, checker, facts, types, report });
  return { file, sourceFile, loops, criticals, atomics, ordered, teamConstructs, module, accepted: parsed.accepted, diagnostics };
}
