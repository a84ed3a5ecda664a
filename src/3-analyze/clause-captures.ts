import ts from "../typescript.cjs";
import type { ClauseExpression, Directive } from "../2-parse/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { captureKind } from "./data-sharing.js";
import type { TypePrinter } from "./print-type.js";
import { resolveName, scopeOf } from "./scope.js";
import { typeFamily } from "./type-family.js";
import type { Capture } from "./types.js";

/** A clause expression that the threads evaluate inside a region, the statement where its names resolve, and the clause's name for messages. */
export interface InnerClause {
  readonly value: ClauseExpression;
  readonly at: ts.Node;
  readonly clause: string;
}

/**
 * The variables of the enclosing functions that clause expressions evaluated inside `construct`
 * use (`filter(t)`, a `for`'s chunk size, an array section's bounds), each with a node to read
 * its type at; they become captures. A module-level name cannot reach the threads this way and is
 * reported (OMP1037).
 */
export function clauseVariables(clauses: readonly InnerClause[], construct: ts.Node, checker: ts.TypeChecker, report: (d: Diagnostic) => void): Map<ts.Symbol, ts.Node> {
  const out = new Map<ts.Symbol, ts.Node>();
  const sourceFile = construct.getSourceFile();
  for (const { value, at, clause } of clauses) {
    for (const name of names(value.node)) {
      const symbol = resolveName(name, at, checker);
      const scope = symbol ? scopeOf(symbol, construct, sourceFile) : "global";
      if (scope === "module" || scope === "import") report(createDiagnostic("ClauseNameNotLocal", { name, clause }, value.span));
      else if (scope === "local") out.set(symbol!, at);
    }
  }
  return out;
}

/** Captures for `symbols` (read at their nodes) that `captures` does not hold yet, appended to it. */
export function addCaptures(captures: Capture[], symbols: ReadonlyMap<ts.Symbol, ts.Node>, checker: ts.TypeChecker, types: TypePrinter, declaredTypeNames: ReadonlySet<string>): void {
  for (const [symbol, at] of symbols) {
    if (captures.some((c) => c.symbol === symbol)) continue;
    const type = checker.getTypeOfSymbolAtLocation(symbol, at);
    captures.push({ name: symbol.name, symbol, kind: captureKind(typeFamily(type, checker)), typeText: types.print(type, declaredTypeNames) });
  }
}

/** The variable names an expression parsed from a clause uses (not property names). */
function names(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node, parent: ts.Node | undefined): void => {
    if (ts.isIdentifier(n) && !(parent && (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === n)) out.push(n.text);
    ts.forEachChild(n, (c) => visit(c, n));
  };
  visit(node, undefined);
  return [...new Set(out)];
}

/** The bounds of the array sections in a directive's reductions, as clauses the threads evaluate at `at`. */
export function sectionClauses(directive: Directive, at: ts.Node): InnerClause[] {
  const out: InnerClause[] = [];
  for (const c of directive.clauses) {
    if (c.kind !== "reduction") continue;
    for (const v of c.variables) {
      for (const value of [v.section?.lower, v.section?.length]) if (value) out.push({ value, at, clause: "reduction" });
    }
  }
  return out;
}
