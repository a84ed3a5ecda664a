import { Piscina } from "piscina";
import type { Task } from "./worker.js";

/** A piscina pool of exactly `threads` workers that stay up, running worker.ts's tasks. */
export function createPool(threads: number): Piscina<Task, number> {
  return new Piscina<Task, number>({ filename: new URL("./worker.js", import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
}

/** Splits [lo, hi) into `parts` contiguous ranges of nearly equal size and runs `task` on each in the pool; resolves to their results. */
export function runRanges(pool: Piscina<Task, number>, lo: number, hi: number, parts: number, task: (lo: number, hi: number) => Task): Promise<number[]> {
  const size = hi - lo;
  return Promise.all(Array.from({ length: parts }, (_, k) => pool.run(task(lo + Math.floor((size * k) / parts), lo + Math.floor((size * (k + 1)) / parts)))));
}
