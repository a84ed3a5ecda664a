import ts from "../../typescript.cjs";
import type { Directive } from "../../2-parse/ast.js";
import { accessOf } from "../references.js";
import { dependsOnThreadNumber } from "../team-constructs.js";
import type { WorkshareAnalysis } from "../types.js";
import { calledFunction, calleeNameRole, raceReporter, shareMemory, sharedElement, type CalledFunction, type ElementAccess, type RaceContext, type RaceReporter } from "./accesses.js";
import { headerSameOnEveryThread, regionNameRole, threadGroup } from "./check-races.js";
import { add, constantOf, indexPolynomial, isConstant, isPolynomial, namesOf, samePolynomial, scale, splitBy, type NameRole, type NotPolynomial, type Polynomial } from "./index-form.js";
import { judgeWrites } from "./judge.js";
import { lockedStatements, ordersThreadsByHand } from "./locked-statements.js";
import { boundRole, innerRanges, loopParallelNames, rangesOfRoles, THREAD_NUMBER } from "./proofs.js";
import { readStep, skipParens } from "../loop-shape.js";

/** Who runs an access of a `parallel` block: every thread (or those past a condition on the thread number), one thread, or a `for` loop's iterations. */
type Runner =
  | { readonly kind: "team"; readonly some: boolean }
  | { readonly kind: "one"; readonly thread: string; readonly where: string; readonly repeats?: boolean }
  | { readonly kind: "loop"; readonly loop: WorkshareAnalysis; readonly repeats: boolean };

/** A sequential loop of the block around barriers: the stretch its iterations start in and the one they end in. */
interface Iteration {
  readonly node: ts.Node;
  readonly start: number;
  end: number;
}

/** An access of a `parallel` block, with the stretch between barriers it is in and who runs it. */
interface TeamAccess extends ElementAccess {
  readonly phase: number;
  /** The sequential loops of the block around it, innermost first. */
  readonly loops: readonly Iteration[];
  /** The lock held around it (`omp_set_lock(l)` … `omp_unset_lock(l)`), by its text. */
  readonly lock: string | undefined;
  readonly runner: Runner;
  /** The index names nothing that differs between threads or iterations: the same element wherever it runs. */
  readonly fixed: boolean;
}

/**
 * Checks the accesses of a `parallel` block that run at the same time on different threads
 * (SPEC §6): the code every thread runs, whose writes must give each thread its own elements
 * (indexed by the thread number) or be unreachable by the others' accesses until a barrier; and,
 * between barriers, the code of different runners (every thread, a `single` or `masked` block,
 * a `for` loop without a barrier after it, through `nowait`), whose writes must not meet the others'
 * accesses. A `for` loop's own iterations are checked by checkRaces. Barriers are explicit ones
 * and the ends of `for` and `single` without `nowait`; a sequential loop around barriers joins
 * the stretch after its last barrier with the one before its first.
 */
export function checkTeamRaces(
  block: ts.Block,
  constructs: readonly Directive[],
  workshares: readonly WorkshareAnalysis[],
  reducedArrays: ReadonlySet<ts.Symbol>,
  teamOutputs: ReadonlySet<ts.Symbol>,
  isThreadPrivate: (symbol: ts.Symbol) => boolean,
  ctx: RaceContext,
): void {
  const barriers = constructs.filter((d) => d.name === "barrier").map((d) => d.comment.pos).sort((a, b) => a - b);
  const loops = new Map(workshares.map((w) => [w.statement as ts.Node, w]));
  const oneThread = new Map<ts.Node, Directive>(constructs.filter((d) => d.statement && (d.name === "single" || d.name === "masked" || d.name === "master")).map((d) => [d.statement!, d]));
  const locked = lockedStatements(block);
  const fileRanges = innerRanges(block, ctx.checker, (id) => regionNameRole(id, block, block, () => undefined, ctx.checker));
  const { innerRange, record } = rangesOfRoles(fileRanges);

  // Stretches between barriers, numbered in the order the threads pass them.
  let phase = 0;
  let passed = 0;
  const barrier = () => phase++;
  let iterations: Iteration[] = [];
  const allIterations: Iteration[] = [];
  const passBarriersBefore = (pos: number) => {
    // A followed function stands elsewhere in the file: its positions say nothing of the block's barriers.
    for (; active.length === 0 && passed < barriers.length && barriers[passed]! < pos; passed++) barrier();
  };

  const accesses: TeamAccess[] = [];
  let loopVariables: ReadonlySet<string> = new Set();
  const varying = new Set<string>();
  const role = (id: ts.Identifier): NameRole => {
    const r: NameRole = record(calleeNameRole(id, ctx.checker, active) ?? (loopVariables.has(id.text) ? { kind: "parallel" } : regionNameRole(id, block, block, fileRanges, ctx.checker, (n) => loopVariables.has(n))));
    if (r.kind === "parallel") varying.add(r.name ?? id.text);
    else if (r.kind === "inner") varying.add(r.name).add(`${r.name}'`);
    return r;
  };
  let lock: string | undefined;
  let active: CalledFunction[] = [];
  const visit = (node: ts.Node, runner: Runner, assumed: boolean): void => {
    passBarriersBefore(node.getStart(ctx.sourceFile));
    if (ts.isFunctionLike(node)) return;
    const held = locked.get(node as ts.Statement);
    if (held !== undefined && lock === undefined) {
      lock = held;
      visit(node, runner, assumed);
      lock = undefined;
      return;
    }
    if (ctx.synchronized.has(node) && !oneThread.has(node)) return;
    // A construct that is not this block's (an error already, or a nested block's) is not checked here.
    if (ctx.teamStatements.has(node) && !loops.has(node) && !oneThread.has(node)) return;
    const under = assumed || ctx.assumed.has(node);
    const loop = loops.get(node);
    const one = oneThread.get(node);
    if (loop) {
      const outer = loopVariables;
      loopVariables = new Set(loop.shape.levels.map((l) => l.variable));
      // A `nowait` loop inside a sequential loop may overlap its own next instance.
      ts.forEachChild(node, (c) => visit(c, { kind: "loop", loop, repeats: loop.nowait && iterations.length > 0 }, under));
      loopVariables = outer;
      passBarriersBefore(node.end);
      if (!loop.nowait) barrier();
      return;
    }
    if (one) {
      ts.forEachChild(node, (c) => visit(c, runner.kind === "team" ? oneThreadRunner(one, iterations.length > 0) : runner, under));
      passBarriersBefore(node.end);
      if (one.name === "single" && !one.clauses.some((c) => c.kind === "nowait")) barrier();
      return;
    }
    if (ts.isSwitchStatement(node) && runner.kind === "team" && dependsOnThreadNumber(node.expression, ctx.checker)) {
      visit(node.expression, runner, under);
      visit(node.caseBlock, { kind: "team", some: true }, under);
      passBarriersBefore(node.end);
      return;
    }
    if (ts.isIfStatement(node) && runner.kind === "team" && dependsOnThreadNumber(node.expression, ctx.checker)) {
      const only = threadEquality(node.expression, role);
      visit(node.expression, runner, under);
      visit(node.thenStatement, only && !only.negated ? { kind: "one", thread: only.thread, where: `in the branch of thread ${only.thread}` } : { kind: "team", some: true }, under);
      if (node.elseStatement) visit(node.elseStatement, only?.negated ? { kind: "one", thread: only.thread, where: `in the branch of thread ${only.thread}` } : { kind: "team", some: true }, under);
      passBarriersBefore(node.end);
      return;
    }
    const element = sharedElement(node, isThreadPrivate, reducedArrays, ctx.checker, active) ?? teamScalar(node, teamOutputs, ctx.checker);
    if (element) {
      const index = element.index ?? (ts.isElementAccessExpression(node) ? indexPolynomial(node.argumentExpression, role) : new Map<string, number>());
      const fixed = isPolynomial(index) && [...index.keys()].every((m) => namesOf(m).every((n) => !varying.has(n)));
      accesses.push({ ...element, node: node as ts.Expression, index, assumed: under, phase, loops: iterations, lock, runner, fixed });
    }
    if (!ts.isIterationStatement(node, false)) {
      ts.forEachChild(node, (c) => visit(c, runner, under));
      passBarriersBefore(node.end);
      // The accesses of a function of this file that the block calls are the block's (barriers cannot stand in it).
      const called = calledFunction(node, ctx.checker, active);
      if (called) {
        active = [...active, called];
        visit(called.body, runner, under);
        active = active.slice(0, -1);
      }
      return;
    }
    const outer = iterations;
    const iteration: Iteration = { node, start: phase, end: phase };
    allIterations.push(iteration);
    iterations = [iteration, ...outer];
    ts.forEachChild(node, (c) => visit(c, runner, under));
    passBarriersBefore(node.end);
    iteration.end = phase;
    iterations = outer;
  };
  visit(block, { kind: "team", some: false }, false);

  const samePhase = (a: TeamAccess, b: TeamAccess): boolean | "maybe" => (a.lock === undefined || a.lock !== b.lock) && mayMeet(a, b, varying, allIterations, ctx.checker);
  const same = (w: ElementAccess, x: ElementAccess) => shareMemory(w, x, ctx);
  const text = (a: ElementAccess) => a.node.getText(ctx.sourceFile);
  // Locks held across statements, flags and waits can order threads in ways tsomp does not follow: what would be a proven race is then a warning.
  const reporter = ordersThreadsByHand(block, ctx.checker) ? demoted(raceReporter(ctx)) : raceReporter(ctx);
  const team = accesses.filter((a) => a.runner.kind === "team");
  judgeWrites(team, team.filter((a) => a.write && a.lock === undefined), threadGroup<TeamAccess>(innerRange, samePhase, (w) => w.runner.kind === "team" && w.runner.some), same, reporter, text);

  // Accesses of different runners between the same barriers.
  for (const w of accesses.filter((a) => a.write)) {
    for (const x of accesses) {
      if ((x === w && !repeats(w.runner)) || !concurrent(w, x) || !same(w, x) || sameStaticIteration(w, x, ctx.checker)) continue;
      const meet = samePhase(w, x);
      if (!meet) continue;
      if (w.fixed && x.fixed && w.array === x.array && isPolynomial(w.index) && isPolynomial(x.index)) {
        const d = add(w.index, scale(x.index, -1));
        if (d.size > 0 && isConstant(d)) continue;
        if (d.size === 0 && meet === true) {
          reporter.error(w, `'${text(w)}' ${where(w.runner)} and '${text(x)}' ${where(x.runner)} use the same element, and no barrier separates them.`, "Put a 'barrier' between them (or drop the 'nowait' that removed it), or use 'atomic' or 'critical'.", x);
          break;
        }
      }
      reporter.warn(w, `'${text(x)}' ${where(x.runner)} may use the same elements at the same time, as no barrier separates them`, "threads");
      break;
    }
  }
}

/** The runner of a `single` or `masked` block; a `single nowait` in a sequential loop (`inLoop`) may overlap its next instance on another thread. */
function oneThreadRunner(d: Directive, inLoop: boolean): Runner {
  if (d.name === "single") return { kind: "one", thread: `single ${d.comment.pos}`, where: "in the 'single' block", repeats: inLoop && d.clauses.some((c) => c.kind === "nowait") };
  const filter = d.clauses.find((c) => c.kind === "filter");
  // Thread numbers are compared as numbers written out; any other filter is a thread of its own.
  const thread = !filter || filter.kind !== "filter" ? "0" : filter.value.literal !== undefined ? String(filter.value.literal) : `masked ${d.comment.pos}`;
  return { kind: "one", thread, where: `in the '${d.name}' block` };
}

/** True for a runner whose accesses may meet its own next instance (see oneThreadRunner and the `for` runner). */
function repeats(r: Runner): boolean {
  return r.kind !== "team" && !!r.repeats;
}

/** `t === k` / `t !== k` (or `==`, `!=`, either way round) for the thread number `t` and a value `k` that does not depend on it. */
function threadEquality(e: ts.Expression, role: (id: ts.Identifier) => NameRole): { thread: string; negated: boolean } | undefined {
  const c = skipParens(e);
  if (!ts.isBinaryExpression(c)) return undefined;
  const op = c.operatorToken.kind;
  const negated = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (!negated && op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  const isThread = (x: ts.Expression) => {
    const p = indexPolynomial(x, role);
    return isPolynomial(p) && p.size === 1 && p.get(THREAD_NUMBER) === 1;
  };
  const isConstantValue = (x: ts.Expression) => {
    const p = indexPolynomial(x, role);
    return isPolynomial(p) && [...p.keys()].every((m) => !namesOf(m).includes(THREAD_NUMBER));
  };
  // Thread numbers are compared as numbers written out; any other value names a thread of its own.
  const name = (x: ts.Expression) => (ts.isNumericLiteral(skipParens(x)) ? String(Number((skipParens(x) as ts.NumericLiteral).text)) : `branch ${c.pos}`);
  if (isThread(c.left) && isConstantValue(c.right)) return { thread: name(c.right), negated };
  if (isThread(c.right) && isConstantValue(c.left)) return { thread: name(c.left), negated };
  return undefined;
}

/**
 * True when two accesses' runners can make them at the same time on different threads (the
 * team's among themselves, unless one holds a lock the other does not, and a loop's own
 * iterations are judged elsewhere).
 */
function concurrent(x: TeamAccess, y: TeamAccess): boolean {
  const [a, b] = [x.runner, y.runner];
  if (a.kind === "team" && b.kind === "team") return x.lock !== y.lock;
  if (a.kind === "loop" && b.kind === "loop") return a.loop !== b.loop || a.repeats;
  if (a.kind === "one" && b.kind === "one") return a.thread !== b.thread || !!a.repeats;
  return true;
}

/** Where an access runs, for messages. */
function where(r: Runner): string {
  if (r.kind === "team") return r.some ? "in code that several threads may run" : "in code every thread runs";
  if (r.kind === "one") return r.where;
  return "in a 'for' loop";
}

/**
 * Whether two accesses may run at the same time on different threads as far as barriers go: in
 * the same stretch, or in the last and first stretches of a sequential loop around barriers, whose
 * iterations overlap there (the end of one with the start of the next); not when they are in
 * such stretches of a loop `for (let v = …; …; v += s)` that every thread runs alike and their
 * indexes, at `v` and at `v + s`, provably differ; or before and after such a loop when it may run
 * no iteration.
 */
function mayMeet(a: TeamAccess, b: TeamAccess, varying: ReadonlySet<string>, iterations: readonly Iteration[], checker: ts.TypeChecker): boolean | "maybe" {
  if (a.phase === b.phase) return true;
  // A loop around barriers that may run no iteration leaves the code before it and after it together.
  const skipped = iterations.some((l) => l.start !== l.end && !a.loops.includes(l) && !b.loops.includes(l) && ((a.phase === l.start && b.phase === l.end) || (a.phase === l.end && b.phase === l.start)) && !runsAtLeastOnce(l.node));
  if (skipped) return "maybe";
  // Every loop around both whose iterations overlap there must keep them apart.
  return a.loops
    .filter((l) => b.loops.includes(l) && l.start !== l.end && ((a.phase === l.end && b.phase === l.start) || (a.phase === l.start && b.phase === l.end)))
    .some((loop) => {
      const [tail, head] = a.phase === loop.end ? [a, b] : [b, a];
      const step = uniformStep(loop.node, checker);
      if (!step || !isPolynomial(tail.index) || !isPolynomial(head.index)) return true;
      const shifted = shift(head.index, step.variable, step.step);
      const d = shifted && add(tail.index, scale(shifted, -1));
      const others = [...tail.index.keys(), ...head.index.keys()].flatMap(namesOf).filter((n) => n !== step.variable);
      return !(d && d.size > 0 && isConstant(d) && others.every((n) => !varying.has(n)));
    });
}

/** The variable (as named in polynomials) and literal step of a `for (let v = …; …; v++ | v += s …)` whose parts do not depend on the thread number. */
function uniformStep(node: ts.Node, checker: ts.TypeChecker): { variable: string; step: number } | undefined {
  if (!ts.isForStatement(node) || !node.initializer || !ts.isVariableDeclarationList(node.initializer)) return undefined;
  const d = node.initializer.declarations[0];
  if (!d || !ts.isIdentifier(d.name) || !headerSameOnEveryThread(node, checker)) return undefined;
  const step = readStep(node.incrementor, d.name.text)?.literal;
  return step === undefined ? undefined : { variable: `${d.name.text}@${d.pos}`, step };
}

/** p with `v` replaced by `v + by`, when p is linear in `v` with a number for its coefficient. */
function shift(p: Polynomial, v: string, by: number): Polynomial | undefined {
  const { coefficient } = splitBy(p, v);
  if (!isConstant(coefficient)) return undefined;
  return add(p, new Map([["", constantOf(coefficient) * by]]));
}

/**
 * True when two accesses in different `for` loops are made in the same logical iteration, so by
 * the same thread: both loops are `schedule(static)` with the same chunk, one level each, the
 * same number of iterations and step, and the indexes are equal as functions of the iteration
 * number (OpenMP assigns such loops' iterations to threads alike, which is what makes `nowait`
 * between them safe).
 */
function sameStaticIteration(a: TeamAccess, b: TeamAccess, checker: ts.TypeChecker): boolean {
  if (a.runner.kind !== "loop" || b.runner.kind !== "loop" || !isPolynomial(a.index) || !isPolynomial(b.index)) return false;
  const la = a.runner.loop;
  const lb = b.runner.loop;
  // Two instances of one loop (a `nowait` loop in a sequential loop) differ in what is around them.
  if (la === lb) return false;
  // Bounds must be read exactly (a `Math.min` bound gives only a bound on the count).
  const exact = (e: ts.Expression) => isPolynomial(indexPolynomial(e, boundRole(checker)));
  const static_ = (l: WorkshareAnalysis) => l.schedule.kind === "static" && l.shape.levels.length === 1 && exact(l.shape.levels[0]!.lower) && exact(l.shape.levels[0]!.upper);
  if (!static_(la) || !static_(lb) || la.schedule.chunk?.text !== lb.schedule.chunk?.text) return false;
  const [va, vb] = [loopParallelNames(la.shape.levels, checker), loopParallelNames(lb.shape.levels, checker)];
  const [na, nb] = [la.shape.levels[0]!, lb.shape.levels[0]!];
  const [ca, cb] = [va.get(na.variable)!, vb.get(nb.variable)!];
  if (ca.step === undefined || ca.step !== cb.step || !ca.count || !cb.count || !samePolynomial(ca.count, cb.count)) return false;
  const ka = byIteration(a.index, na.variable, na.lower, ca.step, checker);
  const kb = byIteration(b.index, nb.variable, nb.lower, cb.step, checker);
  return !!ka && !!kb && samePolynomial(ka, kb);
}

/** An index as a function of the logical iteration number `k` of its loop (`v = lower + k·step`), when it is linear in `v`. */
function byIteration(p: Polynomial, v: string, lower: ts.Expression, step: number, checker: ts.TypeChecker): Polynomial | undefined {
  const { coefficient, rest } = splitBy(p, v);
  const start = indexPolynomial(lower, boundRole(checker));
  if (!isConstant(coefficient) || !isPolynomial(start)) return undefined;
  const c = constantOf(coefficient);
  return add(add(rest, scale(start, c)), new Map([["#k", c * step]]));
}

/** A reporter that warns where `reporter` would report a proven race, saying why it cannot be sure, with the other access as a note. */
function demoted(reporter: RaceReporter): RaceReporter {
  return {
    error: (a, detail, _fix, other) => reporter.warn(a, `${detail.replace(/\.$/, "")}, unless the locks, flags or waits with which the block orders its threads by hand keep them apart (tsomp does not follow those)`, "threads", other),
    warn: reporter.warn,
  };
}

/**
 * A use of a variable that a `for` of the block reduces or lastprivatizes for the team: the loop
 * combines it, so another thread's use of it between the same barriers races with that (as one
 * element of memory).
 */
function teamScalar(node: ts.Node, teamOutputs: ReadonlySet<ts.Symbol>, checker: ts.TypeChecker): { array: ts.Symbol; write: boolean; index?: NotPolynomial } | undefined {
  if (!ts.isIdentifier(node) || teamOutputs.size === 0) return undefined;
  const symbol = checker.getSymbolAtLocation(node);
  if (!symbol || !teamOutputs.has(symbol)) return undefined;
  const access = accessOf(node).access;
  return { array: symbol, write: access === "write" || access === "update" };
}

/** True for a `do` loop, or a `for (let v = A; v < B; …)` (or `<=`) whose bounds are numbers that let it run once. */
function runsAtLeastOnce(node: ts.Node): boolean {
  if (ts.isDoStatement(node)) return true;
  if (!ts.isForStatement(node) || !node.initializer || !ts.isVariableDeclarationList(node.initializer) || !node.condition) return false;
  const start = node.initializer.declarations[0]?.initializer;
  const c = skipParens(node.condition);
  if (!start || !ts.isNumericLiteral(skipParens(start)) || !ts.isBinaryExpression(c) || !ts.isNumericLiteral(skipParens(c.right))) return false;
  const [a, b] = [Number((skipParens(start) as ts.NumericLiteral).text), Number((skipParens(c.right) as ts.NumericLiteral).text)];
  return c.operatorToken.kind === ts.SyntaxKind.LessThanToken ? a < b : c.operatorToken.kind === ts.SyntaxKind.LessThanEqualsToken ? a <= b : false;
}
