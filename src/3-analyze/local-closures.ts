import ts from "../typescript.cjs";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { changedHere, classOf, stateChange } from "./changed-state.js";
import { spanOf } from "./loop-shape.js";
import { collectReferences, type Reference } from "./references.js";
import { declarationOf, scopeOf, variableKind } from "./scope.js";
import type { SharingContext } from "./sharing-context.js";
import type { CarriedLocal } from "./types.js";

/** The node to copy for a local function, class or enum, or undefined if the symbol is not one. */
export function carriableDeclaration(symbol: ts.Symbol): ts.Node | undefined {
  const d = declarationOf(symbol);
  if (!d) return undefined;
  if (ts.isFunctionDeclaration(d) || ts.isClassDeclaration(d) || ts.isEnumDeclaration(d)) return d;
  if (ts.isVariableDeclaration(d) && d.initializer && isFunctionValue(d.initializer)) return d;
  return undefined;
}

function isFunctionValue(e: ts.Expression): boolean {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
  return ts.isArrowFunction(x) || ts.isFunctionExpression(x) || ts.isClassExpression(x);
}

/**
 * Follows the local functions, classes and enums a loop uses, transitively: each is copied into
 * the region, and what it refers to in turn joins the loop's references. Returns the copies in
 * source order, the references found inside them, and the symbols reported as not carriable.
 */
export function carryLocals(references: readonly Reference[], ctx: SharingContext): { carried: CarriedLocal[]; inner: Reference[]; rejected: Set<ts.Symbol> } {
  const carried = new Map<ts.Symbol, CarriedLocal>();
  const rejected = new Set<ts.Symbol>();
  const inner: Reference[] = [];
  const queue = [...references];
  while (queue.length > 0) {
    const ref = queue.shift()!;
    if (carried.has(ref.symbol) || rejected.has(ref.symbol) || scopeOf(ref.symbol, ctx.loop, ctx.sourceFile) !== "local") continue;
    const declaration = carriableDeclaration(ref.symbol);
    if (!declaration) continue;
    if (ts.isVariableDeclaration(declaration) && variableKind(declaration) !== "const") {
      rejected.add(ref.symbol);
      ctx.report(createDiagnostic("FunctionNotCarriable", { name: ref.symbol.name, reason: "it is declared with 'let' or 'var', so tsomp cannot know which function it holds; declare it with 'const'" }, spanOf(ref.node, ctx)));
      continue;
    }
    carried.set(ref.symbol, { name: ref.symbol.name, declaration });
    reportThis(declaration, ref.symbol.name, ctx);
    const change = classOf(declaration) && stateChange(ref.symbol, declaration, ctx.facts, ctx.checker, false);
    if (change) ctx.report(createDiagnostic("ChangedStateCopied", { name: ref.symbol.name, imported: false, changed: `'${change.getText()}'` }, spanOf(ref.node, ctx), [changedHere(change, ctx)]));
    for (const r of collectReferences(declaration, ctx.checker)) {
      if (r.symbol === ref.symbol || declarationOf(r.symbol)?.pos === declaration.pos) continue;
      if (isInside(declaration, r.symbol)) continue;
      const nested = { ...r, inNestedFunction: true };
      inner.push(nested);
      queue.push(nested);
    }
  }
  const list = [...carried.values()].sort((a, b) => a.declaration.pos - b.declaration.pos);
  return { carried: list, inner, rejected };
}

/** True when the symbol is declared inside `node` (a parameter or local of the carried function). */
function isInside(node: ts.Node, symbol: ts.Symbol): boolean {
  const d = declarationOf(symbol);
  return !!d && d.getSourceFile() === node.getSourceFile() && d.pos >= node.pos && d.end <= node.end;
}

/** An arrow function's `this` and `arguments` belong to the enclosing function, which the copy leaves behind. */
function reportThis(declaration: ts.Node, name: string, ctx: SharingContext): void {
  const root = ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
  if (!root || !ts.isArrowFunction(root)) return;
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && !ts.isArrowFunction(n)) return;
    if (ts.isClassLike(n)) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(n) && n.text === "arguments")) {
      ctx.report(createDiagnostic("FunctionNotCarriable", { name, reason: `it uses '${n.getText()}' of the function around it, which worker threads do not have` }, spanOf(n, ctx)));
    }
    ts.forEachChild(n, visit);
  };
  visit(root);
}
