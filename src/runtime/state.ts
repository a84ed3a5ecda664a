import os from "node:os";
import { isMainThread } from "node:worker_threads";
import { parseNumThreads, parseSchedule, parseWaitPolicy, type RuntimeSchedule, type WaitPolicy } from "./env.js";

/**
 * The OpenMP internal control variables and this thread's place in the current team. Each thread
 * (the main thread and every worker) has its own copy, as OpenMP threads do.
 */
export const state = {
  /** omp_get_thread_num(): this thread's number in the innermost team. */
  threadNum: 0,
  /** omp_get_num_threads(): the size of the innermost team. */
  teamSize: 1,
  /** How many enclosing parallel regions are active (more than one thread); nested regions run alone. */
  activeLevel: 0,
  /** nthreads-var: the team size for the next region without num_threads (OMP_NUM_THREADS or the core count). */
  maxThreads: (isMainThread ? parseNumThreads(process.env.OMP_NUM_THREADS) : 1) ?? availableParallelism(),
  /** run-sched-var: what schedule(runtime) means (OMP_SCHEDULE, or dynamic,1). */
  runSchedule: (isMainThread ? parseSchedule(process.env.OMP_SCHEDULE) : undefined) ?? ({ kind: "dynamic", chunk: 1 } as RuntimeSchedule),
  /** wait-policy-var (OMP_WAIT_POLICY), read once by the main thread, which warns when it is invalid; workers receive it. */
  waitPolicy: (isMainThread ? parseWaitPolicy(process.env.OMP_WAIT_POLICY) : undefined) as WaitPolicy,
};

/** run-sched-var kinds by number, as the region descriptor passes them to workers. */
export const RUN_KINDS: readonly RuntimeSchedule["kind"][] = ["static", "dynamic", "guided", "auto"];
/** The bit the region descriptor adds to a run-sched-var kind's number for the `nonmonotonic:` modifier. */
export const RUN_NONMONOTONIC = 4;

/** The number of processors this process can use. */
export function availableParallelism(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}
