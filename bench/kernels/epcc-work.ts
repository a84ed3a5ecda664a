// The work of EPCC's scheduling benchmarks, shared by tsomp's version (epcc.ts) and the
// hand-written floor (bench/floor/dynamic-chunk.ts), so that both time the same iterations.

/** Iterations per thread in the scheduling benchmarks. */
export const ITERATIONS_PER_THREAD = 1024;
/** Steps of `delay`: about a quarter of a microsecond of arithmetic per iteration. */
const DELAY = 100;

/** Some arithmetic the compiler cannot drop (EPCC's `delay`). */
export function delay(seed: number): number {
  let x = seed;
  for (let k = 0; k < DELAY; k++) x = x * 0.999999 + 1;
  return x;
}
