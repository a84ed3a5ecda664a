import ts from "../typescript.cjs";
import type { CallValue, TeamPlan, WorksharePlan } from "../4-plan/types.js";
import { detach, literalNode } from "./node-tools.js";
import { chunkForStatement, thread } from "./region-nodes.js";
import { isInStatementList } from "../2-parse/parse-directives.js";
import { chunkLoop, workshareParts, type FreshVariable } from "./team-parts.js";

/** What printing the constructs of a `parallel` block as nodes needs from the module printer. */
export interface TeamNodeContext {
  readonly f: ts.NodeFactory;
  /** Visits original code inside the block (worker code). */
  readonly visit: (node: ts.Node) => ts.Node;
  /** Visits the children of a node (the node itself being replaced). */
  readonly visitChildren: (node: ts.Node) => ts.Node;
  /** A `forLoop` argument. */
  readonly value: (value: CallValue) => ts.Expression;
  /** Gives a generated statement the comments written before an original one, renamed. */
  readonly carry: (from: ts.Node, to: ts.Node) => void;
}

/** `__omp_t.<method>(…args)` as a statement. */
function call(f: ts.NodeFactory, method: string, args: ts.Expression[]): ts.Statement {
  return f.createExpressionStatement(f.createCallExpression(thread(f, method), undefined, args));
}

/**
 * A `for` of a `parallel` block as the text printer writes it (rewriteWorkshare in team-text.ts):
 * statements to stand in its place, or one block where a single statement must.
 */
export function workshareNodes(w: WorksharePlan, ctx: TeamNodeContext): ts.Statement[] {
  const { f } = ctx;
  const parts = workshareParts(w);
  const levels = w.analysis.shape.levels;
  const out: ts.Statement[] = parts.copies.map((c) => declare(f, ts.NodeFlags.Const, c.copy, f.createIdentifier(c.name)));
  out.push(call(f, "forLoop", [f.createNumericLiteral(w.loop), ...w.values.map(ctx.value)]));
  ctx.carry(w.statement, out[0]!);
  const loop = chunkLoop(levels);
  const inner = chunkForStatement(f, levels, ctx.visit(w.analysis.shape.body) as ts.Statement);
  const outer = loop.outer.map((o) => declare(f, ts.NodeFlags.Const, o.name, f.createElementAccessExpression(thread(f, "index"), o.index)));
  const chunks = ts.setSourceMapRange(f.createWhileStatement(f.createCallExpression(thread(f, "next"), undefined, []), outer.length > 0 ? f.createBlock([...outer, inner], false) : inner), levels[0]!.loop);
  if (parts.declarations.length > 0 || parts.handOver.length > 0) {
    const handOver = parts.handOver.map((h) => call(f, h.method, [f.createNumericLiteral(h.slot), f.createIdentifier(h.name)]));
    out.push(f.createBlock([...parts.declarations.map((d) => freshDeclaration(f, d)), chunks, ...handOver], true));
  } else out.push(chunks);
  if (parts.barrier) out.push(call(f, "barrier", []));
  for (const r of parts.results) {
    const result = f.createCallExpression(thread(f, "loopResult"), undefined, [f.createNumericLiteral(r.slot), f.createIdentifier(r.name)]);
    out.push(f.createExpressionStatement(f.createAssignment(f.createIdentifier(r.name), result)));
  }
  return isInStatementList(w.statement) ? out : [f.createBlock(out, true)];
}

/** `single` and `masked` as the text printer writes them (rewriteTeamConstruct): the guarded block, and the barrier after a `single` without `nowait`. */
export function guardedTeamBlock(c: Exclude<TeamPlan, { kind: "barrier" }>, ctx: TeamNodeContext): ts.Statement[] {
  const { f } = ctx;
  const guard = c.kind === "single"
    ? f.createCallExpression(thread(f, "single"), undefined, [])
    : f.createCallExpression(thread(f, "masked"), undefined, [c.filter ? detach(c.filter.node) : f.createNumericLiteral(0)]);
  const statement = f.createIfStatement(guard, ctx.visitChildren(c.statement) as ts.Statement);
  ts.setTextRange(statement, { pos: c.statement.getStart(), end: c.statement.end });
  ctx.carry(c.statement, statement);
  if (c.kind !== "single" || c.nowait) return [statement];
  const out = [statement, call(f, "barrier", [])];
  return isInStatementList(c.statement) ? out : [f.createBlock(out, false)];
}

/** `__omp_t.barrier();` with the directive as its comment (`// tsomp: barrier`). */
export function barrierNode(f: ts.NodeFactory, source: string): ts.Statement {
  const statement = call(f, "barrier", []);
  return ts.addSyntheticLeadingComment(statement, ts.SyntaxKind.SingleLineCommentTrivia, ` tsomp: ${source}`, true);
}

/** `let x;`, `let x = __omp_0_x;`, `let sum = 0;` */
function freshDeclaration(f: ts.NodeFactory, d: FreshVariable): ts.Statement {
  const init = d.init.kind === "none" ? undefined : d.init.kind === "copy" ? f.createIdentifier(d.init.from) : literalNode(f, d.init.value);
  return declare(f, ts.NodeFlags.Let, d.name, init);
}

/** `let name = init;` (or `const`). */
function declare(f: ts.NodeFactory, flags: ts.NodeFlags, name: string, init?: ts.Expression): ts.Statement {
  return f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, init)], flags));
}
