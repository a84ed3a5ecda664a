import ts from "../typescript.cjs";
import { declarationOf, scopeOf, variableKind } from "./scope.js";

/** Globals whose values are the same in every thread, so constants built from them can be recomputed. */
const CONSTANT_GLOBALS = new Set(["undefined", "NaN", "Infinity", "Math", "Number", "String", "Boolean", "BigInt"]);

/** True for a function, arrow function or class expression (carried as code, like a declaration). */
export function isCodeValue(e: ts.Expression): boolean {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
  return ts.isArrowFunction(x) || ts.isFunctionExpression(x) || ts.isClassExpression(x);
}

/**
 * True when a module-level constant's initializer has no side effects and makes no object, so a
 * worker can compute it again and get the value the calling thread has (SPEC §6): literals,
 * arithmetic, other such constants, `Math.*` and friends. Object and array literals make objects
 * that the program may change after they are made, so they count only with `literals` (for
 * objects of functions, which cannot be passed by value; see `holdsCode`).
 */
export function isPureInitializer(e: ts.Expression, checker: ts.TypeChecker, seen: Set<ts.Node> = new Set(), literals = false): boolean {
  const pure = (n: ts.Expression): boolean => isPureInitializer(n, checker, seen, literals);
  if (isCodeValue(e)) return true;
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) return pure(e.expression);
  switch (e.kind) {
    case ts.SyntaxKind.NumericLiteral: case ts.SyntaxKind.BigIntLiteral: case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral: case ts.SyntaxKind.TrueKeyword: case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return true;
  }
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => pure(s.expression));
  if (ts.isIdentifier(e)) return pureIdentifier(e, checker, seen);
  if (ts.isPropertyAccessExpression(e)) return pure(e.expression);
  if (ts.isElementAccessExpression(e)) return pure(e.expression) && pure(e.argumentExpression);
  if (ts.isPrefixUnaryExpression(e)) return e.operator !== ts.SyntaxKind.PlusPlusToken && e.operator !== ts.SyntaxKind.MinusMinusToken && pure(e.operand);
  if (ts.isBinaryExpression(e)) {
    const k = e.operatorToken.kind;
    const assigns = k === ts.SyntaxKind.EqualsToken || (k >= ts.SyntaxKind.FirstCompoundAssignment && k <= ts.SyntaxKind.LastCompoundAssignment);
    return !assigns && k !== ts.SyntaxKind.CommaToken && pure(e.left) && pure(e.right);
  }
  if (ts.isConditionalExpression(e)) return pure(e.condition) && pure(e.whenTrue) && pure(e.whenFalse);
  if (ts.isArrayLiteralExpression(e)) return literals && e.elements.every((x) => !ts.isSpreadElement(x) && pure(x));
  if (ts.isObjectLiteralExpression(e)) {
    if (!literals) return false;
    return e.properties.every((p) => (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && pure(p.initializer)) || (ts.isShorthandPropertyAssignment(p) && pureIdentifier(p.name, checker, seen)));
  }
  if (ts.isCallExpression(e)) {
    const callee = e.expression;
    const ofConstantGlobal = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && CONSTANT_GLOBALS.has(callee.expression.text) && isGlobal(callee.expression, checker);
    return ofConstantGlobal && e.arguments.every((a) => !ts.isSpreadElement(a) && pure(a));
  }
  return false;
}

/**
 * True for a module-level `const` that worker code makes again from its initializer: a function
 * or class expression, a pure initializer, or an object or array literal of functions (which
 * cannot be passed by value). Any other variable is passed by value.
 */
export function isCopiedConstant(d: ts.VariableDeclaration, checker: ts.TypeChecker): boolean {
  const init = variableKind(d) === "const" ? d.initializer : undefined;
  return !!init && (isCodeValue(init) || isPureInitializer(init, checker) || (holdsCode(init, checker) && isPureInitializer(init, checker, new Set(), true)));
}

/** True for an object or array literal that holds functions or classes, written in it or named: structured clone cannot copy it. */
export function holdsCode(e: ts.Expression, checker: ts.TypeChecker): boolean {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
  if (isCodeValue(x)) return true;
  if (ts.isIdentifier(x)) {
    const d = checker.getSymbolAtLocation(x)?.valueDeclaration;
    return !!d && (ts.isFunctionDeclaration(d) || ts.isClassDeclaration(d));
  }
  if (ts.isArrayLiteralExpression(x)) return x.elements.some((el) => !ts.isSpreadElement(el) && holdsCode(el, checker));
  if (!ts.isObjectLiteralExpression(x)) return false;
  return x.properties.some((p) => (ts.isPropertyAssignment(p) && holdsCode(p.initializer, checker)) || (ts.isShorthandPropertyAssignment(p) && holdsCode(p.name, checker)));
}

function isGlobal(id: ts.Identifier, checker: ts.TypeChecker): boolean {
  const symbol = checker.getSymbolAtLocation(id);
  return !symbol || scopeOf(symbol, id, id.getSourceFile()) === "global";
}

/** A constant global, or a module-level `const` whose own initializer is pure. */
function pureIdentifier(id: ts.Identifier, checker: ts.TypeChecker, seen: Set<ts.Node>): boolean {
  const symbol = checker.getSymbolAtLocation(id);
  if (!symbol) return CONSTANT_GLOBALS.has(id.text);
  const scope = scopeOf(symbol, id, id.getSourceFile());
  if (scope === "global") return CONSTANT_GLOBALS.has(id.text);
  if (scope !== "module") return false;
  const d = declarationOf(symbol);
  if (!d) return false;
  if (ts.isFunctionDeclaration(d) || ts.isClassDeclaration(d) || ts.isEnumDeclaration(d)) return true;
  if (!ts.isVariableDeclaration(d) || variableKind(d) !== "const" || !d.initializer || !ts.isIdentifier(d.name)) return false;
  if (seen.has(d)) return true;
  seen.add(d);
  return isPureInitializer(d.initializer, checker, seen);
}
