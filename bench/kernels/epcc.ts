// EPCC-style microbenchmarks of the runtime (J. M. Bull, "Measuring synchronisation and scheduling
// overheads in OpenMP"): the cost of an empty `parallel for` with one iteration per thread (fork
// and join), of one with a reduction, and the cost each chunk of `schedule(dynamic, 1)` and
// `schedule(guided, 1)` adds over `schedule(static)` for a loop of short iterations, and that of
// `schedule(nonmonotonic: dynamic, 1)`, which steals work.
import { delay, ITERATIONS_PER_THREAD } from "./epcc-work.js";
import { perCall, perCalls, result, teamSize } from "./per-call.js";

function emptyRegion(p: number): void {
  // @omp parallel for
  for (let i = 0; i < p; i++) {}
}

function reductionRegion(p: number): number {
  let sum = 0;
  // @omp parallel for reduction(+:sum)
  for (let i = 0; i < p; i++) sum += i;
  return sum;
}

function staticLoop(out: Float64Array): void {
  // @omp parallel for schedule(static)
  for (let i = 0; i < out.length; i++) out[i] = delay(i);
}

function dynamicLoop(out: Float64Array): void {
  // @omp parallel for schedule(dynamic, 1)
  for (let i = 0; i < out.length; i++) out[i] = delay(i);
}

function stealingLoop(out: Float64Array): void {
  // @omp parallel for schedule(nonmonotonic: dynamic, 1)
  for (let i = 0; i < out.length; i++) out[i] = delay(i);
}

function guidedLoop(out: Float64Array): void {
  // @omp parallel for schedule(guided, 1)
  for (let i = 0; i < out.length; i++) out[i] = delay(i);
}

/** How many chunks `guided, 1` hands out for n iterations on p threads (SPEC §5). */
function guidedChunks(n: number, p: number): number {
  let chunks = 0;
  for (let next = 0; next < n; chunks++) next += Math.min(n - next, Math.max(Math.ceil((n - next) / p), 1));
  return chunks;
}

const p = teamSize();
const out = new Float64Array(ITERATIONS_PER_THREAD * p);
result({ name: "parallel for", us: await perCall(() => emptyRegion(p)) });
result({ name: "reduction", us: await perCall(() => reductionRegion(p)) });
const [staticUs, dynamicUs, stealingUs, guidedUs] = await perCalls([() => staticLoop(out), () => dynamicLoop(out), () => stealingLoop(out), () => guidedLoop(out)]);
result({ name: "static", us: staticUs });
result({ name: "dynamic,1 per chunk", ns: ((dynamicUs - staticUs) * 1000) / ITERATIONS_PER_THREAD });
result({ name: "nonmonotonic dynamic,1 per chunk", ns: ((stealingUs - staticUs) * 1000) / ITERATIONS_PER_THREAD });
result({ name: "guided,1 per chunk", ns: ((guidedUs - staticUs) * 1000) / (guidedChunks(out.length, p) / p) });
