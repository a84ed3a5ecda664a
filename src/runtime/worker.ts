/**
 * The entry point of a pool worker. Before anything that could fail, it arranges to mark itself
 * dead on exit and wake thread 0, so that a join never waits for a worker that is gone; then it
 * runs the worker loop.
 */
import { workerData } from "node:worker_threads";

const control = new Int32Array(workerData.control as SharedArrayBuffer);
const { stateIndex, deathsIndex, doneIndex, dead } = workerData.exit as { stateIndex: number; deathsIndex: number; doneIndex: number; dead: number };
process.on("exit", () => {
  Atomics.store(control, stateIndex, dead);
  Atomics.add(control, deathsIndex, 1);
  Atomics.notify(control, doneIndex);
});
const { runWorker } = await import("./worker-loop.js");
await runWorker();
