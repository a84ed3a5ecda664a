import ts from "../typescript.cjs";
import type { ReductionOperator } from "../2-parse/ast.js";
import { skipParens } from "./loop-shape.js";

/** The verdict on one reference to a reduction variable. */
export type UpdateVerdict =
  | { readonly ok: true }
  /** An update, but with the wrong operator (`found` names it). */
  | { readonly ok: false; readonly found: string }
  /** A read outside any update. */
  | { readonly ok: false; readonly found?: undefined };

const COMPOUND: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusEqualsToken]: "+", [ts.SyntaxKind.MinusEqualsToken]: "-", [ts.SyntaxKind.AsteriskEqualsToken]: "*",
  [ts.SyntaxKind.AmpersandEqualsToken]: "&", [ts.SyntaxKind.BarEqualsToken]: "|", [ts.SyntaxKind.CaretEqualsToken]: "^",
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken]: "&&", [ts.SyntaxKind.BarBarEqualsToken]: "||",
  [ts.SyntaxKind.SlashEqualsToken]: "/", [ts.SyntaxKind.PercentEqualsToken]: "%", [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: "**",
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: "<<", [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ">>",
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ">>>", [ts.SyntaxKind.QuestionQuestionEqualsToken]: "??",
};
const BINARY: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: "+", [ts.SyntaxKind.MinusToken]: "-", [ts.SyntaxKind.AsteriskToken]: "*",
  [ts.SyntaxKind.AmpersandToken]: "&", [ts.SyntaxKind.BarToken]: "|", [ts.SyntaxKind.CaretToken]: "^",
  [ts.SyntaxKind.AmpersandAmpersandToken]: "&&", [ts.SyntaxKind.BarBarToken]: "||",
};

/** Which binary operators update a variable of each reduction kind. */
function fits(op: ReductionOperator, used: string): boolean {
  if (op === "+" || op === "-") return used === "+" || used === "-";
  return used === op;
}

/**
 * Checks every use of a reduction variable `name` in the body: it must be part of an update
 * that fits the operator (SPEC §4), and nowhere else. Returns the verdict for each use.
 */
export function checkReductionUses(uses: readonly ts.Identifier[], op: ReductionOperator): Map<ts.Identifier, UpdateVerdict> {
  const verdicts = new Map<ts.Identifier, UpdateVerdict>();
  const name = uses[0]?.text;
  const isVar = (e: ts.Node | undefined): boolean => !!e && ts.isIdentifier(skipParens(e as ts.Expression)) && (skipParens(e as ts.Expression) as ts.Identifier).text === name;
  const mentions = (e: ts.Node): boolean => (ts.isIdentifier(e) ? e.text === name : !!ts.forEachChild(e, (c) => mentions(c) || undefined));
  for (const id of uses) {
    if (verdicts.has(id)) continue;
    const parent = climb(id);
    const allow = (...ids: ts.Node[]) => ids.forEach((n) => verdicts.set(skipParens(n as ts.Expression) as ts.Identifier, { ok: true }));
    if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)) {
      verdicts.set(id, op === "+" || op === "-" ? { ok: true } : { ok: false, found: parent.operator === ts.SyntaxKind.PlusPlusToken ? "++" : "--" });
      continue;
    }
    if (!ts.isBinaryExpression(parent) || !isVar(parent.left) || skipParens(parent.left) !== id) {
      verdicts.set(id, { ok: false });
      continue;
    }
    const compound = COMPOUND[parent.operatorToken.kind];
    if (compound !== undefined) {
      verdicts.set(id, fits(op, compound) && !mentions(parent.right) ? { ok: true } : { ok: false, found: `${compound}=` });
      continue;
    }
    if (parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) {
      verdicts.set(id, { ok: false });
      continue;
    }
    const rhs = skipParens(parent.right);
    const matched = matchAssignedValue(rhs, op, isVar, mentions) ?? matchGuardedAssignment(parent, rhs, op, isVar, mentions);
    if (matched) allow(id, ...matched);
    else {
      verdicts.set(id, { ok: false, found: mentions(rhs) ? describeUpdate(rhs) : "=" });
      allow(...usesIn(rhs, isVar));
    }
  }
  return verdicts;
}

/** The node an identifier's use hangs from, skipping parentheses. */
function climb(id: ts.Identifier): ts.Node {
  let n: ts.Node = id;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return n.parent;
}

/** `r = r op e`, `r = e op r`, `r = Math.max(r, e)`, `r = r > e ? r : e`: the uses of `r` it consumes. */
function matchAssignedValue(rhs: ts.Expression, op: ReductionOperator, isVar: (e: ts.Node | undefined) => boolean, mentions: (e: ts.Node) => boolean): ts.Node[] | undefined {
  if (ts.isBinaryExpression(rhs)) {
    const used = BINARY[rhs.operatorToken.kind];
    if (used === undefined || !fits(op, used)) return undefined;
    if (isVar(rhs.left) && !mentions(rhs.right)) return [rhs.left];
    if (isVar(rhs.right) && !mentions(rhs.left) && used !== "-") return [rhs.right];
    return undefined;
  }
  if ((op === "max" || op === "min") && ts.isCallExpression(rhs) && rhs.arguments.length >= 2 && rhs.expression.getText() === `Math.${op}`) {
    const own = rhs.arguments.filter((a) => isVar(a));
    const others = rhs.arguments.filter((a) => !isVar(a));
    return own.length === 1 && !others.some(mentions) ? own : undefined;
  }
  if ((op === "max" || op === "min") && ts.isConditionalExpression(rhs)) {
    const chosen = selects(rhs.condition, rhs.whenTrue, rhs.whenFalse, isVar, mentions);
    return chosen === op ? [...usesIn(rhs, isVar)] : undefined;
  }
  return undefined;
}

/** `if (e > r) r = e;` (max) or `if (e < r) r = e;` (min), with nothing else in the branch. */
function matchGuardedAssignment(assignment: ts.BinaryExpression, rhs: ts.Expression, op: ReductionOperator, isVar: (e: ts.Node | undefined) => boolean, mentions: (e: ts.Node) => boolean): ts.Node[] | undefined {
  if ((op !== "max" && op !== "min") || mentions(rhs)) return undefined;
  const statement = assignment.parent;
  if (!ts.isExpressionStatement(statement)) return undefined;
  const branch = ts.isBlock(statement.parent) && statement.parent.statements.length === 1 ? statement.parent : statement;
  const guard = branch.parent;
  if (!guard || !ts.isIfStatement(guard) || guard.thenStatement !== branch || guard.elseStatement) return undefined;
  const cond = skipParens(guard.expression);
  if (!ts.isBinaryExpression(cond)) return undefined;
  const rel = cond.operatorToken.kind;
  const greater = rel === ts.SyntaxKind.GreaterThanToken || rel === ts.SyntaxKind.GreaterThanEqualsToken;
  const less = rel === ts.SyntaxKind.LessThanToken || rel === ts.SyntaxKind.LessThanEqualsToken;
  if (!greater && !less) return undefined;
  const valueFirst = isVar(cond.right) && !mentions(cond.left) && cond.left.getText() === rhs.getText();
  const varFirst = isVar(cond.left) && !mentions(cond.right) && cond.right.getText() === rhs.getText();
  if (!valueFirst && !varFirst) return undefined;
  const takesLarger = valueFirst ? greater : less;
  if ((op === "max") !== takesLarger) return undefined;
  return [valueFirst ? cond.right : cond.left];
}

/** For `A rel B ? X : Y` between `r` and one other expression: "max", "min" or undefined. */
function selects(condition: ts.Expression, whenTrue: ts.Expression, whenFalse: ts.Expression, isVar: (e: ts.Node | undefined) => boolean, mentions: (e: ts.Node) => boolean): "max" | "min" | undefined {
  const c = skipParens(condition);
  if (!ts.isBinaryExpression(c)) return undefined;
  const rel = c.operatorToken.kind;
  const greater = rel === ts.SyntaxKind.GreaterThanToken || rel === ts.SyntaxKind.GreaterThanEqualsToken;
  const less = rel === ts.SyntaxKind.LessThanToken || rel === ts.SyntaxKind.LessThanEqualsToken;
  if (!greater && !less) return undefined;
  const [a, b] = [c.left, c.right];
  const same = (x: ts.Expression, y: ts.Expression) => (isVar(x) && isVar(y)) || (!mentions(x) && !mentions(y) && x.getText() === y.getText());
  if (!((isVar(a) && !mentions(b)) || (isVar(b) && !mentions(a)))) return undefined;
  if (same(whenTrue, a) && same(whenFalse, b)) return greater ? "max" : "min";
  if (same(whenTrue, b) && same(whenFalse, a)) return greater ? "min" : "max";
  return undefined;
}

function* usesIn(node: ts.Node, isVar: (e: ts.Node | undefined) => boolean): Generator<ts.Node> {
  if (ts.isIdentifier(node) && isVar(node)) yield node;
  for (const child of node.getChildren()) yield* usesIn(child, isVar);
}

/** How an assignment that is not a fitting update reads in messages: `= r / x` shows as `/`. */
function describeUpdate(rhs: ts.Expression): string {
  if (ts.isBinaryExpression(rhs)) return BINARY[rhs.operatorToken.kind] ?? rhs.operatorToken.getText();
  if (ts.isCallExpression(rhs)) return `${rhs.expression.getText()}(…)`;
  return "=";
}
