import { isPolynomial, namesOf } from "./index-form.js";
import type { ElementAccess, RaceReporter } from "./accesses.js";
import { compare, ownElements, type InnerRange, type ParallelNames } from "./proofs.js";

/** How one group of units that run at the same time (a loop's iterations, a team's threads) is judged and described. */
export interface UnitGroup<A extends ElementAccess = ElementAccess> {
  /** The names that differ between units. */
  readonly parallel: ParallelNames;
  readonly innerRange: InnerRange;
  /** "iterations" or "threads", for warnings. */
  readonly units: string;
  /** Whether two accesses can happen at the same time in different units (false when a barrier separates them; "maybe" when one may not: only a warning then). */
  readonly mayMeet: (w: A, x: A) => boolean | "maybe";
  /** The error for a write whose index ignores some parallel names (`missing`), or undefined to warn with `sharedWarning` instead (the loop's never does). */
  readonly sharedError: (w: A, missing: readonly string[]) => { detail: string; fix: string } | undefined;
  readonly sharedWarning: string;
  /** The error for a write that unit `from` makes and unit `to` reads or writes as `other`. */
  readonly dependence: (from: string, to: string, w: string, other: string, otherWrites: boolean) => { detail: string; fix: string };
}

/**
 * Judges `writes` (some of the writes of `accesses`) against the group: a write whose index does not give each unit
 * its own elements is an error (every unit writes the same ones) or a warning (undecided); a write
 * that another access of another unit may meet is an error when they provably meet, else a warning.
 */
export function judgeWrites<A extends ElementAccess>(
  accesses: readonly A[],
  writes: readonly A[],
  group: UnitGroup<A>,
  sameMemory: (w: A, x: A) => boolean,
  reporter: RaceReporter,
  text: (a: ElementAccess) => string,
): void {
  for (const w of writes) {
    if (!isPolynomial(w.index)) {
      reporter.warn(w, w.index.why, group.units);
      continue;
    }
    const own = ownElements(w.index, group.parallel, group.innerRange);
    if (own === "shared") {
      const index = w.index;
      const missing = [...group.parallel.keys()].filter((v) => ![...index.keys()].some((m) => namesOf(m).includes(v)));
      // An offset from a start that moves with a parallel name, within bounds read from Math.min/Math.max, may still depend on it.
      const moving = [...index.keys()].flatMap(namesOf).some((n) => n.endsWith("'") && group.innerRange(n)?.approximate);
      const e = moving ? undefined : group.sharedError(w, missing);
      if (e) reporter.error(w, e.detail, e.fix);
      else reporter.warn(w, moving ? "the index depends on the parallel variable only through an inner loop whose bounds use Math.min or Math.max" : group.sharedWarning, group.units);
      continue;
    }
    if (typeof own === "string") {
      reporter.warn(w, own, group.units);
      continue;
    }
    for (const x of accesses) {
      const meet = x !== w && group.mayMeet(w, x);
      if (!meet || !sameMemory(x, w)) continue;
      const verdict = x.array === w.array ? compare(w.index, x.index, group.parallel, group.innerRange, group.units.replace(/s$/, "")) : { kind: "unknown" as const, why: `'${x.array.name}' may view the same memory as '${w.array.name}'` };
      if (verdict.kind === "apart") continue;
      if (verdict.kind === "race") {
        const e = group.dependence(verdict.from, verdict.to, text(w), text(x), x.write);
        if (meet === "maybe") reporter.warn(w, `${e.detail.replace(/\.$/, "")}, when a loop with a barrier between them runs no iteration`, group.units);
        else reporter.error(w, e.detail, e.fix, x);
        break;
      }
      reporter.warn(w, `${verdict.why} ('${text(x)}')`, group.units);
      break;
    }
  }
}
