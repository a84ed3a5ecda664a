/**
 * The entry point of a pool worker. Before anything that could fail, it arranges to mark itself
 * dead on exit and wake thread 0, so that a join never waits for a worker that is gone; then it
 * runs the worker loop, and if that fails, posts the error to thread 0 before exiting (thread 0,
 * blocked in a join, never sees the worker's 'error' event in time).
 */
import { type MessagePort, workerData } from "node:worker_threads";

const control = new Int32Array(workerData.control as SharedArrayBuffer);
const { stateIndex, deathsIndex, doneIndex, dead } = workerData.exit as { stateIndex: number; deathsIndex: number; doneIndex: number; dead: number };
process.on("exit", () => {
  Atomics.store(control, stateIndex, dead);
  Atomics.add(control, deathsIndex, 1);
  Atomics.notify(control, doneIndex);
});
try {
  const { runWorker } = await import("./worker-loop.js");
  await runWorker();
} catch (error) {
  const { packError } = await import("./error-transport.js");
  (workerData.port as MessagePort).postMessage({ t: "fatal", error: packError(error) });
  throw error;
}
