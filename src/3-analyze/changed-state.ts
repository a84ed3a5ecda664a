import ts from "../typescript.cjs";
import type { RelatedInformation } from "../diagnostics/diagnostic.js";
import { type ProgramFacts, spanIn } from "./program-facts.js";
import { enclosingFunction } from "./scope.js";

/**
 * Where the program changes state that a copy of it in a worker thread (made again from its
 * declaration) would not see: for a class, anything written through the class or to its static
 * members outside its own static initialization (`Conf.k = 3`, `this.k++` in a static method);
 * for a constant, anything written through it. `replayed`: the declaring module is imported
 * again by workers, which so run its top level again; changes made there do not count.
 * Returns the first such place, or undefined.
 */
export function stateChange(symbol: ts.Symbol, declaration: ts.Node, facts: ProgramFacts, checker: ts.TypeChecker, replayed: boolean): ts.Expression | undefined {
  const cls = classOf(declaration);
  const symbols = [symbol, ...(cls ? staticMembers(cls, checker) : [])];
  const file = declaration.getSourceFile();
  const counts = (site: ts.Expression) => !(cls && inStaticInitialization(site, cls)) && !(replayed && site.getSourceFile() === file && !enclosingFunction(site));
  const sites = symbols.flatMap((s) => facts.writesOf(s)).filter(counts);
  return sites.sort((a, b) => (a.getSourceFile() === b.getSourceFile() ? a.pos - b.pos : a.getSourceFile() === file ? -1 : 1))[0];
}

/** The class a declaration makes: a class declaration, or a `const X = class …`. */
export function classOf(declaration: ts.Node): ts.ClassLikeDeclaration | undefined {
  if (ts.isClassDeclaration(declaration)) return declaration;
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  let x = declaration.initializer;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
  return ts.isClassExpression(x) ? x : undefined;
}

function staticMembers(cls: ts.ClassLikeDeclaration, checker: ts.TypeChecker): ts.Symbol[] {
  const out: ts.Symbol[] = [];
  for (const m of cls.members) {
    const isStatic = ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword);
    const symbol = isStatic && m.name ? checker.getSymbolAtLocation(m.name) : undefined;
    if (symbol) out.push(symbol);
  }
  return out;
}

/** True for a place inside the class's static blocks or static field initializers, not in a function there: the class's own set-up, which a copy runs too. */
function inStaticInitialization(site: ts.Node, cls: ts.ClassLikeDeclaration): boolean {
  for (let n = site.parent; n && n !== cls; n = n.parent) {
    if (ts.isFunctionLike(n)) return false;
    if (n.parent === cls) return ts.isClassStaticBlockDeclaration(n) || (ts.isPropertyDeclaration(n) && !!ts.getModifiers(n)?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword));
  }
  return false;
}

/** The note that points at a change found by `stateChange`. */
export function changedHere(site: ts.Expression, ctx: { readonly file: string; readonly sourceFile: ts.SourceFile }): RelatedInformation {
  return { ...spanIn(site, ctx), message: `'${site.getText()}' is changed here.` };
}
