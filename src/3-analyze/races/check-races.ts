import ts from "../../typescript.cjs";
import { assignedIn, mentionsThrough } from "../references.js";
import { contains, declarationOf, variableKind } from "../scope.js";
import type { LoopShape } from "../types.js";
import { calledFunction, calleeNameRole, raceReporter, shareMemory, sharedElement, type CalledFunction, type ElementAccess, type RaceContext } from "./accesses.js";
import { indexPolynomial, isPolynomial, namesOf, type NameRole } from "./index-form.js";
import { judgeWrites, type UnitGroup } from "./judge.js";
import { lockedStatements } from "./locked-statements.js";
import { dependsOnThreadNumber } from "../team-constructs.js";
import { innerRanges, literalConst, loopParallelNames, onlyOnce, rangesOfRoles, TEAM_SIZE, THREAD_NUMBER, type InnerRange } from "./proofs.js";


/**
 * Checks that different iterations of a parallel loop (SPEC §6) never touch the same element of a
 * shared typed array where one of them writes it. Each index is read as a polynomial over the
 * parallel loop variables, inner loop variables (with their ranges) and loop invariants. A write
 * whose index provably repeats across iterations (it does not depend on the loop variable, or two
 * accesses differ by a multiple of its step) is an error naming both accesses; an index the
 * analysis cannot read or decide is a warning that says why. Accesses inside synchronizing
 * constructs, to arrays that are reduced, and to arrays of the body itself (or of `threadScope`,
 * the `parallel` block around a `for`, whose arrays each thread has its own of) are not checked.
 */
export function checkRaces(shape: LoopShape, reducedArrays: ReadonlySet<ts.Symbol>, ctx: RaceContext, threadScope: ts.Node = shape.body): void {
  const parallel = loopParallelNames(shape.levels, ctx.checker);
  const fileRanges = innerRanges(shape.body, ctx.checker, (id) => (parallel.has(id.text) ? { kind: "invariant" } : regionNameRole(id, shape.body, threadScope, () => undefined, ctx.checker)));
  const { innerRange, record } = rangesOfRoles(fileRanges);
  let active: CalledFunction[] = [];
  const role = (id: ts.Identifier): NameRole =>
    record(calleeNameRole(id, ctx.checker, active) ?? (parallel.has(id.text) ? { kind: "parallel" } : regionNameRole(id, shape.body, threadScope, fileRanges, ctx.checker, (n) => parallel.has(n))));
  const accesses: ElementAccess[] = [];
  const isOwn = (_: ts.Symbol, d: ts.Node) => contains(threadScope, d) || contains(shape.body, d);
  const visit = (node: ts.Node, assumed: boolean): void => {
    if (ctx.synchronized.has(node) || ts.isFunctionLike(node)) return;
    const under = assumed || ctx.assumed.has(node);
    const element = sharedElement(node, isOwn, reducedArrays, ctx.checker, active);
    if (element) accesses.push({ ...element, node: node as ts.Expression, index: element.index ?? indexPolynomial((node as ts.ElementAccessExpression).argumentExpression, role), assumed: under });
    ts.forEachChild(node, (c) => visit(c, under));
    // The accesses of a function of this file that the loop calls are the loop's.
    const called = calledFunction(node, ctx.checker, active);
    if (called) {
      active = [...active, called];
      visit(called.body, under);
      active = active.slice(0, -1);
    }
  };
  visit(shape.body, false);
  const locked = lockedStatements(shape.body);
  const text = (a: ElementAccess) => a.node.getText(ctx.sourceFile);
  const checked = accesses.filter((a) => ![...locked.keys()].some((s) => contains(s, a.node)));
  const same = (w: ElementAccess, x: ElementAccess) => shareMemory(w, x, ctx);
  const reporter = raceReporter(ctx);
  // A write indexed by the thread number alone is each thread's own element: the thread's iterations run one after another.
  const names = new Map(checked.map((a) => [a, isPolynomial(a.index) ? [...a.index.keys()].flatMap(namesOf) : []]));
  const byThread = (a: ElementAccess) => names.get(a)!.includes(THREAD_NUMBER);
  const byLoop = (a: ElementAccess) => names.get(a)!.some((n) => parallel.has(n));
  for (const a of checked.filter((a) => a.write && byThread(a) && byLoop(a))) {
    reporter.warn(a, "the index mixes the loop variable with the thread number, which differ in unrelated ways");
  }
  judgeWrites(checked, checked.filter((a) => a.write && byThread(a) && !byLoop(a)), threadGroup(innerRange, () => true), same, reporter, text);
  judgeWrites(
    checked,
    checked.filter((a) => a.write && !byThread(a)),
    {
      parallel,
      innerRange,
      units: "iterations",
      mayMeet: () => true,
      sharedError: (w, missing) => ({
        detail: `iterations write the same elements with '${text(w)}': its index does not depend on ${missing.filter((v) => !onlyOnce(parallel.get(v)!)).map((v) => `'${v}'`).join(" or ")}.`,
        fix: "Write each element from one iteration, or use a reduction, 'atomic' or 'critical'.",
      }),
      sharedWarning: "every iteration writes the same elements",
      dependence: (from, to, w, other, writes) => ({
        detail: `iteration ${from} writes '${w}', which iteration ${to} ${writes ? "writes" : "reads"} as '${other}' (a dependence between iterations).`,
        fix: "Iterations of a parallel loop must not depend on each other: read from one array and write another, or use 'ordered'.",
      }),
    },
    same,
    reporter,
    text,
  );
}

/**
 * What a name in an index is, seen from `body` (a loop's body, or a `parallel` block) in a region
 * whose threads each have their own `threadScope` (the body, or the `parallel` block around it),
 * for names that are not loop variables (`isParallel` says which are): the thread number (`omp_get_thread_num`); an invariant
 * (declared outside the thread scope and not assigned in the body; a numeric const as its
 * number); an alias (a variable of the thread scope initialized once and never assigned); an inner
 * loop's variable with its range; or unknown.
 */
export function regionNameRole(id: ts.Identifier, body: ts.Node, threadScope: ts.Node, innerRange: InnerRange, checker: ts.TypeChecker, isParallel: (name: string) => boolean = () => false): NameRole {
  if (id.text === "omp_get_thread_num") return { kind: "parallel", name: THREAD_NUMBER };
  if (id.text === "omp_get_num_threads") return { kind: "invariant", name: TEAM_SIZE };
  const symbol = checker.getSymbolAtLocation(id);
  const declaration = symbol && declarationOf(symbol);
  if (!symbol || !declaration) return { kind: "unknown", why: `'${id.text}' is not a variable tsomp can follow` };
  const inBody = contains(body, declaration);
  const own = inBody || contains(threadScope, declaration);
  let assignedInBody: boolean | undefined;
  const changesInBody = () => (assignedInBody ??= assignedIn(body, symbol, checker));
  if (own && ts.isVariableDeclaration(declaration) && declaration.initializer && (variableKind(declaration) === "const" || !(inBody ? changesInBody() : assignedIn(threadScope, symbol, checker)))) {
    return { kind: "alias", initializer: declaration.initializer };
  }
  if (changesInBody()) {
    const name = `${id.text}@${declaration.pos}`;
    const range = innerRange(name);
    if (range?.byTeam && ts.isVariableDeclaration(declaration) && declaration.initializer) return { kind: "alias", initializer: declaration.initializer };
    // A loop that starts from a parallel name (a tile `for (let c = 16 * t; …)`) reads as that start plus an offset.
    const startsFromParallel = range?.lower && [...range.lower.keys()].some((m) => namesOf(m).some((n) => n === THREAD_NUMBER || isParallel(n)));
    if (startsFromParallel) return { kind: "inner", name, ...range, from: range.lower };
    // Bounds that move with a parallel name would make an index that does not name it differ between units all the same.
    if (range?.lower && range.upper && !boundsMentionParallel(declaration, isParallel, checker)) return { kind: "inner", name, ...range };
    if (range) return { kind: "unknown", why: range.lower && range.upper ? `the range of '${id.text}' depends on the loop variable` : `tsomp cannot read the bounds of '${id.text}'` };
    return { kind: "unknown", why: inBody ? `'${id.text}' is a variable of the body that tsomp does not follow` : `'${id.text}' changes inside the loop` };
  }
  if (own && !uniformLoopVariable(declaration, checker)) return { kind: "unknown", why: `'${id.text}' may differ between threads` };
  return literalConst(declaration) ?? { kind: "invariant" };
}

/** True when the loop that declares `declaration` has bounds that name a parallel name or the thread number, directly or through variables' initializers. */
function boundsMentionParallel(declaration: ts.Node, isParallel: (name: string) => boolean, checker: ts.TypeChecker): boolean {
  const loop = declaration.parent?.parent;
  if (!loop || !ts.isForStatement(loop)) return false;
  return [loop.initializer, loop.condition].some((part) => part && mentionsThrough(part, checker, (n) => isParallel(n) || n === "omp_get_thread_num"));
}

/** True for the variable of a sequential `for` loop whose start, test and step do not depend on the thread number: every thread has the same value. */
function uniformLoopVariable(declaration: ts.Node, checker: ts.TypeChecker): boolean {
  const loop = declaration.parent?.parent;
  if (!ts.isVariableDeclaration(declaration) || !loop || !ts.isForStatement(loop) || loop.initializer !== declaration.parent) return false;
  return headerSameOnEveryThread(loop, checker);
}

/** True when a `for` loop's start, test and step do not depend on the thread number: every thread runs it alike. */
export function headerSameOnEveryThread(loop: ts.ForStatement, checker: ts.TypeChecker): boolean {
  return ![loop.initializer, loop.condition, loop.incrementor].some((part) => part && dependsOnThreadNumber(part, checker));
}

/** The threads of a team as units: the thread number is what differs between them. */
export function threadGroup<A extends ElementAccess>(innerRange: InnerRange, mayMeet: UnitGroup<A>["mayMeet"], some: (w: A) => boolean = () => false): UnitGroup<A> {
  return {
    parallel: new Map([[THREAD_NUMBER, { step: 1 }]]),
    innerRange,
    units: "threads",
    mayMeet,
    sharedError: (w) =>
      some(w)
        ? undefined
        : {
            detail: ts.isElementAccessExpression(w.node) ? `every thread writes '${w.node.getText()}': its index does not depend on the thread number.` : `every thread writes '${w.node.getText()}'.`,
            fix: "Let one thread write it ('single' or 'masked'), give each thread its own element (index it by omp_get_thread_num()), or use 'atomic' or 'critical'.",
          },
    sharedWarning: "the threads that pass a condition on the thread number all write it, and there may be more than one",
    dependence: (from, to, w, other, writes) => ({
      detail: `thread ${from.replace(THREAD_NUMBER, "t")} writes '${w}', which thread ${to.replace(THREAD_NUMBER, "t")} ${writes ? "writes" : "reads"} as '${other}', and no barrier separates them.`,
      fix: "Put a 'barrier' between the write and the other thread's access, or give each thread its own elements.",
    }),
  };
}

