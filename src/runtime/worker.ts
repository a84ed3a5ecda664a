/**
 * The entry point of a pool worker. It marks itself dead on exit first thing, so that a join
 * waiting for it wakes up even if loading the rest fails, then runs the worker loop.
 */
import { workerData } from "node:worker_threads";

const control = new Int32Array(workerData.control as SharedArrayBuffer);
const { DEATHS, DONE, STATE, DEAD, workerBase } = await import("./control.js");
process.on("exit", () => {
  Atomics.store(control, workerBase(workerData.w as number) + STATE, DEAD);
  Atomics.add(control, DEATHS, 1);
  Atomics.notify(control, DONE);
});
const { runWorker } = await import("./worker-loop.js");
await runWorker();
