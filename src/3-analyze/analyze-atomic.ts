import ts from "../typescript.cjs";
import type { AtomicForm, Directive } from "../2-parse/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AtomicOperator } from "../runtime/atomics.js";
import { spanOf } from "./loop-shape.js";
import { typeFamily } from "./type-family.js";

/** The typed-array element an atomic construct works on: `array[index]`. */
export interface AtomicTarget {
  readonly access: ts.ElementAccessExpression;
  readonly array: ts.Expression;
  readonly index: ts.Expression;
}

/**
 * An `atomic` construct, as the printers rewrite it. `expression` is the part that becomes a call
 * (the right side of `v = …` for read and capture); `operation` says which call and how:
 * - `load`: `x` → `__omp.atomicLoad(a, i)`;
 * - `store`: `x = e` → `__omp.atomicStore(a, i, e)`;
 * - `update`: `x op= e`, `x = x op e`, `x = e op x`, `++x`, `x++` → `__omp.atomicUpdate(a, i, "op", e)`,
 *   or `atomicFetch` for `x++`/`x--` whose old value is used (capture).
 */
export interface AtomicAnalysis {
  readonly directive: Directive;
  readonly form: AtomicForm;
  readonly expression: ts.Expression;
  readonly target: AtomicTarget;
  readonly operation:
    | { readonly kind: "load" }
    | { readonly kind: "store"; readonly value: ts.Expression }
    | {
        readonly kind: "update";
        readonly operator: AtomicOperator;
        /** The operand, or the literal 1 (`1n` for bigint arrays) of `++`/`--`. */
        readonly value: ts.Expression | "1" | "1n";
        /** True for postfix `x++`/`x--` in a capture: the call returns the old value. */
        readonly fetch: boolean;
        /** For `x = e op x`: the second `x`, which the printers drop. */
        readonly repeated?: ts.Expression;
        /**
         * The `Atomics` method that does the update by itself (`Atomics.add(a, i, 1)` for `a[i]++` on
         * an Int32Array): set for an update whose value is unused, on an integer array, by an integer
         * literal, where `Atomics`' arithmetic is JavaScript's.
         */
        readonly direct?: "add" | "sub" | "and" | "or" | "xor";
      };
}

const COMPOUND: ReadonlyMap<ts.SyntaxKind, AtomicOperator> = new Map([
  [ts.SyntaxKind.PlusEqualsToken, "+"], [ts.SyntaxKind.MinusEqualsToken, "-"], [ts.SyntaxKind.AsteriskEqualsToken, "*"],
  [ts.SyntaxKind.SlashEqualsToken, "/"], [ts.SyntaxKind.PercentEqualsToken, "%"], [ts.SyntaxKind.AsteriskAsteriskEqualsToken, "**"],
  [ts.SyntaxKind.AmpersandEqualsToken, "&"], [ts.SyntaxKind.BarEqualsToken, "|"], [ts.SyntaxKind.CaretEqualsToken, "^"],
  [ts.SyntaxKind.LessThanLessThanEqualsToken, "<<"], [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken, ">>"],
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken, ">>>"],
] as const);

const BINARY: ReadonlyMap<ts.SyntaxKind, AtomicOperator> = new Map([
  [ts.SyntaxKind.PlusToken, "+"], [ts.SyntaxKind.MinusToken, "-"], [ts.SyntaxKind.AsteriskToken, "*"], [ts.SyntaxKind.SlashToken, "/"],
  [ts.SyntaxKind.PercentToken, "%"], [ts.SyntaxKind.AsteriskAsteriskToken, "**"], [ts.SyntaxKind.AmpersandToken, "&"], [ts.SyntaxKind.BarToken, "|"],
  [ts.SyntaxKind.CaretToken, "^"], [ts.SyntaxKind.LessThanLessThanToken, "<<"], [ts.SyntaxKind.GreaterThanGreaterThanToken, ">>"],
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken, ">>>"],
] as const);

/** Operators for which `x = e op x` means `x op= e`. */
const COMMUTATIVE = new Set<AtomicOperator>(["+", "*", "&", "|", "^"]);

const EXPECTED: Record<AtomicForm, string> = {
  read: "one statement 'v = a[i];' that reads a typed-array element into a variable",
  write: "one statement 'a[i] = expression;' that writes a typed-array element",
  update: "one statement that updates a typed-array element: 'a[i] op= e;', 'a[i] = a[i] op e;', 'a[i]++;' or '--a[i];'",
  capture: "one statement 'v = a[i] op= e;', 'v = a[i]++;' or 'v = ++a[i];' (the block forms of capture are not supported)",
};

/** What analysing an atomic construct needs. */
export interface AtomicContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  readonly report: (d: Diagnostic) => void;
}

/** Analyses a file's `atomic` directives; reports each one whose statement does not fit its form. */
export function analyzeAtomics(directives: readonly Directive[], ctx: AtomicContext): AtomicAnalysis[] {
  const out: AtomicAnalysis[] = [];
  for (const directive of directives) {
    const clause = directive.clauses.find((c) => c.kind === "atomic-form");
    const form: AtomicForm = clause?.kind === "atomic-form" ? clause.form : "update";
    const statement = directive.statement!;
    const expression = ts.isExpressionStatement(statement) ? skipParentheses(statement.expression) : undefined;
    const analysis = expression && shape(form, expression, ctx);
    if (!analysis) {
      ctx.report(createDiagnostic("AtomicForm", { form, expected: EXPECTED[form] }, spanOf(statement, ctx)));
      continue;
    }
    if ("error" in analysis) continue;
    out.push({ directive, form, ...(form === "update" ? withDirect(analysis, ctx.checker) : analysis) });
  }
  return out;
}

type Shape = Omit<AtomicAnalysis, "directive" | "form">;

/** The statement's expression in the form's shape; undefined when it does not fit; `{ error }` after reporting a target that is not a typed-array element. */
function shape(form: AtomicForm, e: ts.Expression, ctx: AtomicContext): Shape | { error: true } | undefined {
  if (form === "read" || form === "capture") {
    if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(e.left)) return undefined;
    const right = skipParentheses(e.right);
    if (form === "read") {
      const target = element(right, ctx);
      return target && ("error" in target ? target : { expression: right, target, operation: { kind: "load" } });
    }
    return update(right, true, ctx);
  }
  if (form === "write") {
    if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
    const target = element(e.left, ctx);
    return target && ("error" in target ? target : { expression: e, target, operation: { kind: "store", value: e.right } });
  }
  return update(e, false, ctx);
}

/** An update expression: `x op= e`, `x = x op e`, `x = e op x` (op commutative), `++x`, `x++`, `--x`, `x--`. */
function update(e: ts.Expression, capture: boolean, ctx: AtomicContext): Shape | { error: true } | undefined {
  if (ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) {
    if (e.operator !== ts.SyntaxKind.PlusPlusToken && e.operator !== ts.SyntaxKind.MinusMinusToken) return undefined;
    const target = element(e.operand, ctx);
    if (!target || "error" in target) return target;
    const one = isBigInt(target.array, ctx.checker) ? "1n" : "1";
    const fetch = capture && ts.isPostfixUnaryExpression(e);
    return { expression: e, target, operation: { kind: "update", operator: e.operator === ts.SyntaxKind.PlusPlusToken ? "+" : "-", value: one, fetch } };
  }
  if (!ts.isBinaryExpression(e)) return undefined;
  const compound = COMPOUND.get(e.operatorToken.kind);
  if (compound) {
    const target = element(e.left, ctx);
    return target && ("error" in target ? target : { expression: e, target, operation: { kind: "update", operator: compound, value: e.right, fetch: false } });
  }
  if (e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const right = skipParentheses(e.right);
  if (!ts.isBinaryExpression(right)) return undefined;
  const operator = BINARY.get(right.operatorToken.kind);
  if (!operator) return undefined;
  const same = (x: ts.Expression) => sameElement(skipParentheses(x), e.left, ctx.sourceFile);
  if (!same(right.left) && !(COMMUTATIVE.has(operator) && same(right.right))) return undefined;
  const target = element(e.left, ctx);
  if (!target || "error" in target) return target;
  const reversed = !same(right.left);
  const value = reversed ? right.left : right.right;
  const repeated = reversed ? right.right : right.left;
  return { expression: e, target, operation: { kind: "update", operator, value, fetch: false, repeated } };
}

/** `array[index]` on a typed array; undefined when the expression is no element access; `{ error }` after reporting an access to something else. */
function element(e: ts.Expression, ctx: AtomicContext): AtomicTarget | { error: true } | undefined {
  const access = skipParentheses(e);
  if (!ts.isElementAccessExpression(access) || access.questionDotToken) return undefined;
  const type = ctx.checker.getTypeAtLocation(access.expression);
  const symbol = type.getSymbol()?.name ?? "";
  if (typeFamily(type, ctx.checker) !== "typed-array" || symbol === "DataView" || symbol === "SharedArrayBuffer") {
    ctx.report(createDiagnostic("AtomicNotTypedArrayElement", { text: access.expression.getText(ctx.sourceFile), type: ctx.checker.typeToString(type) }, spanOf(access.expression, ctx)));
    return { error: true };
  }
  return { access, array: access.expression, index: access.argumentExpression };
}

/** True when `x` and `target` are the same element access, written the same way without side effects (so that evaluating it once is what the program did twice). */
function sameElement(x: ts.Expression, target: ts.Expression, sourceFile: ts.SourceFile): boolean {
  return x.getText(sourceFile).replace(/\s+/g, "") === skipParentheses(target).getText(sourceFile).replace(/\s+/g, "") && !hasSideEffects(x);
}

const DIRECT = { "+": "add", "-": "sub", "&": "and", "|": "or", "^": "xor" } as const;
const INTEGER_ARRAYS = new Set(["Int8Array", "Uint8Array", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array"]);

/** An update that one `Atomics` call does exactly: on an integer array, by an integer literal (a bigint one on a BigInt array). */
function withDirect(shape: Shape, checker: ts.TypeChecker): Shape {
  const op = shape.operation;
  if (op.kind !== "update" || op.fetch || !(op.operator in DIRECT)) return shape;
  const array = checker.getTypeAtLocation(shape.target.array).getSymbol()?.name ?? "";
  const bigint = array === "BigInt64Array" || array === "BigUint64Array";
  if (!INTEGER_ARRAYS.has(array) && !bigint) return shape;
  const value = op.value;
  const literal = typeof value === "string" || (bigint ? ts.isBigIntLiteral(value) : ts.isNumericLiteral(value) && Number.isInteger(Number(value.text)));
  if (!literal) return shape;
  return { ...shape, operation: { ...op, direct: DIRECT[op.operator as keyof typeof DIRECT] } };
}

/** True when evaluating the node may change something (a call, `new`, `++`, `--`, an assignment). */
function hasSideEffects(node: ts.Node): boolean {
  if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isPostfixUnaryExpression(node)) return true;
  if (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  return ts.forEachChild(node, hasSideEffects) === true;
}

/** True for a BigInt64Array or BigUint64Array, whose `++` adds `1n`. */
function isBigInt(array: ts.Expression, checker: ts.TypeChecker): boolean {
  const name = checker.getTypeAtLocation(array).getSymbol()?.name;
  return name === "BigInt64Array" || name === "BigUint64Array";
}

function skipParentheses(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}
