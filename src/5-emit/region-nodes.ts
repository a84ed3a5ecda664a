import ts from "../typescript.cjs";
import type { LoopLevel } from "../3-analyze/types.js";
import type { RegionPlan } from "../4-plan/types.js";
import { lineAndColumn } from "../diagnostics/render.js";
import { detach, literalNode } from "./node-tools.js";
import { chunkLoop } from "./team-parts.js";

/** What printing a region as nodes needs from the module printer. */
export interface RegionNodeContext {
  readonly f: ts.NodeFactory;
  readonly sourceFile: ts.SourceFile;
  readonly file: string;
  /** Visits original code that moves into the worker factory (the body, copied declarations). */
  readonly visitWorker: (node: ts.Node) => ts.Node;
  /** A block's statements, visited as worker code (a construct of a `parallel` block may become several). */
  readonly visitStatements: (block: ts.Block) => ts.Statement[];
  /** A declaration copied into worker code, without `export`/`default` (undefined for type-only ones). */
  readonly copyDeclaration: (node: ts.Node) => ts.Statement | undefined;
}

/** `__omp.<name>`: a member of the runtime namespace. */
export function omp(f: ts.NodeFactory, name: string): ts.Expression {
  return f.createPropertyAccessExpression(f.createIdentifier("__omp"), name);
}

/** `__omp_t.<name>`: a member of the thread a region runs on. */
export function thread(f: ts.NodeFactory, name: string): ts.Expression {
  return f.createPropertyAccessExpression(f.createIdentifier("__omp_t"), name);
}

/** `let name = init;` (or `let name;`). */
function declare(f: ts.NodeFactory, flags: ts.NodeFlags, name: string, init?: ts.Expression): ts.Statement {
  return f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, init)], flags));
}

/**
 * One region as an element of the factory's array, the same code the text printer writes minus
 * the TypeScript types (a `before` transformer runs before types are erased, and nothing checks
 * the generated code again): `__omp.region(info, (__omp_t, …captures) => { …; while (__omp_t.next()) for (…) { body } … })`.
 * The body's statements are the original nodes, so they keep their positions for source maps.
 */
export function regionNode(plan: RegionPlan, ctx: RegionNodeContext): ts.Expression {
  const { f } = ctx;
  const a = plan.analysis;
  const statements: ts.Statement[] = [];
  for (const c of a.carriedLocals) {
    const copy = ctx.copyDeclaration(c.declaration);
    if (copy) statements.push(copy);
  }
  for (const { name, parameter } of plan.moduleValueAssignments) statements.push(f.createExpressionStatement(f.createAssignment(f.createIdentifier(name), f.createIdentifier(parameter))));
  for (const p of a.privates) if (!p.initialized) statements.push(declare(f, ts.NodeFlags.Let, p.name));
  for (const r of a.reductions) {
    const init = r.identity === undefined ? f.createCallExpression(thread(f, "initial"), undefined, [f.createNumericLiteral(plan.slots.get(r.name)!)]) : literalNode(f, r.identity);
    statements.push(declare(f, ts.NodeFlags.Let, r.name, init));
  }
  for (const v of plan.positionVariables.values()) statements.push(declare(f, ts.NodeFlags.Let, v, literalNode(f, -1)));
  for (const r of plan.arrays) {
    const args = [f.createNumericLiteral(r.slot), f.createIdentifier(r.parameter), ...r.bounds.map((b) => detach(b.node))];
    statements.push(declare(f, ts.NodeFlags.Const, r.name, f.createCallExpression(thread(f, "arrayReduction"), undefined, args)));
  }
  const levels = a.shape.levels;
  if (levels.length === 0) statements.push(f.createBlock(ctx.visitStatements(a.shape.body as ts.Block), true));
  else {
    const chunk = levels.slice(0, -1).map((level, d) => declare(f, ts.NodeFlags.Const, level.variable, f.createElementAccessExpression(thread(f, "index"), d)));
    const loop = ts.setSourceMapRange(f.createWhileStatement(f.createCallExpression(thread(f, "next"), undefined, []), f.createBlock([...chunk, innermostLoop(plan, levels, ctx)], true)), levels[0]!.loop);
    statements.push(loop);
  }
  if (plan.arrays.length > 0) statements.push(f.createExpressionStatement(f.createCallExpression(thread(f, "reduceArrays"), undefined, [])));
  for (const [name, slot] of plan.slots) {
    const position = plan.positionVariables.get(name);
    const reduces = a.reductions.some((r) => r.name === name);
    const keeps = a.teamOutputs.some((t) => t.name === name);
    const args = [f.createNumericLiteral(slot), f.createIdentifier(name), ...(position && !reduces ? [f.createIdentifier(position)] : [])];
    const method = reduces ? "reduce" : keeps ? "keep" : position ? "lastAssigned" : "last";
    statements.push(f.createExpressionStatement(f.createCallExpression(thread(f, method), undefined, args)));
  }
  const parameters = ["__omp_t", ...plan.parameters.map((p) => p.name)].map((name) => f.createParameterDeclaration(undefined, undefined, name));
  const body = f.createArrowFunction(undefined, undefined, parameters, undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), f.createBlock(statements, true));
  const region = f.createCallExpression(omp(f, "region"), undefined, [literalNode(f, plan.info), body]);
  const { line, column } = lineAndColumn(ctx.sourceFile.text, a.statement.getStart(ctx.sourceFile));
  return ts.addSyntheticLeadingComment(region, ts.SyntaxKind.SingleLineCommentTrivia, ` ${ctx.file}(${line},${column}): ${a.directive.source}`, true);
}

/** `for (let v = __omp_t.lo, __omp_end = __omp_t.hi; v < __omp_end; v++) { __omp_t.at = v; …body… }`, with the loop's labels. */
function innermostLoop(plan: RegionPlan, levels: readonly LoopLevel[], ctx: RegionNodeContext): ts.Statement {
  const { f } = ctx;
  const level = levels[levels.length - 1]!;
  const record = plan.analysis.mayThrow ? [f.createExpressionStatement(f.createAssignment(thread(f, "at"), f.createIdentifier(level.variable)))] : [];
  const body = plan.analysis.shape.body;
  const block = ts.isBlock(body)
    ? f.updateBlock(body, [...record, ...body.statements.map((s) => ctx.visitWorker(s) as ts.Statement)])
    : f.createBlock([...record, ctx.visitWorker(body) as ts.Statement], true);
  return chunkForStatement(f, levels, block);
}

/** `for (let v = __omp_t.lo, __omp_end = __omp_t.hi; v < __omp_end; v++) body` over a chunk's row of a loop nest, with its innermost loop's labels. */
export function chunkForStatement(f: ts.NodeFactory, levels: readonly LoopLevel[], body: ts.Statement): ts.Statement {
  const loop = chunkLoop(levels);
  const v = () => f.createIdentifier(loop.variable);
  const step = loop.step;
  const end = f.createIdentifier("__omp_end");
  const test = loop.test === "!==" ? f.createStrictInequality(v(), end) : loop.test === "<" ? f.createLessThan(v(), end) : f.createGreaterThan(v(), end);
  const update =
    step === 1 ? f.createPostfixIncrement(v())
    : step === -1 ? f.createPostfixDecrement(v())
    : step === undefined ? f.createBinaryExpression(v(), ts.SyntaxKind.PlusEqualsToken, thread(f, "step"))
    : f.createBinaryExpression(v(), step > 0 ? ts.SyntaxKind.PlusEqualsToken : ts.SyntaxKind.MinusEqualsToken, f.createNumericLiteral(Math.abs(step)));
  const initializer = f.createVariableDeclarationList(
    [f.createVariableDeclaration(loop.variable, undefined, undefined, thread(f, "lo")), f.createVariableDeclaration("__omp_end", undefined, undefined, thread(f, "hi"))],
    ts.NodeFlags.Let,
  );
  let statement: ts.Statement = ts.setSourceMapRange(f.createForStatement(initializer, test, update, body), levels[levels.length - 1]!.loop);
  for (const label of [...loop.labels].reverse()) statement = f.createLabeledStatement(label, statement);
  return statement;
}
