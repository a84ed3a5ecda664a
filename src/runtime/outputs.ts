import type { RegionRecord } from "./region-record.js";

/** One thread's contribution to a region's outputs. */
export interface Contribution {
  readonly set: boolean;
  readonly value: unknown;
  readonly position: number;
}

/**
 * The final value of output `slot`: for a reduction, the original combined with every
 * contribution in thread order; for a lastprivate, the contribution with the latest position
 * (only the thread that ran iteration N−1 contributes to a plain one); the original when no
 * thread contributed.
 */
export function finalOutput(record: RegionRecord, slot: number, original: unknown, contributions: readonly Contribution[]): unknown {
  const combine = record.combiners[slot];
  if (combine) {
    let acc = original;
    for (const c of contributions) if (c.set) acc = combine(acc, c.value);
    return acc;
  }
  let best: Contribution | undefined;
  for (const c of contributions) if (c.set && (!best || c.position > best.position)) best = c;
  return best ? best.value : original;
}

/** The result a `parallelFor` call returns: nothing, the one output, or the frame's array of outputs. */
export function callResult(out: unknown[]): unknown {
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}
