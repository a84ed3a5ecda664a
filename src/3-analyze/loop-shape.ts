import ts from "../typescript.cjs";
import { createDiagnostic, type Diagnostic, type Span } from "../diagnostics/diagnostic.js";
import type { LoopLevel, LoopShape, Relation, Step } from "./types.js";

/** Where a shape check reports, and the file its spans are in. */
export interface ShapeContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly report: (d: Diagnostic) => void;
}

/** The span of a node (or of something with a start and an end) in the original text. */
export function spanOf(node: { getStart(sf?: ts.SourceFile): number; getEnd(): number }, ctx: { file: string; sourceFile: ts.SourceFile }): Span {
  const start = node.getStart(ctx.sourceFile);
  return { file: ctx.file, start, length: node.getEnd() - start };
}

/**
 * Reads the canonical loop nest under a directive (SPEC §3): `depth` perfectly nested
 * `for (let v = lower; v REL upper; v ±= step)` loops. Returns undefined after reporting why not.
 */
export function analyzeLoopShape(statement: ts.Statement, depth: number, ctx: ShapeContext): LoopShape | undefined {
  const levels: LoopLevel[] = [];
  let current: ts.Statement = statement;
  for (let d = 0; d < depth; d++) {
    const { loop, labels } = unwrapLabels(current);
    if (!ts.isForStatement(loop)) {
      ctx.report(createDiagnostic("CollapseNeedsNestedLoops", { depth, found: d }, spanOf(breaksNesting(loop), ctx)));
      return undefined;
    }
    const level = readLevel(loop, labels, ctx);
    if (!level) return undefined;
    for (const outer of levels) {
      for (const bound of [level.lower, level.upper, level.step.expression]) {
        const use = bound && findIdentifier(bound, outer.variable);
        if (use) {
          ctx.report(createDiagnostic("CollapseBoundDependsOnOuter", { name: outer.variable }, spanOf(use, ctx)));
          return undefined;
        }
      }
    }
    levels.push(level);
    current = d + 1 < depth ? onlyStatement(loop.statement) : loop.statement;
  }
  return { levels, body: current };
}

/** Labels directly on a statement, and the statement they label. */
function unwrapLabels(statement: ts.Statement): { loop: ts.Statement; labels: string[] } {
  const labels: string[] = [];
  let s = statement;
  while (ts.isLabeledStatement(s)) {
    labels.push(s.label.text);
    s = s.statement;
  }
  return { loop: s, labels };
}

/** Where a loop nest stops being perfect: the first statement of a block that is not the nested loop. */
function breaksNesting(statement: ts.Statement): ts.Node {
  if (!ts.isBlock(statement) || statement.statements.length === 0) return statement;
  return statement.statements.find((s) => !ts.isForStatement(s)) ?? statement.statements[1] ?? statement;
}

/** The `for (…)` header of a loop, where messages about a missing part of it point. */
function header(loop: ts.ForStatement, sourceFile: ts.SourceFile): { getStart(): number; getEnd(): number } {
  const start = loop.getStart(sourceFile);
  return { getStart: () => start, getEnd: () => loop.statement.pos };
}

/** A block holding exactly one statement is that statement (for perfect nesting); anything else is itself. */
function onlyStatement(statement: ts.Statement): ts.Statement {
  return ts.isBlock(statement) && statement.statements.length === 1 ? statement.statements[0]! : statement;
}

function readLevel(loop: ts.ForStatement, labels: readonly string[], ctx: ShapeContext): LoopLevel | undefined {
  const init = loop.initializer;
  const declaration =
    init && ts.isVariableDeclarationList(init) && init.flags & ts.NodeFlags.Let && init.declarations.length === 1
      ? init.declarations[0]
      : undefined;
  if (!declaration || !ts.isIdentifier(declaration.name) || !declaration.initializer) {
    ctx.report(createDiagnostic("LoopInitNotCanonical", undefined, spanOf(init ?? header(loop, ctx.sourceFile), ctx)));
    return undefined;
  }
  const variable = declaration.name.text;
  const test = readTest(loop.condition, variable);
  if (!test) {
    ctx.report(createDiagnostic("LoopTestNotCanonical", { name: variable }, spanOf(loop.condition ?? header(loop, ctx.sourceFile), ctx)));
    return undefined;
  }
  const step = readStep(loop.incrementor, variable);
  if (!step) {
    ctx.report(createDiagnostic("LoopUpdateNotCanonical", { name: variable }, spanOf(loop.incrementor ?? header(loop, ctx.sourceFile), ctx)));
    return undefined;
  }
  if (!checkDirection(test.relation, step, variable, loop, ctx)) return undefined;
  return { loop, variable, lower: declaration.initializer, upper: test.bound, relation: test.relation, step, labels };
}

const RELATIONS: Partial<Record<ts.SyntaxKind, Relation>> = {
  [ts.SyntaxKind.LessThanToken]: "<",
  [ts.SyntaxKind.LessThanEqualsToken]: "<=",
  [ts.SyntaxKind.GreaterThanToken]: ">",
  [ts.SyntaxKind.GreaterThanEqualsToken]: ">=",
  [ts.SyntaxKind.ExclamationEqualsToken]: "!=",
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: "!=",
};
const FLIPPED: Record<Relation, Relation> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "!=": "!=" };

/** `v REL b` or `b REL v`, normalised to `v REL b`; the bound must not mention `v`. */
function readTest(condition: ts.Expression | undefined, variable: string): { relation: Relation; bound: ts.Expression } | undefined {
  const c = condition && skipParens(condition);
  if (!c || !ts.isBinaryExpression(c)) return undefined;
  const relation = RELATIONS[c.operatorToken.kind];
  if (!relation) return undefined;
  const isVar = (e: ts.Expression) => ts.isIdentifier(skipParens(e)) && (skipParens(e) as ts.Identifier).text === variable;
  const found = isVar(c.left)
    ? { relation, bound: c.right }
    : isVar(c.right)
      ? { relation: FLIPPED[relation], bound: c.left }
      : undefined;
  return found && !findIdentifier(found.bound, variable) ? found : undefined;
}

/** The step of a loop's update: `v++`, `++v`, `v--`, `--v`, `v += s`, `v -= s`, `v = v + s`, `v = s + v`, `v = v - s`. */
export function readStep(update: ts.Expression | undefined, variable: string): Step | undefined {
  const u = update && skipParens(update);
  if (!u) return undefined;
  const isVar = (e: ts.Expression) => ts.isIdentifier(skipParens(e)) && (skipParens(e) as ts.Identifier).text === variable;
  const make = (expression: ts.Expression | undefined, negated: boolean): Step | undefined => {
    if (expression && findIdentifier(expression, variable)) return undefined;
    const value = expression ? literalValue(expression) : 1;
    return { expression, negated, literal: value === undefined ? undefined : negated ? -value : value };
  };
  if ((ts.isPostfixUnaryExpression(u) || ts.isPrefixUnaryExpression(u)) && isVar(u.operand)) {
    if (u.operator === ts.SyntaxKind.PlusPlusToken) return make(undefined, false);
    if (u.operator === ts.SyntaxKind.MinusMinusToken) return make(undefined, true);
    return undefined;
  }
  if (!ts.isBinaryExpression(u) || !isVar(u.left)) return undefined;
  if (u.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return make(u.right, false);
  if (u.operatorToken.kind === ts.SyntaxKind.MinusEqualsToken) return make(u.right, true);
  if (u.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const r = skipParens(u.right);
  if (!ts.isBinaryExpression(r)) return undefined;
  if (r.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    if (isVar(r.left)) return make(r.right, false);
    if (isVar(r.right)) return make(r.left, false);
  }
  if (r.operatorToken.kind === ts.SyntaxKind.MinusToken && isVar(r.left)) return make(r.right, true);
  return undefined;
}

/** A literal step must be non-zero and move toward the bound; `!=` needs a step of ±1. */
function checkDirection(relation: Relation, step: Step, variable: string, loop: ts.ForStatement, ctx: ShapeContext): boolean {
  const at = spanOf(loop.incrementor!, ctx);
  if (step.literal === 0) {
    ctx.report(createDiagnostic("ZeroStep", undefined, at));
    return false;
  }
  if (relation === "!=") {
    if (step.literal === 1 || step.literal === -1) return true;
    ctx.report(createDiagnostic("NotEqualNeedsUnitStep", undefined, at));
    return false;
  }
  if (step.literal === undefined) return true;
  const up = relation === "<" || relation === "<=";
  if (up === step.literal > 0) return true;
  const test = loop.condition!.getText(ctx.sourceFile);
  ctx.report(createDiagnostic("StepAgainstBound", { name: variable, step: String(step.literal), test }, at));
  return false;
}

/** Strips parentheses and type assertions that do not change a value. */
export function skipParens(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x) || ts.isSatisfiesExpression(x) || ts.isTypeAssertionExpression(x)) {
    x = x.expression;
  }
  return x;
}

/** The value of a numeric literal (possibly negated), else undefined. */
export function literalValue(e: ts.Expression): number | undefined {
  const x = skipParens(e);
  if (ts.isNumericLiteral(x)) return Number(x.text);
  if (ts.isPrefixUnaryExpression(x) && ts.isNumericLiteral(x.operand)) {
    if (x.operator === ts.SyntaxKind.MinusToken) return -Number(x.operand.text);
    if (x.operator === ts.SyntaxKind.PlusToken) return Number(x.operand.text);
  }
  return undefined;
}

/** The first identifier named `name` inside `node` (in an expression position), if any. */
export function findIdentifier(node: ts.Node, name: string): ts.Identifier | undefined {
  if (ts.isIdentifier(node)) return node.text === name && !isPropertyName(node) ? node : undefined;
  return ts.forEachChild(node, (child) => findIdentifier(child, name));
}

/** True for the `b` of `a.b` and the key of `{ b: 1 }`: names that are not variable references. */
export function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === id) ||
    (ts.isPropertyAssignment(p) && p.name === id) ||
    (ts.isMethodDeclaration(p) && p.name === id) ||
    (ts.isPropertyDeclaration(p) && p.name === id) ||
    (ts.isQualifiedName(p) && p.right === id)
  );
}
