/**
 * Shared by the examples: runs a kernel a few times after a warm-up and prints one line that the
 * examples runner reads: `RESULT {"checksum":…,"ms":…}` with the median time in milliseconds.
 */
export function report(name: string, repeats: number, kernel: () => number): void {
  kernel();
  const times: number[] = [];
  let checksum = 0;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    checksum = kernel();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = times[times.length >> 1]!;
  console.log(`${name}: checksum ${checksum}, median ${ms.toFixed(1)} ms`);
  console.log(`RESULT ${JSON.stringify({ checksum, ms })}`);
}
