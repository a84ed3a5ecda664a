import ts from "../typescript.cjs";

/**
 * A read of a `const enum` member (`Mode.B`, `Mode["B"]`, `ns.Mode.B`): a compile-time constant,
 * which tsc writes as its value, so that the enum itself may not exist at run time. Code that moves
 * into the worker factory gets the value written in its place, followed by the access as a comment,
 * as tsc writes it.
 */
export interface ConstantAccess {
  readonly node: ts.PropertyAccessExpression | ts.ElementAccessExpression;
  readonly value: string | number;
  /** The access's source text (with any star-slash broken up), which follows the value as a block comment. */
  readonly text: string;
  /** True when the value must be parenthesized where it stands (`(-1).toFixed()`, `(-1) ** 2`). */
  readonly parenthesized: boolean;
}

/** The constant a const-enum member access stands for, or undefined for any other node. */
export function constantAccess(node: ts.Node, checker: ts.TypeChecker): ConstantAccess | undefined {
  if (!ts.isPropertyAccessExpression(node) && !(ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression))) return undefined;
  if (!isEntityName(node.expression)) return undefined;
  const value = checker.getConstantValue(node);
  if (value === undefined) return undefined;
  return { node, value, text: node.getText().replace(/\*\//g, "*_/"), parenthesized: needsParentheses(node, value) };
}

/** `a`, `a.b`, `a.b.c`: what can name an enum (asking the checker about anything else, `a[i]` above all, would be wasted time). */
function isEntityName(node: ts.Expression): boolean {
  const e = ts.isParenthesizedExpression(node) ? node.expression : node;
  return ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && isEntityName(e.expression));
}

/** Every const-enum member access in `root`, outermost only, in source order. */
export function constantAccesses(root: ts.Node, checker: ts.TypeChecker): ConstantAccess[] {
  const out: ConstantAccess[] = [];
  const visit = (node: ts.Node): void => {
    const constant = constantAccess(node, checker);
    if (constant) out.push(constant);
    else ts.forEachChild(node, visit);
  };
  visit(root);
  return out;
}

/** A literal where an access stood needs parentheses as the object of an access or call, or when negative as an operand of a unary operator or the left of `**`. */
function needsParentheses(node: ts.Expression, value: string | number): boolean {
  const p = node.parent;
  if (((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === node) || (ts.isTaggedTemplateExpression(p) && p.tag === node)) return true;
  if (typeof value === "string" || value >= 0) return false;
  return ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p) || (ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken);
}
