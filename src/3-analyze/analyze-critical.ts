import ts from "../typescript.cjs";
import type { Directive } from "../2-parse/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { criticalSlot } from "../runtime/critical-slot.js";
import { enclosingConstruct } from "./enclosing-construct.js";

/** A `critical` construct: the statement it guards and the lock slot of its name. */
export interface CriticalAnalysis {
  readonly directive: Directive;
  readonly statement: ts.Statement;
  /** The name in `critical(name)`, "" for an unnamed one. */
  readonly name: string;
  /** Which of the runtime's critical locks the name uses (critical-slot.ts). */
  readonly slot: number;
}

/**
 * Analyses a file's `critical` directives: each guards its statement with the lock of its name.
 * One nested in another of the same name, in the same function, would wait for itself: an error.
 */
export function analyzeCriticals(directives: readonly Directive[], report: (d: Diagnostic) => void): CriticalAnalysis[] {
  const criticals = directives.map((directive) => {
    const name = directive.argument?.text ?? "";
    return { directive, statement: directive.statement!, name, slot: criticalSlot(name) };
  });
  const byStatement = new Map(criticals.map((c) => [c.statement as ts.Node, c]));
  const valid: CriticalAnalysis[] = [];
  for (const c of criticals) {
    const outer = enclosingConstruct(c.statement, byStatement, (o) => o.name === c.name);
    if (outer) report(createDiagnostic("CriticalNested", { name: c.name }, c.directive.span));
    else valid.push(c);
  }
  return valid;
}
