import ts from "../typescript.cjs";
import { constantAccess } from "./const-enum.js";
import { isPropertyName, skipParens } from "./loop-shape.js";

/** How a reference touches its variable. */
export type Access =
  | "read"
  /** `x = …`, a destructuring target, a for-of/in target. */
  | "write"
  /** `x += …`, `x++`: read then write. */
  | "update"
  /** `x[k] = …`, `x[k]++`, `delete x[k]`. */
  | "element-write"
  /** `x.p = …`, `x.a[k] = …`: a write through a property. */
  | "property-write"
  /** `x.m(…)`: a method call, which may change `x`. */
  | "method-call";

/** One use of a variable inside a loop body. */
export interface Reference {
  readonly node: ts.Identifier;
  readonly symbol: ts.Symbol;
  readonly access: Access;
  /** The method name for `method-call`. */
  readonly method?: string;
  /** True when the use is inside a function nested in the body. */
  readonly inNestedFunction: boolean;
}

/** Methods that change the array, typed array, Map or Set they are called on. */
export const MUTATORS: ReadonlySet<string> = new Set(["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin", "set", "add", "delete", "clear"]);

/** Whether `expr` is the target of an assignment, and of which sort. */
export function assignmentTarget(expr: ts.Node): "write" | "update" | undefined {
  let e = expr;
  while (e.parent && (ts.isParenthesizedExpression(e.parent) || ts.isNonNullExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isSatisfiesExpression(e.parent))) {
    e = e.parent;
  }
  const p = e.parent;
  if (!p) return undefined;
  if (ts.isBinaryExpression(p) && p.left === e) {
    const k = p.operatorToken.kind;
    if (k === ts.SyntaxKind.EqualsToken) return "write";
    if (k >= ts.SyntaxKind.FirstCompoundAssignment && k <= ts.SyntaxKind.LastCompoundAssignment) return "update";
    return undefined;
  }
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) {
    return "update";
  }
  if (ts.isDeleteExpression(p)) return "write";
  if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === e) return "write";
  if (ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p) || ts.isSpreadAssignment(p)) {
    return isDestructuringTarget(p.parent) ? "write" : undefined;
  }
  if (ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p)) return isDestructuringTarget(p) ? "write" : undefined;
  return undefined;
}

/** True for an array or object literal that is (part of) the left side of an assignment. */
function isDestructuringTarget(node: ts.Node): boolean {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (!p) return false;
    if (ts.isBinaryExpression(p)) return p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    if ((ts.isForOfStatement(p) || ts.isForInStatement(p))) return p.initializer === n;
    if (ts.isArrayLiteralExpression(p) || ts.isObjectLiteralExpression(p) || ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isSpreadElement(p) || ts.isSpreadAssignment(p) || ts.isParenthesizedExpression(p)) {
      n = p;
      continue;
    }
    return false;
  }
}

/** How the identifier `id` is used: directly, or as the root of a property or element chain. */
export function accessOf(id: ts.Identifier): { access: Access; method?: string } {
  if (ts.isShorthandPropertyAssignment(id.parent)) {
    return { access: assignmentTarget(id.parent) ?? "read" };
  }
  const direct = assignmentTarget(id);
  if (direct) return { access: direct };
  let top: ts.Expression = id;
  let depth = 0;
  for (;;) {
    let p = top.parent;
    while (p && (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p))) p = p.parent;
    if (!p || !(ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) || skipParens(p.expression) !== skipParens(top)) break;
    top = p;
    depth++;
  }
  if (depth === 0) return { access: "read" };
  if (assignmentTarget(top)) return { access: depth === 1 && ts.isElementAccessExpression(top) ? "element-write" : "property-write" };
  const call = top.parent;
  if (depth === 1 && ts.isPropertyAccessExpression(top) && call && ts.isCallExpression(call) && call.expression === top) {
    return { access: "method-call", method: top.name.text };
  }
  return { access: "read" };
}

/** True for an identifier that names a type, a label, a property or a declaration rather than using a value. */
function isNotValueUse(id: ts.Identifier): boolean {
  const p = id.parent;
  if (isPropertyName(id)) return true;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return true;
  if (ts.isBindingElement(p) && p.propertyName === id) return true;
  if ((ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassExpression(p)) && p.name === id) return true;
  if (ts.isMetaProperty(p)) return true;
  if (ts.isPropertySignature(p) || ts.isEnumMember(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) return p.name === id;
  return false;
}

/** True when `node` is part of a type (annotations, `as T`, type arguments): it has no run-time value. */
export function isInType(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) return true;
    if (ts.isExpressionWithTypeArguments(n) && n.parent && ts.isHeritageClause(n.parent) && n.parent.token === ts.SyntaxKind.ImplementsKeyword) return true;
    if (ts.isStatement(n) || ts.isExpression(n) && !ts.isIdentifier(n)) return false;
  }
  return false;
}

/**
 * Collects every value reference in `root` whose symbol the checker resolves, in source order.
 * A const-enum member access is a constant, not a reference to the enum (see const-enum.ts).
 */
export function collectReferences(root: ts.Node, checker: ts.TypeChecker): Reference[] {
  const out: Reference[] = [];
  const visit = (node: ts.Node, nested: boolean): void => {
    if (ts.isIdentifier(node)) {
      if (isNotValueUse(node) || isInType(node)) return;
      const symbol = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      if (!symbol) return;
      const { access, method } = accessOf(node);
      out.push(method === undefined ? { node, symbol, access, inNestedFunction: nested } : { node, symbol, access, method, inNestedFunction: nested });
      return;
    }
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return;
    if (constantAccess(node, checker)) return;
    const nestedHere = nested || ts.isFunctionLike(node);
    ts.forEachChild(node, (child) => visit(child, nestedHere));
  };
  visit(root, false);
  return out;
}

/** Collects the type names used by annotations inside `root` (to copy local type declarations along). */
export function collectTypeReferences(root: ts.Node, checker: ts.TypeChecker): ts.Symbol[] {
  const out = new Set<ts.Symbol>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      const name = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
      const first = ts.isQualifiedName(name) ? leftmost(name) : name;
      const symbol = ts.isIdentifier(first) ? checker.getSymbolAtLocation(first) : undefined;
      if (symbol) out.add(symbol);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return [...out];
}

function leftmost(name: ts.QualifiedName): ts.Node {
  let n: ts.EntityName = name;
  while (ts.isQualifiedName(n)) n = n.left;
  return n;
}

/** True when `body` assigns or updates the variable (`x = …`, `x += …`, `x++`). */
export function assignedIn(body: ts.Node, symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && checker.getSymbolAtLocation(n) === symbol) {
      const a = accessOf(n).access;
      if (a === "write" || a === "update") found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * True when `node` has an identifier whose name `isName` accepts, directly or (four variables
 * deep) in the initializer of a variable it uses.
 */
export function mentionsThrough(node: ts.Node, checker: ts.TypeChecker, isName: (name: string) => boolean, depth = 0): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n)) {
      if (isName(n.text)) found = true;
      const declaration = depth < 4 ? checker.getSymbolAtLocation(n)?.valueDeclaration : undefined;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && mentionsThrough(declaration.initializer, checker, isName, depth + 1)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}
