import ts from "../typescript.cjs";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { changedHere, classOf, stateChange } from "./changed-state.js";
import { spanOf } from "./loop-shape.js";
import { type ProgramFacts, resolveAlias, spanIn } from "./program-facts.js";
import { isCopiedConstant } from "./pure-initializer.js";
import { collectReferences, type Reference } from "./references.js";
import { contains, declarationOf, isTopLevel } from "./scope.js";
import { typeFamily } from "./type-family.js";

/** What checking imported bindings needs. */
export interface ImportContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  readonly facts: ProgramFacts;
  readonly report: (d: Diagnostic) => void;
}

/**
 * True when an imported binding is passed by value when a region starts rather than imported again
 * by workers: a variable of the program's own code that a fresh import would not reproduce (a
 * `let`, a `var`, a constant that is not copied), holding a value that can be passed (not a
 * function or class instance). Workers then see the value thread 0 sees.
 */
export function importedByValue(symbol: ts.Symbol, ctx: ImportContext): boolean {
  const target = resolveAlias(symbol, ctx.checker);
  const d = declarationOf(target);
  if (!d || !ownCode(d, ctx.facts) || !(ts.isVariableDeclaration(d) || ts.isBindingElement(d))) return false;
  if (ts.isVariableDeclaration(d) && isCopiedConstant(d, ctx.checker)) return false;
  const family = typeFamily(ctx.checker.getTypeOfSymbolAtLocation(target, d), ctx.checker);
  return family !== "function" && family !== "instance" && family !== "uncloneable";
}

/**
 * Reports what a worker's fresh import of a binding that `r` uses would not see: a class whose
 * static state, or an object of functions whose contents, the program changes (an error, OMP3023);
 * module-level state that the program changes and that the imported code reads, directly or
 * through the functions and classes it uses (a warning, OMP3024). A namespace import is checked by
 * the member used (`ns.f`). Each binding is checked once (`checked`).
 */
export function checkImportedUse(r: Reference, ctx: ImportContext, checked: Set<ts.Symbol>): void {
  const member = namespaceMember(r, ctx.checker);
  const target = resolveAlias(member?.symbol ?? r.symbol, ctx.checker);
  const d = declarationOf(target);
  if (checked.has(target) || !d || !ownCode(d, ctx.facts)) return;
  checked.add(target);
  const at = member?.node ?? r.node;
  const name = at.getText();
  const copied = classOf(d) ?? (ts.isVariableDeclaration(d) && isCopiedConstant(d, ctx.checker) ? d : undefined);
  const change = copied ? stateChange(target, d, ctx.facts, ctx.checker, true) : undefined;
  if (change) {
    ctx.report(createDiagnostic("ChangedStateCopied", { name, imported: true, changed: `'${change.getText()}'` }, spanOf(at, ctx), [changedHere(change, ctx)]));
    return;
  }
  const stale = !member && importedByValue(target, ctx) ? undefined : staleRead(target, d, ctx);
  if (!stale) return;
  const module = spanIn(stale.declaration, ctx).file;
  const args = stale.declaration === d ? { name, module } : { name, state: stale.state, module };
  ctx.report(createDiagnostic("StaleModuleState", args, spanOf(at, ctx), [changedHere(stale.site, ctx)]));
}

/** Module-level state read by imported code, and a place where the program changes it. */
interface StaleState {
  readonly state: string;
  readonly declaration: ts.Node;
  readonly site: ts.Expression;
}

/** An imported variable that the loop reads where it cannot be passed by value, if the program changes it after its module ran. */
function staleVariable(symbol: ts.Symbol, d: ts.Node, ctx: ImportContext): StaleState | undefined {
  const site = stateChange(symbol, d, ctx.facts, ctx.checker, true);
  return site && { state: symbol.name, declaration: d, site };
}

/**
 * The first module-level state of the program's own code that an imported binding is or reads when
 * it runs, directly or through the module-level functions, classes and function constants it uses,
 * and that the program changes outside the top level of the state's module.
 */
function staleRead(symbol: ts.Symbol, declaration: ts.Node, ctx: ImportContext): StaleState | undefined {
  const seen = new Set<ts.Node>([declaration]);
  const visit = (node: ts.Node): StaleState | undefined => {
    for (const r of collectReferences(node, ctx.checker)) {
      const symbol = resolveAlias(r.symbol, ctx.checker);
      const d = declarationOf(symbol);
      if (!d || seen.has(d) || contains(node, d) || !ownCode(d, ctx.facts) || !isTopLevel(d)) continue;
      seen.add(d);
      const found = stateOf(symbol, d);
      if (found) return found;
    }
    return undefined;
  };
  const stateOf = (symbol: ts.Symbol, d: ts.Node): StaleState | undefined => {
    const cls = classOf(d);
    if (cls) {
      const site = stateChange(symbol, d, ctx.facts, ctx.checker, true);
      return site ? { state: symbol.name, declaration: d, site } : visit(cls);
    }
    if (ts.isFunctionDeclaration(d)) return visit(d);
    if (!ts.isVariableDeclaration(d) && !ts.isBindingElement(d)) return undefined;
    const code = ts.isVariableDeclaration(d) && d.initializer && isCopiedConstant(d, ctx.checker) ? d.initializer : undefined;
    return staleVariable(symbol, d, ctx) ?? (code && visit(code));
  };
  return stateOf(symbol, declaration);
}

/** For `ns.f` with `ns` a namespace import, the member `f` and the access naming it. */
function namespaceMember(r: Reference, checker: ts.TypeChecker): { symbol: ts.Symbol; node: ts.PropertyAccessExpression } | undefined {
  const p = r.node.parent;
  if (!ts.isNamespaceImport(declarationOf(r.symbol) ?? r.node) || !ts.isPropertyAccessExpression(p) || p.expression !== r.node) return undefined;
  const symbol = checker.getSymbolAtLocation(p.name);
  return symbol && { symbol, node: p };
}

/** True for a declaration in the program's own TypeScript (not a declaration file, not a library). */
function ownCode(d: ts.Node, facts: ProgramFacts): boolean {
  const sf = d.getSourceFile();
  return !sf.isDeclarationFile && facts.isOwnFile(sf);
}
