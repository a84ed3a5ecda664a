// The floor of `schedule(dynamic, 1)`: what handing out chunks through one shared counter costs
// in JavaScript. A hand-written team spinning on a SharedArrayBuffer runs EPCC's loop of short
// iterations two ways, each thread taking its static block, and each taking one iteration at a
// time with Atomics.add on one counter; the difference per iteration is what the counter's cache
// line moving between cores costs, which no runtime that keeps SPEC §5's shared counter avoids.
import { isMainThread, Worker, workerData } from "node:worker_threads";
import { delay, ITERATIONS_PER_THREAD } from "../kernels/epcc-work.js";
import { perCalls, result, teamSize } from "../kernels/per-call.js";

const DOOR = 0;
const DONE = 16;
const NEXT = 32;
const MODE = 48;
const STATIC = 0;
const DYNAMIC = 1;

/** Thread t's share of one loop of `n` iterations, in `mode`. */
function share(words: Int32Array, out: Float64Array, t: number, p: number, mode: number): void {
  const n = out.length;
  if (mode === STATIC) {
    const q = n / p;
    for (let i = t * q; i < (t + 1) * q; i++) out[i] = delay(i);
    return;
  }
  for (let i = Atomics.add(words, NEXT, 1); i < n; i = Atomics.add(words, NEXT, 1)) out[i] = delay(i);
}

function serve(words: Int32Array, out: Float64Array, t: number, p: number): void {
  let seen = 0;
  for (;;) {
    while (Atomics.load(words, DOOR) === seen);
    seen = Atomics.load(words, DOOR);
    share(words, out, t, p, Atomics.load(words, MODE));
    Atomics.add(words, DONE, 1);
  }
}

if (isMainThread) {
  const p = teamSize();
  const words = new Int32Array(new SharedArrayBuffer(4 * (MODE + 16)));
  const out = new Float64Array(new SharedArrayBuffer(8 * ITERATIONS_PER_THREAD * p));
  const workers = Array.from({ length: p - 1 }, (_, i) => new Worker(new URL(import.meta.url), { workerData: { words, out, t: i + 1, p } }));
  let generation = 0;
  const loop = (mode: number) => {
    Atomics.store(words, NEXT, 0);
    Atomics.store(words, MODE, mode);
    Atomics.store(words, DOOR, ++generation);
    share(words, out, 0, p, mode);
    while (Atomics.load(words, DONE) !== generation * (p - 1));
  };
  const [staticUs, dynamicUs] = await perCalls([() => loop(STATIC), () => loop(DYNAMIC)]);
  result({ name: "fetch_add dynamic,1 per chunk", ns: ((dynamicUs - staticUs) * 1000) / ITERATIONS_PER_THREAD });
  for (const worker of workers) await worker.terminate();
} else {
  serve(workerData.words as Int32Array, workerData.out as Float64Array, workerData.t as number, workerData.p as number);
}
