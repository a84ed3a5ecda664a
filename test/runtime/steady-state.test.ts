import { expect, it } from "vitest";
import { runProgram } from "../helpers/program.js";

/**
 * The performance promise that a test can hold without timing anything: once warm, a region over
 * arrays on shared memory allocates nothing on any thread (so it never makes the garbage
 * collector run) — statically and dynamically scheduled, with a reduction, and reducing an array.
 * Each thread reads its own heap size around windows of regions, after a warm-up long enough for
 * V8 to optimize the runtime (before that, thread 0 allocates about 16 bytes per region); the
 * young generation is made large enough that no scavenge can hide an allocation, and --trace-gc
 * shows whether any collection ran.
 */
it("regions over shared arrays allocate nothing in the steady state, on any thread", async () => {
  const source = `import v8 from "node:v8";
const p = 2;
const used = new Float64Array(p);
function sample(out: Float64Array): void {
  // @omp parallel for schedule(static, 1)
  for (let t = 0; t < out.length; t++) out[t] = v8.getHeapStatistics().used_heap_size;
}
function staticSum(a: Float64Array): number {
  let sum = 0;
  // @omp parallel for reduction(+:sum)
  for (let i = 0; i < a.length; i++) sum += a[i]!;
  return sum;
}
function dynamicSum(a: Float64Array): number {
  let sum = 0;
  // @omp parallel for reduction(+:sum) schedule(dynamic, 4)
  for (let i = 0; i < a.length; i++) sum += a[i]!;
  return sum;
}
function arraySum(a: Float64Array, bins: Float64Array): number {
  bins.fill(0);
  // @omp parallel for reduction(+:bins)
  for (let i = 0; i < a.length; i++) bins[i % 4] += a[i]!;
  return bins[0]! + bins[1]! + bins[2]! + bins[3]!;
}
const data = new Float64Array(128).fill(1);
const bins = new Float64Array(4);
const before = new Float64Array(p);
for (const [name, region] of [["static", staticSum], ["dynamic", dynamicSum], ["array", (a: Float64Array) => arraySum(a, bins)]] as const) {
  let total = 0;
  for (let r = 0; r < 60000; r++) total += region(data);
  const windows: number[][] = [[], []];
  console.log("BEGIN " + name);
  for (let w = 0; w < 5; w++) {
    sample(before);
    for (let r = 0; r < 10000; r++) total += region(data);
    sample(used);
    for (let t = 0; t < p; t++) windows[t]!.push((used[t]! - before[t]!) / 10000);
  }
  console.log("END " + name);
  const perRegion = windows.map((list) => list.sort((a, b) => a - b)[2]!);
  console.log("RESULT " + JSON.stringify({ name, total, perRegion }));
}
`;
  const run = await runProgram("steady-state", { "main.ts": source }, { OMP_NUM_THREADS: "2" }, ["--trace-gc", "--min-semi-space-size=64", "--max-semi-space-size=64"]);
  expect(run.code, run.stderr).toBe(0);
  for (const name of ["static", "dynamic", "array"]) {
    const window = run.stdout.slice(run.stdout.indexOf(`BEGIN ${name}`), run.stdout.indexOf(`END ${name}`));
    expect(window.split("\n").filter((l) => /: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark)/i.test(l)), `collections during the ${name} regions`).toEqual([]);
    const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT ") && l.includes(`"${name}"`))!;
    const result = JSON.parse(line.slice(7)) as { total: number; perRegion: number[] };
    expect(result.total).toBe(128 * 110000);
    for (const bytes of result.perRegion) expect(bytes, `${name}: heap bytes per region, per thread ${result.perRegion.join(", ")}`).toBeLessThan(1);
  }
}, 120_000);
