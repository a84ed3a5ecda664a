import ts from "../../typescript.cjs";
import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { spanOf } from "../loop-shape.js";
import { accessOf } from "../references.js";
import { contains, declarationOf, variableKind } from "../scope.js";
import { typeFamily } from "../type-family.js";
import type { LoopShape } from "../types.js";
import {
  add, constantOf, indexPolynomial, isConstant, isPolynomial, namesOf, polynomialText, samePolynomial, scale, splitBy, type NameRole, type NotPolynomial, type Polynomial,
} from "./index-form.js";

/** What the race check of one loop needs. */
export interface RaceContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  readonly report: (d: Diagnostic) => void;
  /** Statements whose accesses are synchronized: `critical`, `atomic`, `ordered`, `single`, `masked`/`master`. */
  readonly synchronized: ReadonlySet<ts.Node>;
  /** Statements under `// @omp assume independent`, whose unprovable accesses are not reported. */
  readonly assumed: ReadonlySet<ts.Node>;
}

/** One element access of a shared typed array in the loop. */
interface ElementAccess {
  readonly array: ts.Symbol;
  readonly node: ts.ElementAccessExpression;
  readonly write: boolean;
  readonly index: Polynomial | NotPolynomial;
  readonly assumed: boolean;
}

/**
 * Checks that different iterations of a parallel loop (SPEC §6) never touch the same element of a
 * shared typed array where one of them writes it. Each index is read as a polynomial over the
 * parallel loop variables, inner loop variables (with their ranges) and loop invariants. A write
 * whose index provably repeats across iterations (it does not depend on the loop variable, or two
 * accesses differ by a multiple of its step) is an error naming both accesses; an index the
 * analysis cannot read or decide is a warning that says why. Accesses inside synchronizing
 * constructs, to arrays that are reduced, and to arrays of the body itself (or of `threadScope`,
 * the `parallel` block around a `for`, whose arrays each thread has its own of) are not checked.
 * Arrays are told apart by name: two names for one buffer are not seen (docs/races.md).
 */
export function checkRaces(shape: LoopShape, reducedArrays: ReadonlySet<ts.Symbol>, ctx: RaceContext, threadScope: ts.Node = shape.body): void {
  const parallel = new Set(shape.levels.map((l) => l.variable));
  const levels = new Map(shape.levels.map((l) => [l.variable, l]));
  const role = (id: ts.Identifier): NameRole => nameRole(id, shape, parallel, ctx);
  const accesses: ElementAccess[] = [];
  const visit = (node: ts.Node, assumed: boolean): void => {
    if (ctx.synchronized.has(node) || ts.isFunctionLike(node)) return;
    const under = assumed || ctx.assumed.has(node);
    if (ts.isElementAccessExpression(node) && ts.isIdentifier(skip(node.expression))) {
      const id = skip(node.expression) as ts.Identifier;
      const symbol = ctx.checker.getSymbolAtLocation(id);
      const declaration = symbol && declarationOf(symbol);
      if (symbol && declaration && !contains(threadScope, declaration) && !contains(shape.body, declaration) && !reducedArrays.has(symbol) && typeFamily(ctx.checker.getTypeAtLocation(id), ctx.checker) === "typed-array") {
        accesses.push({ array: symbol, node, write: accessOf(id).access === "element-write", index: indexPolynomial(node.argumentExpression, role), assumed: under });
      }
    }
    ts.forEachChild(node, (c) => visit(c, under));
  };
  visit(shape.body, false);
  const locked = lockedStatements(shape.body);
  const checked = accesses.filter((a) => !locked.some((s) => contains(s, a.node)));

  const reported = new Set<ts.Node>();
  const text = (a: ElementAccess) => a.node.getText(ctx.sourceFile);
  const error = (a: ElementAccess, detail: string, fix: string, other?: ElementAccess) => {
    if (reported.has(a.node)) return;
    reported.add(a.node);
    const related = other ? [{ ...spanOf(other.node, ctx), message: `The other access, '${text(other)}'.` }] : undefined;
    ctx.report(createDiagnostic("RaceProven", { detail, fix }, spanOf(a.node, ctx), related));
  };
  const warn = (a: ElementAccess, reason: string) => {
    if (reported.has(a.node) || a.assumed) return;
    reported.add(a.node);
    ctx.report(createDiagnostic("RaceUnproven", { access: text(a), reason }, spanOf(a.node, ctx)));
  };
  const fix = "Write each element from one iteration, or use a reduction, 'atomic' or 'critical'.";

  for (const w of checked.filter((a) => a.write)) {
    if (!isPolynomial(w.index)) {
      warn(w, w.index.why);
      continue;
    }
    const own = ownElements(w.index, parallel, levels, shape, ctx);
    if (own === "shared") {
      const index = w.index;
      const missing = [...parallel].filter((v) => ![...index.keys()].some((m) => namesOf(m).includes(v)) && !onlyOnce(levels.get(v)!, ctx));
      error(w, `iterations write the same elements with '${text(w)}': its index does not depend on ${missing.map((v) => `'${v}'`).join(" or ")}.`, fix);
      continue;
    }
    if (typeof own === "string") {
      warn(w, own);
      continue;
    }
    for (const x of checked) {
      if (x === w || !sameMemory(x.array, w.array, ctx)) continue;
      const verdict = x.array === w.array ? compare(w.index, x.index, parallel, levels) : { kind: "unknown" as const, why: `'${x.array.name}' may view the same memory as '${w.array.name}'` };
      if (verdict.kind === "apart") continue;
      if (verdict.kind === "race") {
        error(w, `iteration ${verdict.from} writes '${text(w)}', which iteration ${verdict.to} ${x.write ? "writes" : "reads"} as '${text(x)}' (a dependence between iterations).`, "Iterations of a parallel loop must not depend on each other: read from one array and write another, or use 'ordered'.", x);
        break;
      }
      warn(w, `${verdict.why} ('${text(x)}')`);
      break;
    }
  }
}

/** Skips parentheses and non-null assertions. */
function skip(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  return x;
}

/**
 * Whether a write's index gives each iteration its own elements: true when it provably does,
 * "shared" when every iteration writes the same elements, or why it cannot be decided. The index
 * must be a row-major layout: the parallel variables' strides, smallest first, each at least the
 * extent of everything finer (the inner loops' spans, then the finer parallel variables' strides
 * times their trip counts).
 */
function ownElements(p: Polynomial, parallel: ReadonlySet<string>, levels: ReadonlyMap<string, LoopShape["levels"][number]>, shape: LoopShape, ctx: RaceContext): true | "shared" | string {
  const used = [...parallel].filter((v) => [...p.keys()].some((m) => namesOf(m).includes(v)));
  // Iterations that differ only in a variable the index does not use write the same elements (unless that loop runs once).
  if ([...parallel].some((v) => !used.includes(v) && !onlyOnce(levels.get(v)!, ctx))) return "shared";
  let rest = p;
  const strides: { variable: string; stride: Polynomial }[] = [];
  for (const v of used) {
    const { coefficient, rest: r } = splitBy(rest, v);
    if ([...coefficient.keys()].some((m) => namesOf(m).some((n) => parallel.has(n)))) return `the index multiplies loop variables together ('${polynomialText(p)}')`;
    strides.push({ variable: v, stride: coefficient });
    rest = r;
  }
  let extent: Polynomial | undefined = new Map();
  for (const name of new Set([...rest.keys()].flatMap(namesOf))) {
    const range = innerRange(name, shape, ctx);
    if (!range) continue;
    const { coefficient } = splitBy(rest, name);
    if (!isConstant(coefficient) || Math.abs(constantOf(coefficient)) !== 1 || !range.lower || !range.upper) return `the index mixes the loop variable with '${name}', whose span tsomp cannot bound`;
    extent = add(extent, add(range.upper, scale(range.lower, -1)));
  }
  strides.sort((a, b) => (isConstant(a.stride) && isConstant(b.stride) ? Math.abs(constantOf(a.stride)) - Math.abs(constantOf(b.stride)) : isConstant(a.stride) ? -1 : 1));
  for (const { variable, stride } of strides) {
    if (extent === undefined || !covers(stride, extent)) return `tsomp cannot show that '${polynomialText(p)}' differs between iterations (the stride of '${variable}' may be smaller than the span it steps over)`;
    const count = tripCount(levels.get(variable)!, ctx);
    extent = count && (isConstant(count) ? scale(stride, constantOf(count)) : isConstant(stride) && constantOf(stride) === 1 ? count : undefined);
  }
  return true;
}

/** True when a loop level runs exactly once (or never): its trip count is a number ≤ 1. */
function onlyOnce(level: LoopShape["levels"][number], ctx: RaceContext): boolean {
  const count = tripCount(level, ctx);
  return count !== undefined && isConstant(count) && constantOf(count) <= 1;
}

/** stride ≥ extent for polynomials: the difference is a non-negative number; with nothing to cover, any non-zero stride. */
function covers(stride: Polynomial, extent: Polynomial): boolean {
  if (extent.size === 0) return !isConstant(stride) || constantOf(stride) !== 0;
  const d = add(stride, scale(extent, -1));
  return isConstant(d) && constantOf(d) >= 0;
}

/**
 * How many consecutive integers a level's variable stays within, as a polynomial: `upper − lower`
 * for `<`, one more for `<=` (mirrored downward); a larger step only leaves gaps inside.
 */
function tripCount(level: LoopShape["levels"][number], ctx: RaceContext): Polynomial | undefined {
  const lower = indexPolynomial(level.lower, boundRole(ctx));
  const upper = indexPolynomial(level.upper, boundRole(ctx));
  if (!isPolynomial(lower) || !isPolynomial(upper)) return undefined;
  const up = add(upper, scale(lower, -1));
  const down = add(lower, scale(upper, -1));
  const one: Polynomial = new Map([["", 1]]);
  const rising = level.step.literal !== undefined ? level.step.literal > 0 : level.relation === "<" || level.relation === "<=";
  switch (level.relation) {
    case "<": return up;
    case "<=": return add(up, one);
    case ">": return down;
    case ">=": return add(down, one);
    case "!=": return rising ? up : down;
  }
}

/** The verdict on a write and another access to the same array. */
type Comparison =
  | { readonly kind: "apart" }
  | { readonly kind: "race"; readonly from: string; readonly to: string }
  | { readonly kind: "unknown"; readonly why: string };

/**
 * Compares a write's index with another access's: the same element only in the same iteration
 * ("apart"), the same element in two different iterations ("race"), or undecided.
 */
function compare(w: Polynomial, x: Polynomial | NotPolynomial, parallel: ReadonlySet<string>, levels: ReadonlyMap<string, LoopShape["levels"][number]>): Comparison {
  if (!isPolynomial(x)) return { kind: "unknown", why: `another access's index cannot be read: ${x.why}` };
  const d = add(w, scale(x, -1));
  if (d.size === 0) return { kind: "apart" };
  const vars = [...parallel].filter((v) => [...w.keys(), ...x.keys()].some((m) => namesOf(m).includes(v)));
  if (vars.length === 1) {
    const v = vars[0]!;
    const sw = splitBy(w, v);
    const sx = splitBy(x, v);
    if (samePolynomial(sw.coefficient, sx.coefficient) && isConstant(sw.coefficient) && isConstant(d)) {
      const a = constantOf(sw.coefficient);
      const diff = constantOf(d);
      const step = levels.get(v)!.step.literal;
      if (a !== 0 && diff % a !== 0) return { kind: "apart" };
      if (a !== 0 && step !== undefined) {
        // w(v) = x(v + k) for k = diff / a; the variable's values differ by multiples of its step.
        const k = diff / a;
        if (k % step !== 0) return { kind: "apart" };
        return { kind: "race", from: `${v}`, to: k > 0 ? `${v} + ${k}` : `${v} - ${-k}` };
      }
    }
    if (sx.coefficient.size === 0 && isConstant(sw.coefficient) && constantOf(sw.coefficient) !== 0 && [...sx.rest.keys()].every((m) => m === "")) {
      return { kind: "unknown", why: "another access uses a fixed element, which some iteration may write" };
    }
  }
  return { kind: "unknown", why: "another access to the array has an index that may meet this one in another iteration" };
}

/**
 * True when two arrays may be the same memory: the same variable, views made from one
 * (`a.subarray(…)`, `new Float64Array(a.buffer, …)`, `new Float64Array(buf, …)` for a shared `buf`),
 * or two parameters of one function that a call in this file passes the same array.
 */
function sameMemory(a: ts.Symbol, b: ts.Symbol, ctx: RaceContext): boolean {
  if (a === b) return true;
  const ra = memoryRoot(a, ctx);
  const rb = memoryRoot(b, ctx);
  if (ra === rb) return true;
  const da = declarationOf(ra);
  const db = declarationOf(rb);
  if (!da || !db || !ts.isParameter(da) || !ts.isParameter(db) || da.parent !== db.parent) return false;
  const fn = da.parent;
  const ia = fn.parameters.indexOf(da);
  const ib = fn.parameters.indexOf(db);
  const name = ts.isFunctionDeclaration(fn) && fn.name ? ctx.checker.getSymbolAtLocation(fn.name) : undefined;
  let passedTwice = false;
  const visit = (n: ts.Node): void => {
    if (passedTwice) return;
    if (ts.isCallExpression(n) && name && ts.isIdentifier(n.expression) && ctx.checker.getSymbolAtLocation(n.expression) === name) {
      const x = n.arguments[ia];
      const y = n.arguments[ib];
      if (x && y && ts.isIdentifier(x) && ts.isIdentifier(y)) {
        const sx = ctx.checker.getSymbolAtLocation(x);
        const sy = ctx.checker.getSymbolAtLocation(y);
        if (sx && sy && memoryRoot(sx, ctx) === memoryRoot(sy, ctx)) passedTwice = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.sourceFile);
  return passedTwice;
}

/** The variable whose memory an array variable views: itself, or what its `const`/`let` initializer makes a view of. */
function memoryRoot(symbol: ts.Symbol, ctx: RaceContext, depth = 0): ts.Symbol {
  const d = declarationOf(symbol);
  if (depth > 8 || !d || !ts.isVariableDeclaration(d) || !d.initializer) return symbol;
  let e = skip(d.initializer);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "subarray") e = skip(e.expression.expression);
  else if (ts.isNewExpression(e) && e.arguments?.[0]) {
    const first = skip(e.arguments[0]);
    const buffer = ["ArrayBuffer", "SharedArrayBuffer"].includes(ctx.checker.getTypeAtLocation(first).getSymbol()?.name ?? "");
    if (ts.isPropertyAccessExpression(first) && first.name.text === "buffer") e = skip(first.expression);
    else if (buffer) e = first;
  }
  if (e === skip(d.initializer) || !ts.isIdentifier(e)) return symbol;
  const next = ctx.checker.getSymbolAtLocation(e);
  return next ? memoryRoot(next, ctx, depth + 1) : symbol;
}

/** What a name in an index is, seen from the loop. */
function nameRole(id: ts.Identifier, shape: LoopShape, parallel: ReadonlySet<string>, ctx: RaceContext): NameRole {
  if (parallel.has(id.text)) return { kind: "parallel" };
  const symbol = ctx.checker.getSymbolAtLocation(id);
  const declaration = symbol && declarationOf(symbol);
  if (!symbol || !declaration) return { kind: "unknown", why: `'${id.text}' is not a variable tsomp can follow` };
  if (!contains(shape.body, declaration)) {
    if (writtenIn(shape.body, symbol, ctx)) return { kind: "unknown", why: `'${id.text}' changes inside the loop` };
    return literalConst(declaration) ?? { kind: "invariant" };
  }
  if (ts.isVariableDeclaration(declaration) && variableKind(declaration) === "const" && declaration.initializer) return { kind: "alias", initializer: declaration.initializer };
  const range = innerRange(id.text, shape, ctx);
  if (range) return { kind: "inner", ...range };
  return { kind: "unknown", why: `'${id.text}' is a variable of the body that tsomp does not follow` };
}

/** How names in loop bounds read: numeric consts as their numbers, anything else as an invariant. */
function boundRole(ctx: RaceContext): (id: ts.Identifier) => NameRole {
  return (id) => {
    const declaration = ctx.checker.getSymbolAtLocation(id)?.valueDeclaration;
    return (declaration && literalConst(declaration)) ?? { kind: "invariant" };
  };
}

/** A `const` whose initializer is a number stands for that number (so that bounds such as `x0 = 3` compare). */
function literalConst(declaration: ts.Declaration): NameRole | undefined {
  return ts.isVariableDeclaration(declaration) && variableKind(declaration) === "const" && declaration.initializer && ts.isNumericLiteral(skip(declaration.initializer))
    ? { kind: "alias", initializer: declaration.initializer }
    : undefined;
}

/** The range [lower, upper) of an inner loop `for (let v = L; v < U; v++)` of the body, if `name` is such a loop's variable. */
function innerRange(name: string, shape: LoopShape, ctx: RaceContext): { lower?: Polynomial; upper?: Polynomial } | undefined {
  let found: { lower?: Polynomial; upper?: Polynomial } | undefined;
  const invariant = boundRole(ctx);
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isForStatement(n) && n.initializer && ts.isVariableDeclarationList(n.initializer)) {
      const d = n.initializer.declarations[0];
      if (d && ts.isIdentifier(d.name) && d.name.text === name) {
        const c = n.condition && skip(n.condition);
        const inc = n.incrementor && skip(n.incrementor);
        const unit = inc && (ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) && inc.operator === ts.SyntaxKind.PlusPlusToken;
        if (d.initializer && c && ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.LessThanToken && unit) {
          const lower = indexPolynomial(d.initializer, invariant);
          const upper = indexPolynomial(c.right, invariant);
          found = { ...(isPolynomial(lower) ? { lower } : {}), ...(isPolynomial(upper) ? { upper } : {}) };
        } else found = {};
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(shape.body);
  return found;
}

/** True when the loop body assigns the variable. */
function writtenIn(body: ts.Node, symbol: ts.Symbol, ctx: RaceContext): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && ctx.checker.getSymbolAtLocation(n) === symbol) {
      const a = accessOf(n).access;
      if (a === "write" || a === "update") found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** The statements between `omp_set_lock(l)` and `omp_unset_lock(l)` in one block of the body (SPEC §6: synchronized). */
function lockedStatements(body: ts.Node): ts.Statement[] {
  const out: ts.Statement[] = [];
  const called = (e: ts.Expression) => (ts.isCallExpression(e) && ts.isIdentifier(e.expression) ? e.expression.text : undefined);
  // `omp_set_lock(l);`, or `while (!omp_test_lock(l)) …` (spinning until the lock is taken).
  const callee = (s: ts.Statement) => {
    if (ts.isExpressionStatement(s)) return called(s.expression);
    if (ts.isWhileStatement(s) && ts.isPrefixUnaryExpression(s.expression) && s.expression.operator === ts.SyntaxKind.ExclamationToken && called(skip(s.expression.operand)) === "omp_test_lock") return "omp_set_lock";
    return undefined;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isBlock(n)) {
      let held = false;
      for (const s of n.statements) {
        const name = callee(s);
        if (name === "omp_set_lock") held = true;
        else if (name === "omp_unset_lock") held = false;
        else if (held) out.push(s);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return out;
}
