import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Clause } from "./ast.js";

/** Clauses that may appear at most once on a directive. */
const UNIQUE = new Set(["schedule", "num_threads", "if", "default", "collapse", "ordered", "nowait", "proc_bind", "safelen", "simdlen"]);

/** Checks the clauses of one directive together: duplicates, clauses that do not fit, conflicts. */
export function validateClauses(clauses: readonly Clause[], directive: string, report: (d: Diagnostic) => void): void {
  const seen = new Set<string>();
  for (const clause of clauses) {
    const name = clause.kind === "simd-hint" ? clause.name : clause.kind;
    if (UNIQUE.has(name) && seen.has(name)) report(createDiagnostic("DuplicateClause", { name }, clause.nameSpan));
    seen.add(name);
    if (clause.kind === "nowait" && directive.startsWith("parallel")) {
      report(createDiagnostic("ClauseNotAllowed", {
        name: "nowait",
        directive,
        reason: "a parallel region always ends by joining its threads. Put 'nowait' on a 'for' inside a 'parallel' block instead.",
      }, clause.nameSpan));
    }
  }
  const forms = clauses.filter((c) => c.kind === "atomic-form");
  if (forms.length > 1) report(createDiagnostic("ClauseConflict", { first: clauseName(forms[0]!), second: clauseName(forms[1]!) }, forms[1]!.nameSpan));
  const orders = clauses.filter((c) => c.kind === "memory-order");
  if (orders.length > 1) report(createDiagnostic("ClauseConflict", { first: clauseName(orders[0]!), second: clauseName(orders[1]!) }, orders[1]!.nameSpan));
  const ordered = clauses.find((c) => c.kind === "ordered");
  const schedule = clauses.find((c) => c.kind === "schedule");
  if (ordered && schedule?.kind === "schedule" && schedule.modifier === "nonmonotonic") {
    report(createDiagnostic("ClauseConflict", { first: "ordered", second: "schedule(nonmonotonic: …)" }, schedule.nameSpan));
  }
}

/** The word an `atomic` clause was written as. */
function clauseName(clause: Clause): string {
  if (clause.kind === "atomic-form") return clause.form;
  if (clause.kind === "memory-order") return clause.order;
  return clause.kind;
}
