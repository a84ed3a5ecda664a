import ts from "../typescript.cjs";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { spanOf } from "./loop-shape.js";
import { contains, enclosingFunction, variableKind } from "./scope.js";

/** What the check needs. */
interface EscapeContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  readonly report: (d: Diagnostic) => void;
}

/**
 * Reports (OMP3034) each `var` declared in a region's body (outside nested functions) that code
 * after or around the region uses: the body runs in each thread's own function, so the variable
 * does not exist outside it, unlike in the sequential program where `var` reaches the whole
 * enclosing function.
 */
export function checkVarEscapes(body: ts.Node, region: string, ctx: EscapeContext): void {
  const declarations: ts.VariableDeclaration[] = [];
  const collect = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && variableKind(n) === "var") declarations.push(n);
    ts.forEachChild(n, collect);
  };
  collect(body);
  if (declarations.length === 0) return;
  const symbols = new Map(declarations.map((d) => [ctx.checker.getSymbolAtLocation(d.name), d] as const));
  const reported = new Set<ts.VariableDeclaration>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !contains(body, n)) {
      const d = symbols.get(ctx.checker.getSymbolAtLocation(n));
      if (d && !reported.has(d)) {
        reported.add(d);
        ctx.report(createDiagnostic("VarUsedOutsideRegion", { name: n.text, region }, spanOf(d.name, ctx), [{ ...spanOf(n, ctx), message: `'${n.text}' is used here.` }]));
      }
    }
    ts.forEachChild(n, visit);
  };
  // A `var` reaches its whole function (or the module at top level), and nothing outside it.
  visit(enclosingFunction(body) ?? ctx.sourceFile);
}
