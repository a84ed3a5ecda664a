import ts from "../typescript.cjs";
import type { Directive } from "../2-parse/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { jumpsOut } from "./control-flow.js";
import { spanOf } from "./loop-shape.js";
import { mentionsThrough } from "./references.js";

/** The constructs that every thread of a team must reach together (`for`, `single`, `barrier`), and `masked`, which binds to a team too. */
export type TeamConstructName = "for" | "for simd" | "barrier" | "single" | "masked" | "master";

/** A team construct and the `parallel` block it binds to. */
export interface BoundConstruct {
  readonly directive: Directive;
  /** The `parallel` directive of the block the construct is in. */
  readonly parallel: Directive;
}

/** What binding team constructs needs. */
export interface TeamContext {
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  readonly report: (d: Diagnostic) => void;
}

/** True for the directives that bind to the innermost `parallel` block around them. */
export function isTeamConstruct(d: Directive): d is Directive & { name: TeamConstructName } {
  return d.name === "for" || d.name === "for simd" || d.name === "barrier" || d.name === "single" || d.name === "masked" || d.name === "master";
}

/** How the other constructs that can stand around a team construct are described in messages. */
const OUTER: Readonly<Record<string, string>> = {
  "parallel for": "a 'parallel for' loop",
  "parallel for simd": "a 'parallel for' loop",
  for: "a 'for' loop",
  "for simd": "a 'for' loop",
  single: "a 'single' block",
  masked: "a 'masked' block",
  master: "a 'master' block",
  critical: "a 'critical' section",
  ordered: "an 'ordered' block",
  atomic: "an 'atomic' construct",
};

/**
 * Finds the `parallel` block each `for`, `barrier`, `single` and `masked` belongs to, in the same
 * function, and reports those that some threads of the team would not reach: outside any
 * `parallel` block (orphaned: not supported), inside a construct that only some threads run
 * (`single`, `masked`, `critical`, a loop's iteration), under a condition on the thread number,
 * or inside a `try` block (a thread that throws and is caught would skip it).
 * (`masked` may stand under conditions and in `masked`, as it binds to no barrier.)
 */
export function bindTeamConstructs(directives: readonly Directive[], ctx: TeamContext): BoundConstruct[] {
  const byStatement = new Map<ts.Node, Directive>();
  for (const d of directives) if (d.statement && d.name !== "barrier") byStatement.set(d.statement, d);
  const bound: BoundConstruct[] = [];
  for (const directive of directives) {
    if (!isTeamConstruct(directive)) continue;
    const name = directive.name === "for simd" ? "for" : directive.name === "master" ? "masked" : directive.name;
    const start = directive.name === "barrier" ? barrierContainer(directive, ctx.sourceFile) : directive.statement!.parent;
    let from: ts.Node = directive.statement ?? start;
    let problem: { outer: string; reason: string } | undefined;
    let parallel: Directive | undefined;
    for (let p: ts.Node | undefined = start; p && !ts.isFunctionLike(p) && !ts.isClassLike(p); from = p, p = p.parent) {
      const construct = byStatement.get(p);
      if (construct?.name === "parallel") {
        parallel = construct;
        break;
      }
      if (construct && construct !== directive && !(name === "masked" && (construct.name === "masked" || construct.name === "master"))) {
        problem = { outer: OUTER[construct.name] ?? `'${construct.name}'`, reason: reasonInside(construct.name, name) };
        break;
      }
      // A thread that throws inside a `try` around the construct and is caught there skips it.
      if (name !== "masked" && ts.isTryStatement(p) && from === p.tryBlock) {
        problem = { outer: "a 'try' block", reason: "a thread that throws inside it and is caught would skip the construct and leave the others waiting for it forever." };
        break;
      }
      const condition = name !== "masked" ? conditionOf(p, from) : undefined;
      if (condition && dependsOnThreadNumber(condition, ctx.checker)) {
        problem = { outer: `a condition on the thread number ('${condition.getText(ctx.sourceFile)}')`, reason: "threads that skip it would leave the others waiting for them forever." };
        break;
      }
    }
    // A thread that jumps out of a `single` misses its barrier (a `for` body is checked as a loop body).
    if (directive.name === "single") {
      for (const jump of jumpsOut(directive.statement!)) {
        ctx.report(createDiagnostic("JumpOutOfConstruct", { jump: ts.isBreakStatement(jump) ? "break" : "continue", construct: "single" }, spanOf(jump, { file: directive.span.file, sourceFile: ctx.sourceFile })));
      }
    }
    if (problem) ctx.report(createDiagnostic("ConstructNested", { directive: directive.name, ...problem }, directive.span));
    else if (!parallel) ctx.report(createDiagnostic("ConstructOutsideParallel", { directive: directive.name }, directive.span));
    else bound.push({ directive, parallel });
  }
  return bound;
}

/** Why a team construct cannot be inside another construct. */
function reasonInside(outer: string, inner: string): string {
  if (outer === "single" || outer === "masked" || outer === "master") return `only one thread runs that block, so ${inner === "masked" ? "'masked' would bind to no team" : "the others would never reach it"}.`;
  if (outer === "critical" || outer === "ordered" || outer === "atomic") return `threads pass through it one at a time, so ${inner === "masked" ? "'masked' would bind to no team" : "each would wait there for the others, which wait to enter"}.`;
  return "each iteration runs on one thread only, so the others would not reach it with that iteration.";
}

/**
 * The block (or other statement list) that holds a barrier's comment: the parent of the statement
 * after it, or the innermost block around a barrier that stands last in it. A barrier stands
 * beside the statement after it, not inside it.
 */
export function barrierContainer(directive: Directive, sourceFile: ts.SourceFile): ts.Node {
  if (directive.statement) return directive.statement.parent;
  const pos = directive.comment.pos;
  let container: ts.Node = sourceFile;
  const visit = (n: ts.Node): void => {
    if (pos < n.pos || pos >= n.end) return;
    if (ts.isBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n) || ts.isModuleBlock(n)) container = n;
    // A comment after a case's last statement lies outside the case's node: it ends that case.
    if (ts.isCaseBlock(n)) container = [...n.clauses].reverse().find((c) => c.pos <= pos) ?? container;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return container;
}

/** The condition that decides whether `child` of `node` runs, when `node` is a branch or a loop and `child` one of its bodies. */
function conditionOf(node: ts.Node, child: ts.Node): ts.Expression | undefined {
  if (ts.isIfStatement(node) && child !== node.expression) return node.expression;
  if ((ts.isWhileStatement(node) || ts.isDoStatement(node)) && child === node.statement) return node.expression;
  if (ts.isForStatement(node) && child === node.statement) return node.condition;
  if (ts.isCaseBlock(node)) return node.parent.expression;
  if (ts.isConditionalExpression(node) && child !== node.condition) return node.condition;
  return undefined;
}

/** True when an expression uses omp_get_thread_num, directly or through a variable initialized from such a use. */
export function dependsOnThreadNumber(expression: ts.Node, checker: ts.TypeChecker): boolean {
  return mentionsThrough(expression, checker, (name) => name === "omp_get_thread_num");
}
