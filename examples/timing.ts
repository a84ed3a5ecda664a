/**
 * Shared by the examples and the benchmarks: warms a kernel up (at least 3 runs and 0.3 s, so that
 * the JIT has settled), times it for at least 7 runs and 1 s, and prints one line that the runners
 * read: `RESULT {"checksum":…,"ms":…}` with the median time in milliseconds. A kernel may return a
 * promise (the piscina benchmarks do); one that returns a number is timed without awaiting anything.
 */
export async function report(name: string, kernel: () => number | Promise<number>): Promise<void> {
  // TIMING_QUICK=1 (set by `npm run examples -- --quick`) checks the result with one run, not timings worth reading.
  const quick = process.env.TIMING_QUICK === "1";
  const warm = performance.now();
  for (let r = 0; !quick && (r < 3 || performance.now() - warm < 300); r++) {
    const result = kernel();
    if (typeof result !== "number") await result;
  }
  const times: number[] = [];
  let checksum = 0;
  const start = performance.now();
  while (times.length < (quick ? 1 : 7) || (!quick && performance.now() - start < 1000)) {
    const t = performance.now();
    const result = kernel();
    checksum = typeof result === "number" ? result : await result;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ms = times[times.length >> 1]!;
  console.log(`${name}: checksum ${checksum}, median ${ms.toFixed(1)} ms over ${times.length} runs`);
  console.log(`RESULT ${JSON.stringify({ checksum, ms })}`);
}
