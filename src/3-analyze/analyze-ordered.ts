import ts from "../typescript.cjs";
import type { Directive } from "../2-parse/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { enclosingConstruct } from "./enclosing-construct.js";
import type { LoopShape } from "./types.js";

/** A loop an `ordered` construct can be in: a `parallel for`, or a `for` inside a `parallel` block. */
export interface OrderedLoop {
  readonly directive: Directive;
  readonly statement: ts.Statement;
  readonly shape: LoopShape;
}

/** An `ordered` construct: its statement runs in the order of its loop's iterations. */
export interface OrderedAnalysis {
  readonly directive: Directive;
  readonly statement: ts.Statement;
  /** The innermost loop variable of the parallel loop it is in, which tells the runtime the iteration. */
  readonly variable: string;
}

/**
 * Analyses a file's `ordered` directives: each must be in the body of a parallel loop that has the
 * `ordered` clause, in the loop's own function (OpenMP's orphaned form, in a function the loop
 * calls, is not supported).
 */
export function analyzeOrdered(directives: readonly Directive[], loops: readonly OrderedLoop[], report: (d: Diagnostic) => void): OrderedAnalysis[] {
  const byStatement = new Map<ts.Node, OrderedLoop>(loops.map((l) => [l.statement, l]));
  const out: OrderedAnalysis[] = [];
  for (const directive of directives) {
    const statement = directive.statement!;
    const loop = enclosingConstruct(statement, byStatement);
    if (!loop) {
      report(createDiagnostic("OrderedOutsideLoop", undefined, directive.span));
      continue;
    }
    if (!loop.directive.clauses.some((c) => c.kind === "ordered")) {
      report(createDiagnostic("OrderedWithoutClause", { directive: loop.directive.source }, directive.span));
      continue;
    }
    const levels = loop.shape.levels;
    out.push({ directive, statement, variable: levels[levels.length - 1]!.variable });
  }
  return out;
}
