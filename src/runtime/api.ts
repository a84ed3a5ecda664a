import type { RuntimeSchedule } from "./env.js";
import { ompError } from "./errors.js";
import { availableParallelism, state } from "./state.js";

/** This thread's number in the current team: 0 for the thread that met the region, 1… for workers. */
export function omp_get_thread_num(): number {
  return state.threadNum;
}

/** The number of threads in the current team (1 outside parallel regions). */
export function omp_get_num_threads(): number {
  return state.teamSize;
}

/** The team size a parallel region without num_threads would get (workers inherit thread 0's setting). */
export function omp_get_max_threads(): number {
  return state.maxThreads;
}

/** Sets the team size of later parallel regions without num_threads (a positive integer). */
export function omp_set_num_threads(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw ompError("BadRuntimeArgument", { fn: "omp_set_num_threads", detail: `expected a positive integer, got ${String(n)}` });
  state.maxThreads = n;
}

/** The number of processors available to the process. */
export function omp_get_num_procs(): number {
  return availableParallelism();
}

/** True inside an active parallel region (one run by more than one thread), however deeply nested. */
export function omp_in_parallel(): boolean {
  return state.activeLevel > 0;
}

/** Wall-clock time in seconds, for measuring intervals. */
export function omp_get_wtime(): number {
  return performance.timeOrigin / 1000 + performance.now() / 1000;
}

/** The kinds omp_set_schedule accepts. */
export type omp_sched_t = RuntimeSchedule["kind"];

/** Sets what `schedule(runtime)` means; a chunk below 1 means the kind's default. */
export function omp_set_schedule(kind: omp_sched_t, chunk = 0): void {
  if (!["static", "dynamic", "guided", "auto"].includes(kind)) {
    throw ompError("BadRuntimeArgument", { fn: "omp_set_schedule", detail: `unknown kind '${String(kind)}': expected static, dynamic, guided or auto` });
  }
  state.runSchedule = { kind, chunk: Number.isSafeInteger(chunk) && chunk > 0 ? chunk : 0 };
}

/** What `schedule(runtime)` means now: `{ kind, chunk }` (chunk 0 is the kind's default), with `nonmonotonic: true` when OMP_SCHEDULE said so. */
export function omp_get_schedule(): { kind: omp_sched_t; chunk: number; nonmonotonic?: boolean } {
  return { ...state.runSchedule };
}
