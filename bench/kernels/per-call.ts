import os from "node:os";

/**
 * Times `call` the EPCC way: warms it up (at least 300 ms and 1000 calls, so that workers have
 * booted and the JIT has settled), picks `reps` so that `reps` calls in a row last at least 20 ms,
 * then takes 9 samples of `reps` calls and returns the median time per call in microseconds. A
 * call that returns a promise (the piscina round trip) is awaited; one that does not is timed
 * without awaiting anything.
 */
export async function perCall(call: () => unknown): Promise<number> {
  const warm = performance.now();
  for (let calls = 0; calls < 1000 || performance.now() - warm < 300; calls += 100) await repeat(call, 100);
  let reps = 1;
  for (;;) {
    const t = performance.now();
    await repeat(call, reps);
    if (performance.now() - t >= 20) break;
    reps *= 2;
  }
  const samples: number[] = [];
  for (let s = 0; s < 9; s++) {
    const t = performance.now();
    await repeat(call, reps);
    samples.push(((performance.now() - t) * 1000) / reps);
  }
  samples.sort((a, b) => a - b);
  return samples[4]!;
}

/** Calls `call` `reps` times, awaiting the results that are promises. */
async function repeat(call: () => unknown, reps: number): Promise<void> {
  for (let r = 0; r < reps; r++) {
    const value = call();
    if (value instanceof Promise) await value;
  }
}

/** The team size the program runs with: OMP_NUM_THREADS, else the number of cores. */
export function teamSize(): number {
  const n = Number(process.env.OMP_NUM_THREADS);
  return Number.isSafeInteger(n) && n > 0 ? n : os.availableParallelism();
}

/** Prints one result line for the benchmark runner. */
export function result(values: Record<string, number | string>): void {
  console.log(`RESULT ${JSON.stringify(values)}`);
}
