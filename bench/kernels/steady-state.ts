// Steady state: regions over arrays on SharedArrayBuffers must not allocate or post a message.
// Each thread samples its own V8 heap (v8.getHeapStatistics in a worker describes that worker's
// heap) before and after each of five windows of 100,000 regions. The runner gives V8 a young generation large enough that no
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
const WINDOWS = 5;
for (const [name, region] of [["static", staticSum], ["dynamic", dynamicSum]] as const) {
  let total = 0;
  for (let r = 0; r < 20_000; r++) total += region(data);
  // Five windows of 100,000 regions; the median window per thread, so that a one-off allocation
  // of V8's own (compiling a function, say) in one window does not count as a cost per region.
  const windows: number[][] = Array.from({ length: p }, () => []);
  console.log(`BEGIN ${name}`);
  for (let w = 0; w < WINDOWS; w++) {
    sampleHeaps(before);
    for (let r = 0; r < REGIONS; r++) total += region(data);
    sampleHeaps(after);
    for (let t = 0; t < p; t++) windows[t]!.push((after[t]! - before[t]!) / REGIONS);
  }
  console.log(`END ${name}`);
  if (total !== data.length * (WINDOWS * REGIONS + 20_000)) throw new Error(`wrong sum ${total}`);
  const perRegion = windows.map((list) => list.sort((a, b) => a - b)[list.length >> 1]!);
  result({ name, regions: REGIONS * WINDOWS, worstBytesPerRegion: Math.max(...perRegion), perThread: perRegion.map((b) => b.toFixed(2)).join(" ") });
}
