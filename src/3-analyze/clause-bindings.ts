import ts from "../typescript.cjs";
import type { Clause, ReductionOperator, VariableReference } from "../2-parse/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { declarationOf, resolveName, scopeOf, variableKind, type BindingScope } from "./scope.js";
import { typedArrayElement } from "./type-family.js";

/** The data-sharing clauses a variable can be named in. */
export type SharingClause = "private" | "firstprivate" | "lastprivate" | "shared" | "reduction";

/** What the clauses say about one variable. */
export interface ClauseRoles {
  readonly name: string;
  readonly clauses: Set<SharingClause>;
  conditional: boolean;
  operator?: ReductionOperator;
  /** The array section of a typed-array reduction, `a[lower:length]`. */
  section?: VariableReference["section"];
  /** Where the variable is first named, for messages about the clause. */
  readonly span: VariableReference["span"];
}

/** Which pairs of clauses may name the same variable (OpenMP allows only firstprivate with lastprivate). */
function compatible(a: SharingClause, b: SharingClause): boolean {
  return (a === "firstprivate" && b === "lastprivate") || (a === "lastprivate" && b === "firstprivate");
}

/**
 * Resolves every variable named in a data-sharing clause and checks that the names make sense
 * together: in scope, not declared in the loop, not the loop variable, not constant where a
 * clause writes, and not in two clauses that contradict each other.
 */
export function bindClauseVariables(
  clauses: readonly Clause[],
  loop: ts.Statement,
  loopVariables: readonly string[],
  checker: ts.TypeChecker,
  report: (d: Diagnostic) => void,
): Map<ts.Symbol, ClauseRoles> {
  const roles = new Map<ts.Symbol, ClauseRoles>();
  const sourceFile = loop.getSourceFile();
  for (const clause of clauses) {
    if (!("variables" in clause)) continue;
    const kind = clause.kind as SharingClause;
    for (const v of clause.variables) {
      if (loopVariables.includes(v.name)) {
        report(createDiagnostic("LoopVariableInClause", { name: v.name, clause: kind }, v.span));
        continue;
      }
      const symbol = resolveName(v.name, loop, checker);
      const declaration = symbol && declarationOf(symbol);
      if (!symbol || !declaration) {
        const inLoop = declaresName(loop, v.name);
        report(createDiagnostic(inLoop ? "ClauseVariableDeclaredInLoop" : "UnknownVariable", { name: v.name, clause: kind }, v.span));
        continue;
      }
      const scope = scopeOf(symbol, loop, sourceFile);
      const isVariable = ts.isParameter(declaration) || variableKind(declaration) !== undefined;
      if (scope === "loop") {
        report(createDiagnostic("ClauseVariableDeclaredInLoop", { name: v.name, clause: kind }, v.span));
        continue;
      }
      if (!isVariable || scope === "import" || scope === "global" || (scope === "module" && kind !== "shared")) {
        report(createDiagnostic("NotASharedVariable", { name: v.name, clause: kind, kind: describeBinding(declaration, scope) }, v.span));
        continue;
      }
      const element = typedArrayElement(checker.getTypeOfSymbolAtLocation(symbol, loop), checker);
      if (v.section && !element) {
        report(createDiagnostic("SectionNotTypedArray", { name: v.name }, v.span));
        continue;
      }
      // A reduced typed array's elements change, not the variable: it may be a const.
      const reducedArray = kind === "reduction" && element !== undefined;
      if (variableKind(declaration) === "const" && (kind === "private" || kind === "lastprivate" || (kind === "reduction" && !reducedArray))) {
        report(createDiagnostic("ConstInClause", { name: v.name, clause: kind }, v.span));
        continue;
      }
      const existing = roles.get(symbol);
      if (existing) {
        const clash = [...existing.clauses].find((c) => !compatible(c, kind));
        if (clash) {
          report(createDiagnostic("ConflictingClauses", { name: v.name, first: clash, second: kind }, v.span));
          continue;
        }
        existing.clauses.add(kind);
      } else {
        roles.set(symbol, { name: v.name, clauses: new Set([kind]), conditional: false, span: v.span });
      }
      const entry = roles.get(symbol)!;
      if (clause.kind === "lastprivate") entry.conditional ||= clause.conditional;
      if (clause.kind === "reduction") entry.operator = clause.operator;
      if (v.section) entry.section = v.section;
    }
  }
  return roles;
}

/** True when a variable, parameter or function named `name` is declared somewhere inside `node`. */
function declaresName(node: ts.Node, name: string): boolean {
  const visit = (n: ts.Node): boolean => {
    const declared = (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isBindingElement(n)) && n.name && ts.isIdentifier(n.name) && n.name.text === name;
    return declared || !!ts.forEachChild(n, (c) => visit(c) || undefined);
  };
  return visit(node);
}

/** What a binding that is not a local variable is, for messages: "a global", "an import", "a function"… */
function describeBinding(declaration: ts.Node, scope: BindingScope): string {
  if (scope === "import") return "an import";
  if (scope === "global") return "a global";
  if (ts.isFunctionDeclaration(declaration) || ts.isFunctionExpression(declaration)) return "a function";
  if (ts.isClassDeclaration(declaration)) return "a class";
  if (ts.isEnumDeclaration(declaration)) return "an enum";
  return "a module-level variable";
}
