/**
 * Shared by the examples: warms a kernel up (at least 3 runs and 0.3 s, so that the JIT has
 * settled), times it for at least 7 runs and 1 s, and prints one line that the examples runner
 * reads: `RESULT {"checksum":…,"ms":…}` with the median time in milliseconds.
 */
export function report(name: string, kernel: () => number): void {
  const warm = performance.now();
  for (let r = 0; r < 3 || performance.now() - warm < 300; r++) kernel();
  const times: number[] = [];
  let checksum = 0;
  const start = performance.now();
  while (times.length < 7 || performance.now() - start < 1000) {
    const t = performance.now();
    checksum = kernel();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ms = times[times.length >> 1]!;
  console.log(`${name}: checksum ${checksum}, median ${ms.toFixed(1)} ms over ${times.length} runs`);
  console.log(`RESULT ${JSON.stringify({ checksum, ms })}`);
}
