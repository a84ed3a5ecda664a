import ts from "../typescript.cjs";
import { isNumberType } from "./type-family.js";

/**
 * True when an iteration of `body` may throw: it calls something (other than `Math.*` on numbers),
 * constructs, throws, spreads, divides bigints, or reads properties of untyped values. Loops whose bodies cannot throw skip
 * recording the current iteration (a store per iteration that tight loops notice).
 */
export function mayThrow(body: ts.Node, checker: ts.TypeChecker): boolean {
  const visit = (node: ts.Node): boolean => {
    if (ts.isFunctionLike(node) && node !== body) return false;
    if (ts.isCallExpression(node) && isNumericBuiltIn(node, checker)) return ts.forEachChild(node, visit) ?? false;
    if (
      ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isThrowStatement(node) || ts.isTaggedTemplateExpression(node) ||
      ts.isSpreadElement(node) || ts.isSpreadAssignment(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) ||
      ts.isDeleteExpression(node) || ts.isAwaitExpression(node) || ts.isYieldExpression(node) || ts.isDecorator(node)
    ) {
      return true;
    }
    if (ts.isBinaryExpression(node)) {
      const k = node.operatorToken.kind;
      if (k === ts.SyntaxKind.InKeyword || k === ts.SyntaxKind.InstanceOfKeyword) return true;
      const arithmetic = k === ts.SyntaxKind.SlashToken || k === ts.SyntaxKind.PercentToken || k === ts.SyntaxKind.AsteriskAsteriskToken ||
        k === ts.SyntaxKind.SlashEqualsToken || k === ts.SyntaxKind.PercentEqualsToken || k === ts.SyntaxKind.AsteriskAsteriskEqualsToken;
      if (arithmetic && !isNumberType(checker.getTypeAtLocation(node.left), checker)) return true;
    }
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && checker.getTypeAtLocation(node.expression).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
      return true;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(body);
}

/** Global functions that cannot throw when every argument is a number. */
const NUMERIC = new Set(["isNaN", "isFinite", "Number.isInteger", "Number.isFinite", "Number.isNaN", "Number.isSafeInteger"]);

/** `Math.max(a, b)`, `Math.sqrt(x)`, `Number.isFinite(x)` with number arguments: calls that cannot throw. */
function isNumericBuiltIn(call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const callee = call.expression;
  const name = callee.getText();
  const math = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Math";
  if (!math && !NUMERIC.has(name)) return false;
  const root = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  const symbol = checker.getSymbolAtLocation(root);
  const global = !symbol || (symbol.declarations ?? []).every((d) => d.getSourceFile().isDeclarationFile);
  return global && call.arguments.every((a) => !ts.isSpreadElement(a) && isNumberType(checker.getTypeAtLocation(a), checker));
}
