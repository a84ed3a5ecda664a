import ts from "../../typescript.cjs";
import type { LoopLevel } from "../types.js";
import { variableKind } from "../scope.js";
import { readStep, skipParens } from "../loop-shape.js";
import { assignedIn } from "../references.js";
import {
  add, constantOf, displayName, indexPolynomial, isConstant, isPolynomial, namesOf, polynomialText, samePolynomial, scale, splitBy, type NameRole, type Polynomial,
} from "./index-form.js";

/**
 * A name whose value differs between the units that run at the same time: a loop variable of
 * the parallel nest (one value per iteration), or the thread number in a `parallel` block.
 */
export interface ParallelName {
  /** The distance between two of its values when known (a loop's literal step; 1 for thread numbers). */
  readonly step?: number;
  /** How many consecutive integers it stays within, when known (a loop's trip count). */
  readonly count?: Polynomial;
}

/** The monomial name of the thread number, `omp_get_thread_num()`, in indexes. */
export const THREAD_NUMBER = "omp_get_thread_num()";

/** The monomial name of the team size, `omp_get_num_threads()`, in indexes. */
export const TEAM_SIZE = "omp_get_num_threads()";

/** The parallel names of one check, by monomial name. */
export type ParallelNames = ReadonlyMap<string, ParallelName>;

/** The range [lower, upper) of a name that varies inside one unit (an inner loop's variable, named `v@position` of its declaration), or undefined when it is not such a name. */
export type InnerRange = (name: string) => { lower?: Polynomial; upper?: Polynomial; byTeam?: boolean; approximate?: boolean } | undefined;

/**
 * The ranges of inner names as the roles that named them read them (a called function's loop
 * reads its bounds through the arguments), falling back on `base`; `record` takes each role.
 */
export function rangesOfRoles(base: InnerRange): { innerRange: InnerRange; record: (role: NameRole) => NameRole } {
  const named = new Map<string, NonNullable<ReturnType<InnerRange>>>();
  const innerRange: InnerRange = (name) => {
    if (name.endsWith("'") && named.has(name.slice(0, -1))) return offsetRange(named.get(name.slice(0, -1)));
    return named.get(name) ?? base(name);
  };
  const record = (role: NameRole) => {
    if (role.kind === "inner") named.set(role.name, { ...(role.lower ? { lower: role.lower } : {}), ...(role.upper ? { upper: role.upper } : {}), ...(role.approximate ? { approximate: true } : {}) });
    return role;
  };
  return { innerRange, record };
}

/** The range of `v'`, the offset of an inner name `v` from its start: [0, upper − lower). */
function offsetRange(base: ReturnType<InnerRange>): NonNullable<ReturnType<InnerRange>> {
  return base?.lower && base.upper ? { lower: new Map(), upper: add(base.upper, scale(base.lower, -1)), ...(base.approximate ? { approximate: true } : {}) } : {};
}

/** The parallel names of a loop nest: its variables with their literal steps and trip counts. */
export function loopParallelNames(levels: readonly LoopLevel[], checker: ts.TypeChecker): ParallelNames {
  return new Map(levels.map((l) => [l.variable, { step: l.step.literal, count: tripCount(l, checker) }]));
}

/**
 * Whether a write's index gives each unit (iteration or thread) its own elements: true when it
 * provably does, "shared" when every unit writes the same elements, or why it cannot be decided.
 * The index must be a row-major layout: the parallel names' strides, smallest first, each at least
 * the extent of everything finer (the inner loops' spans, then the finer parallel names' strides
 * times their counts).
 */
export function ownElements(p: Polynomial, parallel: ParallelNames, innerRange: InnerRange): true | "shared" | string {
  const used = [...parallel.keys()].filter((v) => [...p.keys()].some((m) => namesOf(m).includes(v)));
  // Units that differ only in a name the index does not use write the same elements (unless that loop runs once).
  if ([...parallel.keys()].some((v) => !used.includes(v) && !onlyOnce(parallel.get(v)!))) return "shared";
  let rest = p;
  const strides: { variable: string; stride: Polynomial }[] = [];
  for (const v of used) {
    const { coefficient, rest: r } = splitBy(rest, v);
    if ([...coefficient.keys()].some((m) => namesOf(m).some((n) => parallel.has(n)))) return `the index multiplies loop variables together ('${polynomialText(p)}')`;
    strides.push({ variable: v, stride: coefficient });
    rest = r;
  }
  // The span of the inner names, finest first: a name whose stride covers the span so far multiplies it (rows of rows), any other adds to it.
  const inner: { name: string; stride: number; count: Polynomial }[] = [];
  for (const name of new Set([...rest.keys()].flatMap(namesOf))) {
    const range = innerRange(name);
    if (!range) continue;
    const { coefficient } = splitBy(rest, name);
    if (!isConstant(coefficient) || constantOf(coefficient) === 0 || !range.lower || !range.upper) return `the index mixes the loop variable with '${displayName(name)}', whose span tsomp cannot bound`;
    inner.push({ name, stride: Math.abs(constantOf(coefficient)), count: add(range.upper, scale(range.lower, -1)) });
  }
  let extent: Polynomial | undefined = new Map();
  for (const { stride, count } of inner.sort((a, b) => a.stride - b.stride)) {
    const block = scale(count, stride);
    extent = extent.size === 0 || covers(new Map([["", stride]]), extent) ? block : add(extent, block);
  }
  strides.sort((a, b) => (isConstant(a.stride) && isConstant(b.stride) ? Math.abs(constantOf(a.stride)) - Math.abs(constantOf(b.stride)) : isConstant(a.stride) ? -1 : 1));
  for (const { variable, stride } of strides) {
    if (extent === undefined || !covers(stride, extent)) return `tsomp cannot show that '${polynomialText(p)}' differs between ${variable === THREAD_NUMBER ? "threads" : "iterations"} (the stride of '${variable}' may be smaller than the span it steps over)`;
    const count = parallel.get(variable)!.count;
    extent = count && (isConstant(count) ? scale(isConstant(stride) ? new Map([["", Math.abs(constantOf(stride))]]) : stride, constantOf(count)) : isConstant(stride) && Math.abs(constantOf(stride)) === 1 ? count : undefined);
  }
  return true;
}

/** True when a parallel name takes one value at most: its count is a number ≤ 1. */
export function onlyOnce(name: ParallelName): boolean {
  return name.count !== undefined && isConstant(name.count) && constantOf(name.count) <= 1;
}

/** stride ≥ extent for polynomials: the difference is a non-negative number; with nothing to cover, any non-zero stride. */
function covers(stride: Polynomial, extent: Polynomial): boolean {
  if (extent.size === 0) return !isConstant(stride) || constantOf(stride) !== 0;
  const d = add(stride, scale(extent, -1));
  return isConstant(d) && constantOf(d) >= 0;
}

/**
 * How many consecutive integers a level's variable stays within, as a polynomial: `upper − lower`
 * for `<`, one more for `<=` (mirrored downward); a larger step only leaves gaps inside. A bound
 * `Math.min(…)`/`Math.max(…)` counts as one of its arguments, the one that makes the count a number if any does.
 */
function tripCount(level: LoopLevel, checker: ts.TypeChecker): Polynomial | undefined {
  const rising = level.step.literal !== undefined ? level.step.literal > 0 : level.relation === "<" || level.relation === "<=";
  // Of the bounds that `Math.max`/`Math.min` give (the start's and the end's, by direction), a pair whose span is a number if there is one.
  const starts = boundCandidates(level.lower, rising ? "Math.max" : "Math.min", boundRole(checker));
  const ends = boundCandidates(level.upper, rising ? "Math.min" : "Math.max", boundRole(checker));
  const pair = starts.flatMap((l) => ends.map((u) => [l, u] as const)).find(([l, u]) => isConstant(add(u, scale(l, -1)))) ?? [starts[0], ends[0]];
  const [lower, upper] = pair;
  if (!lower || !upper) return undefined;
  const up = add(upper, scale(lower, -1));
  const down = add(lower, scale(upper, -1));
  const one: Polynomial = new Map([["", 1]]);
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
 * Compares a write's index (which gives each unit its own elements) with another access's: the
 * same element only in the same unit ("apart"), the same element in two different units ("race"),
 * or undecided. With one parallel name `v` of the same numeric coefficient `a` in both, the rest
 * of each index (inner loops' variables, each access with its own values, and invariants) spans
 * an interval; the accesses meet across units when the two intervals' difference reaches a
 * non-zero multiple of `a` times the step, within the loop's trip count.
 */
export function compare(w: Polynomial, x: Polynomial | { why: string }, parallel: ParallelNames, innerRange: InnerRange, unit = "iteration"): Comparison {
  if (!isPolynomial(x)) return { kind: "unknown", why: `another access's index cannot be read: ${x.why}` };
  // The same index, up to inner loops over the same range: the other access touches, in each unit, what the write does.
  if (add(byRange(w, innerRange), scale(byRange(x, innerRange), -1)).size === 0) return { kind: "apart" };
  const vars = [...parallel.keys()].filter((v) => [...w.keys(), ...x.keys()].some((m) => namesOf(m).includes(v)));
  if (vars.length === 1) {
    const v = vars[0]!;
    const sw = splitBy(w, v);
    const sx = splitBy(x, v);
    if (samePolynomial(sw.coefficient, sx.coefficient) && isConstant(sw.coefficient) && constantOf(sw.coefficient) !== 0) {
      const { step, count } = parallel.get(v)!;
      const verdict = distance(sw.rest, sx.rest, constantOf(sw.coefficient), step, count, innerRange);
      if (verdict === "apart") return { kind: "apart" };
      if (typeof verdict === "number") return { kind: "race", from: `${v}`, to: verdict > 0 ? `${v} + ${verdict}` : `${v} - ${-verdict}` };
    }
    if (sx.coefficient.size === 0 && isConstant(sw.coefficient) && constantOf(sw.coefficient) !== 0 && [...sx.rest.keys()].every((m) => m === "")) {
      return { kind: "unknown", why: `another access uses a fixed element, which some ${unit} may write` };
    }
  }
  return { kind: "unknown", why: `another access to the array has an index that may meet this one in another ${unit}` };
}

/** p with each inner name whose range is known renamed after its range, so that two loops over the same range read alike. */
function byRange(p: Polynomial, innerRange: InnerRange): Polynomial {
  let out: Polynomial = new Map();
  for (const [m, c] of p) {
    const names = namesOf(m).map((n) => {
      const r = innerRange(n);
      return r?.lower && r.upper ? `[${polynomialText(r.lower)}, ${polynomialText(r.upper)})` : n;
    });
    out = add(out, new Map([[names.sort().join("*"), c]]));
  }
  return out;
}

/**
 * Whether `a·v + rw` and `a·v' + rx` meet for `v' = v + k` (k a non-zero multiple of the step,
 * below the trip count): "apart" when they cannot, the offset `k` of a unit that meets `v` when
 * one provably does, or undefined when undecided.
 */
function distance(rw: Polynomial, rx: Polynomial, a: number, step: number | undefined, count: Polynomial | undefined, innerRange: InnerRange): "apart" | number | undefined {
  const limit = count && isConstant(count) ? constantOf(count) : Infinity;
  const granule = Math.abs(a * (step ?? 1));
  const sw = spanOf(rw, innerRange);
  const sx = spanOf(rx, innerRange);
  if (!sw || !sx) return undefined;
  // rw − rx ranges over [low, high]; a meeting needs rw − rx = a·k for a unit k apart.
  const low = add(sw.low, scale(sx.high, -1));
  const high = add(sw.high, scale(sx.low, -1));
  if (!isConstant(low) || !isConstant(high)) return undefined;
  const [lo, hi] = [constantOf(low), constantOf(high)];
  // The non-zero multiple m of the granule in [lo, hi] nearest 0: the closest units that may meet, if within the trip count.
  const first = Math.ceil(lo / granule);
  const last = Math.floor(hi / granule);
  if (first > last) return "apart";
  const m = first > 0 ? first : last < 0 ? last : last >= 1 ? 1 : first <= -1 ? -1 : 0;
  const k = (m * granule) / a;
  if (m === 0 || Math.abs(k) >= limit) return "apart";
  // Every value of [lo, hi] is reached when each inner name steps by one through its whole range.
  return sw.dense && sx.dense && step !== undefined ? k : undefined;
}

/**
 * The interval [low, high] a polynomial spans over the inner names' ranges (other names are
 * invariants and stay), and whether it takes every integer in it (inner coefficients ±1); undefined
 * when an inner name's range or coefficient is not known.
 */
function spanOf(p: Polynomial, innerRange: InnerRange): { low: Polynomial; high: Polynomial; dense: boolean } | undefined {
  let low: Polynomial = new Map();
  let high: Polynomial = new Map();
  let dense = true;
  let rest = p;
  for (const name of new Set([...p.keys()].flatMap(namesOf))) {
    const range = innerRange(name);
    if (!range) continue;
    const split = splitBy(rest, name);
    if (!range.lower || !range.upper || !isConstant(split.coefficient)) return undefined;
    const c = constantOf(split.coefficient);
    const last = add(range.upper, new Map([["", -1]]));
    low = add(low, scale(c > 0 ? range.lower : last, c));
    high = add(high, scale(c > 0 ? last : range.lower, c));
    dense &&= Math.abs(c) === 1;
    rest = split.rest;
  }
  return { low: add(low, rest), high: add(high, rest), dense };
}

/** How names in loop bounds read: numeric consts as their numbers, anything else as an invariant. */
export function boundRole(checker: ts.TypeChecker): (id: ts.Identifier) => NameRole {
  return (id) => {
    const declaration = checker.getSymbolAtLocation(id)?.valueDeclaration;
    return (declaration && literalConst(declaration)) ?? { kind: "invariant" };
  };
}

/** A `const` whose initializer is a number (or another const's name) stands for it (so that bounds such as `x0 = 3`, `m = SIZE` compare). */
export function literalConst(declaration: ts.Declaration): NameRole | undefined {
  return ts.isVariableDeclaration(declaration) && variableKind(declaration) === "const" && declaration.initializer && (ts.isNumericLiteral(skipParens(declaration.initializer)) || ts.isIdentifier(skipParens(declaration.initializer)))
    ? { kind: "alias", initializer: declaration.initializer }
    : undefined;
}

/**
 * The ranges of the variables of `for (let v = L; v < U; v++)` loops in the file of `body`, with their
 * bounds read by `bounds`; `v'` (see NameRole "inner") ranges over [0, U − L). A loop
 * `for (let v = t + c; v < U; v += omp_get_num_threads())` from the thread number `t` is `byTeam`:
 * the values of `v` are the thread's own.
 */
export function innerRanges(body: ts.Node, checker: ts.TypeChecker, bounds: (id: ts.Identifier) => NameRole = boundRole(checker)): InnerRange {
  const known = new Map<string, ReturnType<InnerRange>>();
  const range: InnerRange = (name) => {
    if (!known.has(name)) known.set(name, find(name));
    return known.get(name);
  };
  const find: InnerRange = (name) => {
    if (name.endsWith("'")) return offsetRange(range(name.slice(0, -1)));
    let found: ReturnType<InnerRange>;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isForStatement(n) && n.initializer && ts.isVariableDeclarationList(n.initializer)) {
        const d = n.initializer.declarations[0];
        if (d && ts.isIdentifier(d.name) && `${d.name.text}@${d.pos}` === name) {
          found = loopRange(d, n, bounds, checker);
          return;
        }
      }
      ts.forEachChild(n, visit);
    };
    // Names carry their declaration's position: search the file, which also holds the functions a region calls.
    visit(body.getSourceFile());
    return found;
  };
  return range;
}

/** The range of a loop variable `d` of `loop` (see innerRanges). */
function loopRange(d: ts.VariableDeclaration, loop: ts.ForStatement, bounds: (id: ts.Identifier) => NameRole, checker: ts.TypeChecker): NonNullable<ReturnType<InnerRange>> {
  const c = loop.condition && skipParens(loop.condition);
  const step = readStep(loop.incrementor, name(d));
  const relation = c && ts.isBinaryExpression(c) ? c.operatorToken.kind : undefined;
  if (!d.initializer || !c || !ts.isBinaryExpression(c) || (relation !== ts.SyntaxKind.LessThanToken && relation !== ts.SyntaxKind.LessThanEqualsToken) || !step) return {};
  // The test must be on the variable itself, and only the loop's step may change it.
  const symbol = checker.getSymbolAtLocation(d.name);
  if (!ts.isIdentifier(skipParens(c.left)) || (skipParens(c.left) as ts.Identifier).text !== name(d) || !symbol || assignedIn(loop.statement, symbol, checker)) return {};
  const inclusive = relation === ts.SyntaxKind.LessThanEqualsToken;
  const lowers = boundCandidates(d.initializer, "Math.max", bounds);
  const uppers = boundCandidates(c.right, "Math.min", bounds).map((u) => (inclusive ? add(u, new Map([["", 1]])) : u));
  // Of the bounds `Math.max`/`Math.min` give, a pair whose span is a number if there is one.
  const pair = lowers.flatMap((l) => uppers.map((u) => [l, u] as const)).find(([l, u]) => isConstant(add(u, scale(l, -1))));
  const lower = pair?.[0] ?? lowers[0];
  const upper = pair?.[1] ?? uppers[0];
  // With `Math.max`/`Math.min` the range only holds the variable's values; the real one may be narrower.
  const minMax = [d.initializer, c.right].some((e) => ts.isCallExpression(skipParens(e)));
  const known = { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}), ...(minMax ? { approximate: true } : {}) };
  if (step.literal === 1) return known;
  if (step.expression && !step.negated && lower && lower.get(THREAD_NUMBER) === 1) {
    const by = indexPolynomial(step.expression, bounds);
    if (isPolynomial(by) && by.size === 1 && by.get(TEAM_SIZE) === 1) return { ...known, byTeam: true };
  }
  return {};
}

/**
 * Polynomials that bound `e` on one side: `e` itself, or each argument of `Math.max(…)` (lower
 * bounds) or `Math.min(…)` (upper bounds), as `outer` says.
 */
function boundCandidates(e: ts.Expression, outer: "Math.max" | "Math.min", bounds: (id: ts.Identifier) => NameRole): Polynomial[] {
  const x = skipParens(e);
  const parts = ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && x.expression.getText() === outer ? [...x.arguments] : [x];
  return parts.map((a) => indexPolynomial(a, bounds)).filter(isPolynomial);
}

/** The name a loop declares. */
function name(d: ts.VariableDeclaration): string {
  return ts.isIdentifier(d.name) ? d.name.text : "";
}
