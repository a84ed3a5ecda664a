import ts from "typescript";
import type { FileAnalysis } from "../analyze-file.js";
import { scopeOf } from "./scope.js";
import { skipParens } from "./loop-shape.js";

const TYPED_ARRAYS = new Set([
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
  "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
]);

/** Typed-array methods whose result lives on the array's own buffer (`a.fill(0)` is `a`; `a.subarray()` is a view of it). */
const SAME_BUFFER = new Set(["subarray", "fill", "sort", "reverse", "copyWithin"]);

/** Where values come from: what is assigned to each symbol, and who calls each function. */
interface FlowIndex {
  readonly assigned: Map<ts.Symbol, ts.Expression[]>;
  readonly calls: Map<ts.Node, ts.CallLikeExpression[]>;
}

/**
 * Finds the `new TypedArray(length)` expressions, in the files being compiled, whose arrays can
 * reach a parallel loop: followed backwards from every typed array a loop captures, through
 * variables, assignments, function parameters (at every call site), return values, properties
 * and methods such as `fill` and `subarray` that return the array or a view of it (SPEC §6,
 * shared allocation). Those are allocated on shared memory, so
 * the loops share them without a copy; allocations that never reach a loop are left alone.
 */
export function findSharedAllocations(files: readonly FileAnalysis[], checker: ts.TypeChecker): Map<ts.SourceFile, ts.NewExpression[]> {
  const transformed = new Set(files.map((f) => f.sourceFile));
  const index = buildIndex(files, checker);
  const found = new Map<ts.SourceFile, Set<ts.NewExpression>>();
  const seen = new Set<ts.Symbol>();
  const queue: ts.Symbol[] = [];
  const enqueue = (s: ts.Symbol | undefined) => {
    if (s && !seen.has(s)) {
      seen.add(s);
      queue.push(s);
    }
  };
  const seenCalls = new Set<ts.Node>();
  const mark = (expression: ts.Expression): void => {
    const e = skipParens(expression);
    if (ts.isNewExpression(e)) {
      if (isTypedArrayAllocation(e, checker) && transformed.has(e.getSourceFile())) {
        const set = found.get(e.getSourceFile()) ?? new Set();
        set.add(e);
        found.set(e.getSourceFile(), set);
      }
    } else if (ts.isIdentifier(e)) {
      enqueue(checker.getSymbolAtLocation(e));
    } else if (ts.isConditionalExpression(e)) {
      mark(e.whenTrue);
      mark(e.whenFalse);
    } else if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.CommaToken].includes(e.operatorToken.kind)) {
      mark(e.left);
      mark(e.right);
    } else if (ts.isPropertyAccessExpression(e)) {
      enqueue(checker.getSymbolAtLocation(e.name));
    } else if (ts.isAwaitExpression(e)) {
      mark(e.expression);
    } else if (ts.isCallExpression(e)) {
      if (ts.isPropertyAccessExpression(e.expression) && SAME_BUFFER.has(e.expression.name.text)) mark(e.expression.expression);
      const declaration = checker.getResolvedSignature(e)?.declaration;
      if (declaration && !seenCalls.has(declaration)) {
        seenCalls.add(declaration);
        returnedExpressions(declaration).forEach(mark);
      }
    }
  };
  for (const f of files) {
    for (const loop of f.loops) for (const c of loop.captures) if (c.kind === "typed-array" || c.kind === "dynamic") enqueue(c.symbol);
    for (const v of f.module.values) enqueue(nameSymbol(v.declaration, checker));
  }
  while (queue.length > 0) {
    const symbol = queue.shift()!;
    (index.assigned.get(symbol) ?? []).forEach(mark);
    for (const d of symbol.declarations ?? []) {
      if (!ts.isParameter(d) || !ts.isFunctionLike(d.parent)) continue;
      const position = d.parent.parameters.indexOf(d);
      for (const call of index.calls.get(d.parent) ?? []) {
        const arg = ts.isCallExpression(call) || ts.isNewExpression(call) ? call.arguments?.[position] : undefined;
        if (arg && !d.dotDotDotToken) mark(arg);
      }
    }
  }
  return new Map([...found].map(([sf, set]) => [sf, [...set].sort((a, b) => a.pos - b.pos)]));
}

function nameSymbol(declaration: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  const name = (declaration as { name?: ts.Node }).name;
  return name ? checker.getSymbolAtLocation(name) : undefined;
}

/** `new Float64Array(n)` (any typed array) with one numeric length argument, of the global constructor. */
function isTypedArrayAllocation(e: ts.NewExpression, checker: ts.TypeChecker): boolean {
  if (!ts.isIdentifier(e.expression) || !TYPED_ARRAYS.has(e.expression.text) || e.arguments?.length !== 1) return false;
  const symbol = checker.getSymbolAtLocation(e.expression);
  if (symbol && scopeOf(symbol, e, e.getSourceFile()) !== "global") return false;
  return !!(checker.getTypeAtLocation(e.arguments[0]!).flags & ts.TypeFlags.NumberLike);
}

/** The expressions a function can return (not looking into functions nested in it). */
function returnedExpressions(declaration: ts.Node): ts.Expression[] {
  if (ts.isArrowFunction(declaration) && !ts.isBlock(declaration.body)) return [declaration.body];
  const out: ts.Expression[] = [];
  const body = (declaration as { body?: ts.Node }).body;
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    ts.forEachChild(n, visit);
  };
  if (body) ts.forEachChild(body, visit);
  return out;
}

/** One walk over the compiled files: every assignment by target symbol, every call by callee declaration. */
function buildIndex(files: readonly FileAnalysis[], checker: ts.TypeChecker): FlowIndex {
  const assigned = new Map<ts.Symbol, ts.Expression[]>();
  const calls = new Map<ts.Node, ts.CallLikeExpression[]>();
  const add = (symbol: ts.Symbol | undefined, e: ts.Expression) => {
    if (symbol) assigned.set(symbol, [...(assigned.get(symbol) ?? []), e]);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) && node.initializer && ts.isIdentifier(node.name)) {
      add(checker.getSymbolAtLocation(node.name), node.initializer);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = skipParens(node.left);
      if (ts.isIdentifier(left)) add(checker.getSymbolAtLocation(left), node.right);
      else if (ts.isPropertyAccessExpression(left)) add(checker.getSymbolAtLocation(left.name), node.right);
    } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      const value = ts.isPropertyAssignment(node) ? node.initializer : node.name;
      add(checker.getSymbolAtLocation(node.name), value);
      const contextual = checker.getContextualType(node.parent);
      const name = node.name.getText();
      if (contextual) for (const t of contextual.isUnion() ? contextual.types : [contextual]) add(t.getProperty(name), value);
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const declaration = checker.getResolvedSignature(node)?.declaration;
      if (declaration) calls.set(declaration, [...(calls.get(declaration) ?? []), node]);
    }
    ts.forEachChild(node, visit);
  };
  for (const f of files) visit(f.sourceFile);
  return { assigned, calls };
}
