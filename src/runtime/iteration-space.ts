import type { Relation } from "./abi.js";
import { ompError } from "./errors.js";

/** One loop of a nest, with its trip count. */
export interface LoopRange {
  readonly lower: number;
  readonly step: number;
  readonly count: number;
}

/**
 * The number of iterations of `for (v = lower; v REL upper; v += step)` (SPEC §3), after checking
 * that the bounds and step are safe integers and that the step moves toward the bound. Throws the
 * OMP4001/OMP4002 errors before any iteration runs.
 */
export function tripCount(at: string, relation: Relation, lower: unknown, upper: unknown, step: unknown): number {
  const lb = safeInteger(at, "lower bound", lower);
  const ub = safeInteger(at, "upper bound", upper);
  const s = safeInteger(at, "step", step);
  const up = relation === "<" || relation === "<=" || (relation === "!=" && s > 0);
  if (s === 0 || (relation !== "!=" && up !== s > 0)) throw ompError("StepDoesNotReachBound", { at, step: String(s) });
  let n: number;
  switch (relation) {
    case "<": n = ub > lb ? Math.ceil((ub - lb) / s) : 0; break;
    case "<=": n = ub >= lb ? Math.floor((ub - lb) / s) + 1 : 0; break;
    case ">": n = lb > ub ? Math.ceil((lb - ub) / -s) : 0; break;
    case ">=": n = lb >= ub ? Math.floor((lb - ub) / -s) + 1 : 0; break;
    case "!=":
      if (s !== 1 && s !== -1) throw ompError("StepDoesNotReachBound", { at, step: String(s) });
      if ((ub - lb) * s < 0) throw ompError("StepDoesNotReachBound", { at, step: String(s) });
      n = Math.abs(ub - lb);
      break;
  }
  if (n > 0 && !Number.isSafeInteger(lb + (n - 1) * s)) throw ompError("BoundNotSafeInteger", { at, what: "last value", value: String(lb + (n - 1) * s) });
  return n;
}

/** `value` when it is a safe integer; otherwise throws OMP4001 naming what it is. */
function safeInteger(at: string, what: string, value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  throw ompError("BoundNotSafeInteger", { at, what, value: typeof value === "number" ? String(value) : `${String(value)} (${typeof value})` });
}
