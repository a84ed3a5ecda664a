// The floor: the least a fork/join can cost in JavaScript. A hand-written team of worker threads
// on one SharedArrayBuffer: thread 0 bumps one shared doorbell word (one wake) and waits for a
// shared counter to reach the team size (one join); workers spin on the doorbell, then park on
// it with Atomics.wait, with the same spin budget as tsomp's default wait policy. No messages, no
// descriptor, no schedule: nothing a real runtime needs beyond the two words.
import os from "node:os";
import { isMainThread, Worker, workerData } from "node:worker_threads";
import { perCall, result, teamSize } from "../kernels/per-call.js";

const DOOR = 0;
const DONE = 16;
/** One parked flag per worker, each on its own cache line. */
const parkedIndex = (w: number) => 32 + 16 * w;

/** Spins before parking: tsomp's default budget, smaller when the team has more threads than cores. */
const spinBudget = (p: number) => (p > os.availableParallelism() ? 2_000 : 200_000);

function serve(words: Int32Array, w: number, spin: number): void {
  let seen = 0;
  for (;;) {
    let k = 0;
    while (Atomics.load(words, DOOR) === seen && k < spin) k++;
    if (Atomics.load(words, DOOR) === seen) {
      Atomics.store(words, parkedIndex(w), 1);
      while (Atomics.load(words, DOOR) === seen) Atomics.wait(words, DOOR, seen);
      Atomics.store(words, parkedIndex(w), 0);
    }
    seen = Atomics.load(words, DOOR);
    Atomics.add(words, DONE, 1);
  }
}

/** One empty fork/join of a team of p threads (thread 0 and p − 1 workers). */
function forkJoin(words: Int32Array, workers: number, spin: number, generation: number): void {
  Atomics.store(words, DOOR, generation);
  for (let w = 1; w <= workers; w++) if (Atomics.load(words, parkedIndex(w)) !== 0) Atomics.notify(words, DOOR);
  const target = generation * workers;
  let k = 0;
  while (Atomics.load(words, DONE) !== target) if (++k > spin) Atomics.wait(words, DONE, Atomics.load(words, DONE), 0.05);
}

if (isMainThread) {
  const p = teamSize();
  const words = new Int32Array(new SharedArrayBuffer(4 * parkedIndex(p + 1)));
  const spin = spinBudget(p);
  const workers = Array.from({ length: p - 1 }, (_, i) => new Worker(new URL(import.meta.url), { workerData: { words, w: i + 1, spin } }));
  let generation = 0;
  result({ name: "floor", us: await perCall(() => forkJoin(words, p - 1, spin, ++generation)) });
  for (const worker of workers) await worker.terminate();
} else {
  serve(workerData.words as Int32Array, workerData.w as number, workerData.spin as number);
}
