import os from "node:os";

/**
 * Times `call` the EPCC way: warms it up (at least 300 ms and 1000 calls, so that workers have
 * booted and the JIT has settled), picks `reps` so that `reps` calls in a row last at least 20 ms,
 * then takes 9 samples of `reps` calls and returns the median time per call in microseconds. A
 * call that returns a promise (the piscina round trip) is awaited; one that does not is timed
 * without awaiting anything.
 */
export async function perCall(call: () => unknown): Promise<number> {
  return (await perCalls([call]))[0]!;
}

/**
 * Times several calls as perCall does, taking their samples in turn (one of each, nine times), so
 * that a machine that speeds up or slows down during the run (a VM's core shared with a neighbour)
 * shifts every call's samples alike and the differences between the calls stay meaningful.
 */
export async function perCalls(calls: readonly (() => unknown)[]): Promise<number[]> {
  const reps = [];
  for (const call of calls) {
    const warm = performance.now();
    for (let done = 0; done < 1000 || performance.now() - warm < 300; done += 100) await repeat(call, 100);
    let r = 1;
    for (;;) {
      const t = performance.now();
      await repeat(call, r);
      if (performance.now() - t >= 20) break;
      r *= 2;
    }
    reps.push(r);
  }
  const samples: number[][] = calls.map(() => []);
  for (let s = 0; s < 9; s++) {
    for (let c = 0; c < calls.length; c++) {
      const t = performance.now();
      await repeat(calls[c]!, reps[c]!);
      samples[c]!.push(((performance.now() - t) * 1000) / reps[c]!);
    }
  }
  return samples.map((list) => list.sort((a, b) => a - b)[4]!);
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
