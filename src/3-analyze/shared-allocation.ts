import ts from "../typescript.cjs";
import type { FileAnalysis } from "../analyze-file.js";
import { resolveAlias } from "./program-facts.js";
import { scopeOf } from "./scope.js";
import { skipParens } from "./loop-shape.js";
import { baseType, typeFamily } from "./type-family.js";

const TYPED_ARRAYS = new Set([
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
  "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
]);

/**
 * A place where a typed array that can reach a parallel loop is made: `new Float64Array(n)`
 * becomes `__omp.sharedArray(Float64Array, n)` ("length"); any other expression that makes one
 * (`Float64Array.from(…)`, `a.map(…)`, `new Float64Array([…])`) is wrapped in `__omp.shared(…)`, which copies it onto shared memory once ("copy").
 */
export interface SharedAllocation {
  readonly node: ts.Expression;
  readonly kind: "length" | "copy";
}

/** Typed-array methods whose result lives on the array's own buffer (`a.fill(0)` is `a`; `a.subarray()` is a view of it). */
const SAME_BUFFER = new Set(["subarray", "fill", "sort", "reverse", "copyWithin"]);

/** Typed-array methods that return a new array on a buffer of its own (`a.map(f)`, `a.slice()`). */
const FRESH_RESULT = new Set(["map", "filter", "slice", "toSorted", "toReversed", "with"]);

/** Static methods of the typed-array constructors that return a new array (`Float64Array.from(xs)`). */
const FRESH_STATIC = new Set(["from", "of"]);

/** Where values come from: what is assigned to each symbol, which properties destructured names come from, and who calls each function. */
interface FlowIndex {
  readonly assigned: Map<ts.Symbol, ts.Expression[]>;
  /** For a name bound by destructuring (`const { a } = f()`), the properties it takes its value from. */
  readonly destructured: Map<ts.Symbol, ts.Symbol[]>;
  readonly calls: Map<ts.Node, ts.CallLikeExpression[]>;
}

/**
 * Finds the `new TypedArray(length)` expressions, in the files being compiled, whose arrays can
 * reach a parallel loop: followed backwards from every typed array a loop captures, through
 * variables, assignments, function parameters (at every call site), return values, properties
 * (also when destructured), and methods such as `fill` and `subarray` that return the array or a view of it (SPEC §6,
 * shared allocation). Those are allocated on shared memory, so
 * the loops share them without a copy; allocations that never reach a loop are left alone.
 */
export function findSharedAllocations(files: readonly FileAnalysis[], checker: ts.TypeChecker): Map<ts.SourceFile, SharedAllocation[]> {
  const transformed = new Set(files.map((f) => f.sourceFile));
  const index = buildIndex(files, checker);
  const found = new Map<ts.SourceFile, Map<ts.Expression, SharedAllocation>>();
  const record = (node: ts.Expression, kind: SharedAllocation["kind"]) => {
    const sf = node.getSourceFile();
    if (!transformed.has(sf)) return;
    const map = found.get(sf) ?? new Map<ts.Expression, SharedAllocation>();
    map.set(node, { node, kind });
    found.set(sf, map);
  };
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
      const allocation = typedArrayAllocation(e, checker);
      if (allocation) record(e, allocation);
    } else if (ts.isIdentifier(e)) {
      enqueue(ts.isShorthandPropertyAssignment(e.parent) ? checker.getShorthandAssignmentValueSymbol(e.parent) : checker.getSymbolAtLocation(e));
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
      if (ts.isPropertyAccessExpression(e.expression) && SAME_BUFFER.has(e.expression.name.text)) {
        mark(e.expression.expression);
        return;
      }
      const declaration = checker.getResolvedSignature(e)?.declaration;
      const body = declaration && (declaration as { body?: ts.Node }).body;
      if (declaration && body && transformed.has(declaration.getSourceFile())) {
        if (seenCalls.has(declaration)) return;
        seenCalls.add(declaration);
        returnedExpressions(declaration).forEach(mark);
      } else if (makesFreshTypedArray(e, checker)) {
        record(e, "copy");
      }
    }
  };
  for (const f of files) {
    for (const loop of f.loops) for (const c of loop.captures) if (c.kind === "typed-array" || c.kind === "dynamic") enqueue(c.symbol);
    for (const v of f.module.values) {
      const symbol = nameSymbol(v.declaration, checker);
      enqueue(symbol && resolveAlias(symbol, checker));
    }
  }
  while (queue.length > 0) {
    const symbol = queue.shift()!;
    (index.assigned.get(symbol) ?? []).forEach(mark);
    (index.destructured.get(symbol) ?? []).forEach(enqueue);
    for (const d of symbol.declarations ?? []) {
      if (!ts.isParameter(d) || !ts.isFunctionLike(d.parent)) continue;
      const position = d.parent.parameters.indexOf(d);
      for (const call of index.calls.get(d.parent) ?? []) {
        const arg = ts.isCallExpression(call) || ts.isNewExpression(call) ? call.arguments?.[position] : undefined;
        if (arg && !d.dotDotDotToken) mark(arg);
      }
    }
  }
  return new Map([...found].map(([sf, map]) => [sf, [...map.values()].sort((a, b) => a.node.pos - b.node.pos)]));
}

/**
 * The symbol a property was declared with: an inferred return type's properties are copies (the
 * object literal's type widened), and what is assigned is indexed under the original.
 */
function declaredSymbol(property: ts.Symbol, checker: ts.TypeChecker): ts.Symbol {
  const declaration = property.valueDeclaration;
  return (declaration && nameSymbol(declaration, checker)) ?? property;
}

function nameSymbol(declaration: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  const name = (declaration as { name?: ts.Node }).name;
  return name ? checker.getSymbolAtLocation(name) : undefined;
}

/**
 * How a `new TypedArray(…)` of the global constructor can be put on shared memory: "length" for
 * `new Float64Array(n)`, "copy" for one made from an array or iterable (`new Float64Array([1, 2])`),
 * and undefined for one on an explicit buffer (`new Float64Array(buffer, offset)`: the caller chose
 * its memory, which is also how to opt out).
 */
function typedArrayAllocation(e: ts.NewExpression, checker: ts.TypeChecker): SharedAllocation["kind"] | undefined {
  if (!ts.isIdentifier(e.expression) || !TYPED_ARRAYS.has(e.expression.text) || e.arguments?.length !== 1) return undefined;
  const symbol = checker.getSymbolAtLocation(e.expression);
  if (symbol && scopeOf(symbol, e, e.getSourceFile()) !== "global") return undefined;
  const argument = baseType(checker.getTypeAtLocation(e.arguments[0]!), checker);
  if (argument.flags & ts.TypeFlags.NumberLike) return "length";
  return mayBeBuffer(argument, checker) || argument.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) ? undefined : "copy";
}

/**
 * Whether a call into library code makes a new typed array that nothing else refers to, so that
 * copying it onto shared memory where it is made changes no one's view of it: `Float64Array.from(…)`,
 * `Float64Array.of(…)`, and `map`, `filter`, `slice`, `toSorted`, `toReversed` and `with` on a
 * typed array. Other calls (`map.get(k)`, a library's accessor) may return an array that is also
 * held elsewhere, and are left for the runtime to copy per region (OMP4006).
 */
function makesFreshTypedArray(e: ts.CallExpression, checker: ts.TypeChecker): boolean {
  if (!ts.isPropertyAccessExpression(e.expression)) return false;
  const method = e.expression.name.text;
  const receiver = skipParens(e.expression.expression);
  if (FRESH_STATIC.has(method) && ts.isIdentifier(receiver) && TYPED_ARRAYS.has(receiver.text)) {
    const symbol = checker.getSymbolAtLocation(receiver);
    return !symbol || scopeOf(symbol, e, e.getSourceFile()) === "global";
  }
  return FRESH_RESULT.has(method) && typeFamily(checker.getTypeAtLocation(receiver), checker) === "typed-array";
}

/** Whether a type is (or may be, for a union) an ArrayBuffer or SharedArrayBuffer: it has a byteLength and no length. */
function mayBeBuffer(type: ts.Type, checker: ts.TypeChecker): boolean {
  return (type.isUnion() ? type.types : [type]).some((t) => !!checker.getPropertyOfType(t, "byteLength") && !checker.getPropertyOfType(t, "length"));
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

/**
 * The declarations a call may run, found from the callee's name (every overload and the
 * implementation, or a class's constructors), which is far cheaper than resolving the call's
 * signature; then from the callee's type; a callee without a name (`f()()`) falls back to the
 * resolved signature.
 */
function calleeDeclarations(node: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker): ts.Node[] {
  const callee = skipParens(node.expression);
  const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
  if (!name) {
    const declaration = checker.getResolvedSignature(node)?.declaration;
    return declaration ? [declaration] : [];
  }
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const out: ts.Node[] = [];
  for (const d of symbol?.declarations ?? []) {
    if (ts.isFunctionLike(d)) out.push(d);
    else if (ts.isClassLike(d) && ts.isNewExpression(node)) out.push(...d.members.filter(ts.isConstructorDeclaration));
    else if (ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) out.push(d.initializer);
  }
  if (out.length > 0) return out;
  // A function held in a variable of function type (a parameter, an element of a list of
  // functions): every function its type can be, through the type's signatures.
  const type = checker.getTypeAtLocation(callee);
  for (const t of type.isUnion() ? type.types : [type]) {
    for (const signature of ts.isNewExpression(node) ? t.getConstructSignatures() : t.getCallSignatures()) if (signature.declaration) out.push(signature.declaration);
  }
  return out;
}

/** True for a value that is plainly not a typed array (a literal of another kind, a function), so that no one needs its contextual type. */
function cannotHoldArray(value: ts.Expression): boolean {
  const e = skipParens(value);
  return ts.isLiteralExpression(e) || ts.isTemplateExpression(e) || ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) || ts.isFunctionLike(e) || ts.isPrefixUnaryExpression(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;
}

/** One walk over the compiled files: every assignment by target symbol, every destructured name by property, every call by callee declaration. */
function buildIndex(files: readonly FileAnalysis[], checker: ts.TypeChecker): FlowIndex {
  const assigned = new Map<ts.Symbol, ts.Expression[]>();
  const destructured = new Map<ts.Symbol, ts.Symbol[]>();
  const calls = new Map<ts.Node, ts.CallLikeExpression[]>();
  const add = (symbol: ts.Symbol | undefined, e: ts.Expression) => {
    if (!symbol) return;
    const list = assigned.get(symbol);
    if (list) list.push(e);
    else assigned.set(symbol, [e]);
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
      const contextual = cannotHoldArray(value) ? undefined : checker.getContextualType(node.parent);
      const name = node.name.getText();
      if (contextual) for (const t of contextual.isUnion() ? contextual.types : [contextual]) add(t.getProperty(name), value);
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent) && ts.isIdentifier(node.name)) {
      const symbol = checker.getSymbolAtLocation(node.name);
      const key = node.propertyName ?? node.name;
      const source = checker.getTypeAtLocation(node.parent);
      const properties = ts.isIdentifier(key) || ts.isStringLiteral(key) ? (source.isUnion() ? source.types : [source]).flatMap((t) => t.getProperty(key.text) ?? []).map((p) => declaredSymbol(p, checker)) : [];
      if (symbol && properties.length > 0) destructured.set(symbol, properties);
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      for (const declaration of calleeDeclarations(node, checker)) {
        const list = calls.get(declaration);
        if (list) list.push(node);
        else calls.set(declaration, [node]);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const f of files) visit(f.sourceFile);
  return { assigned, destructured, calls };
}
