// Steady state: 100,000 regions over arrays on SharedArrayBuffers must not allocate or post a
// message. Each thread samples its own V8 heap (v8.getHeapStatistics in a worker describes that
// worker's heap) before and after. The runner gives V8 a young generation large enough that no
// scavenge can hide what was allocated, and counts the collections that --trace-gc reports
// between this program's BEGIN and END lines (none, when nothing is allocated).
import v8 from "node:v8";
import { result, teamSize } from "./per-call.js";

const REGIONS = 100_000;
const p = teamSize();

/** Each thread t writes its heap's used bytes into used[t] (static, 1 gives iteration t to thread t). */
function sampleHeaps(used: Float64Array): void {
  // @omp parallel for schedule(static, 1)
  for (let t = 0; t < used.length; t++) used[t] = v8.getHeapStatistics().used_heap_size;
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

const data = new Float64Array(64 * p).fill(1);
const before = new Float64Array(p);
const after = new Float64Array(p);
for (const [name, region] of [["static", staticSum], ["dynamic", dynamicSum]] as const) {
  let total = 0;
  for (let r = 0; r < 20_000; r++) total += region(data);
  sampleHeaps(before);
  console.log(`BEGIN ${name}`);
  for (let r = 0; r < REGIONS; r++) total += region(data);
  console.log(`END ${name}`);
  sampleHeaps(after);
  if (total !== data.length * (REGIONS + 20_000)) throw new Error(`wrong sum ${total}`);
  const perRegion = Array.from(after, (x, t) => (x - before[t]!) / REGIONS);
  result({ name, regions: REGIONS, worstBytesPerRegion: Math.max(...perRegion), perThread: perRegion.map((b) => b.toFixed(2)).join(" ") });
}
