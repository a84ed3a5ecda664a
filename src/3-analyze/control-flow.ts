import ts from "../typescript.cjs";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { spanOf, type ShapeContext } from "./loop-shape.js";
import type { LoopShape } from "./types.js";

interface Scope {
  /** Inside a nested function: `return`, `yield`, `await` belong to it. */
  readonly inFunction: boolean;
  /** Inside a nested non-arrow function or class: `this`, `super` and `arguments` belong to it. */
  readonly ownsThis: boolean;
  /** Loops and switches nested in the body around this point (targets of plain `break`). */
  readonly breakables: number;
  /** Loops nested in the body around this point (targets of plain `continue`). */
  readonly loops: number;
  /** Labels declared inside the body around this point. */
  readonly labels: ReadonlySet<string>;
}

/**
 * Reports what may not appear in a parallel loop body (SPEC §3): jumps that leave the loop,
 * `continue` to an outer collapsed loop, `yield`, `await`, `arguments`, `this` and `super`.
 */
export function checkControlFlow(shape: LoopShape, ctx: ShapeContext): void {
  const own = new Set(shape.levels[shape.levels.length - 1]?.labels);
  const block = shape.levels.length === 0;
  const visit = (node: ts.Node, scope: Scope): void => {
    if (block && ts.isBreakOrContinueStatement(node) && !scope.inFunction && leaves(node, scope)) {
      ctx.report(createDiagnostic("JumpOutOfConstruct", { jump: ts.isBreakStatement(node) ? "break" : "continue", construct: "parallel" }, spanOf(node, ctx)));
    } else if (ts.isBreakStatement(node) && !scope.inFunction) {
      const target = node.label?.text;
      if (target ? !scope.labels.has(target) : scope.breakables === 0) ctx.report(createDiagnostic("BreakOutOfParallelLoop", undefined, spanOf(node, ctx)));
    } else if (ts.isContinueStatement(node) && !scope.inFunction && node.label) {
      const label = node.label.text;
      if (!scope.labels.has(label) && !own.has(label)) ctx.report(createDiagnostic("ContinueToOuterLoop", { label }, spanOf(node, ctx)));
    } else if (ts.isReturnStatement(node) && !scope.inFunction) {
      ctx.report(createDiagnostic("ReturnInParallelLoop", undefined, spanOf(node, ctx)));
    } else if (ts.isYieldExpression(node) && !scope.inFunction) {
      ctx.report(createDiagnostic("YieldInParallelLoop", undefined, spanOf(node, ctx)));
    } else if ((ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) && !scope.inFunction) {
      ctx.report(createDiagnostic("AwaitInParallelLoop", undefined, spanOf(node, ctx)));
    } else if (!scope.ownsThis && (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword)) {
      ctx.report(createDiagnostic("ThisInParallelLoop", { keyword: node.kind === ts.SyntaxKind.ThisKeyword ? "this" : "super" }, spanOf(node, ctx)));
    } else if (!scope.ownsThis && ts.isIdentifier(node) && node.text === "arguments" && isValueReference(node)) {
      ctx.report(createDiagnostic("ArgumentsInParallelLoop", undefined, spanOf(node, ctx)));
    }
    ts.forEachChild(node, (child) => visit(child, inner(node, child, scope)));
  };
  visit(shape.body, { inFunction: false, ownsThis: false, breakables: 0, loops: 0, labels: new Set() });
}

/** True when a `break` or `continue` jumps to a statement outside the code being checked. */
function leaves(node: ts.BreakOrContinueStatement, scope: Scope): boolean {
  if (node.label) return !scope.labels.has(node.label.text);
  return ts.isBreakStatement(node) ? scope.breakables === 0 : scope.loops === 0;
}

/**
 * The `break` and `continue` statements in `body` that jump out of it (into the code around it),
 * skipping nested functions.
 */
export function jumpsOut(body: ts.Node): ts.BreakOrContinueStatement[] {
  const out: ts.BreakOrContinueStatement[] = [];
  const visit = (node: ts.Node, scope: Scope): void => {
    if (ts.isBreakOrContinueStatement(node) && !scope.inFunction && leaves(node, scope)) out.push(node);
    ts.forEachChild(node, (child) => visit(child, inner(node, child, scope)));
  };
  visit(body, { inFunction: false, ownsThis: false, breakables: 0, loops: 0, labels: new Set() });
  return out;
}

/** The scope that `child` of `node` sees. */
function inner(node: ts.Node, child: ts.Node, scope: Scope): Scope {
  if (ts.isFunctionLike(node) && child !== (node as { name?: ts.Node }).name) {
    return { ...scope, inFunction: true, ownsThis: scope.ownsThis || !ts.isArrowFunction(node), breakables: 0, loops: 0, labels: new Set() };
  }
  if (ts.isClassLike(node) && child !== node.name && !isHeritage(child)) return { ...scope, ownsThis: true };
  if (ts.isIterationStatement(node, false) && child === node.statement) {
    return { ...scope, breakables: scope.breakables + 1, loops: scope.loops + 1 };
  }
  if (ts.isCaseBlock(node)) return { ...scope, breakables: scope.breakables + 1 };
  if (ts.isLabeledStatement(node) && child === node.statement) return { ...scope, labels: new Set([...scope.labels, node.label.text]) };
  return scope;
}

const isHeritage = (n: ts.Node) => ts.isHeritageClause(n);

/** `arguments` as a variable, not a property name or a declaration of its own. */
function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  const declares = (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === id;
  return !(ts.isPropertyAccessExpression(p) && p.name === id) && !(ts.isPropertyAssignment(p) && p.name === id) && !declares;
}
