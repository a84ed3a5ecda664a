/**
 * tsomp/runtime: what compiled parallel loops call, and the OpenMP runtime API for user code.
 * Generated code imports this module as `__omp` and uses `register`, `region`, `parallelFor`,
 * `sharedArray` and the `Thread` type (the ABI, described in abi.ts), and CommonJS modules
 * `commonJsMeta`; user code may import the `omp_*` functions.
 */
import type { ModuleMeta, ModuleOptions, Region, RegionBody, RegionFactory, RegionInfo } from "./abi.js";
import { copyPositional, MAX_POSITIONAL } from "./arguments.js";
import { execute } from "./execute.js";
import { registerModule, regionsOf } from "./modules.js";
import { isMainThread } from "node:worker_threads";
import { thePool } from "./pool.js";
import { RegionRecord } from "./region-record.js";
import { state } from "./state.js";

export type { ImportSpec, ModuleMeta, ModuleOptions, OutputInfo, Region, RegionBody, RegionFactory, RegionInfo, Relation, ReductionOperator, ScheduleKind, Thread } from "./abi.js";
export { commonJsMeta } from "./commonjs-meta.js";
export { atomicFetch, atomicLoad, atomicStore, atomicUpdate, type AtomicArray, type AtomicElement, type AtomicOperator } from "./atomics.js";
export { enterCritical, exitCritical } from "./critical.js";
export { OmpError } from "./errors.js";
export { shared, sharedArray } from "./shared-array.js";
export {
  omp_get_max_threads, omp_get_num_procs, omp_get_num_threads, omp_get_schedule, omp_get_thread_num, omp_get_wtime,
  omp_in_parallel, omp_set_num_threads, omp_set_schedule, type omp_sched_t,
} from "./api.js";
export { omp_destroy_lock, omp_init_lock, omp_set_lock, omp_test_lock, omp_unset_lock, type omp_lock_t } from "./locks.js";

/** Version of the contract between generated code and this runtime; compiled modules expect this one. */
export const ABI_VERSION = 1;

/**
 * Registers a compiled module's region factory with the module's URL (`import.meta`, or
 * `commonJsMeta(__filename, require)` in a CommonJS module) and what else the runtime needs to
 * run its regions on workers (ModuleOptions). The first registration starts the pool's workers,
 * so that they boot while the program prepares its data.
 */
export function register(factory: RegionFactory, meta: ImportMeta | ModuleMeta, options: ModuleOptions = {}): void {
  registerModule(factory, meta as ModuleMeta, options);
  if (isMainThread) thePool().prestart(state.maxThreads - 1);
}

/** Makes a region from the compiler's description of it and its body. */
export function region(info: RegionInfo, body: RegionBody): Region {
  return new RegionRecord(info, body);
}

/**
 * Runs region `index` of a module's factory: a `parallel for`. The values (see RegionInfo for
 * their order) come as separate arguments, so that a call allocates nothing; a region with more
 * than 48 values passes the rest as an array in the last one. Returns the region's output, or
 * an array of its outputs when it has several.
 */
export function parallelFor(factory: RegionFactory, index: number, v0?: unknown, v1?: unknown, v2?: unknown, v3?: unknown, v4?: unknown, v5?: unknown, v6?: unknown, v7?: unknown, v8?: unknown, v9?: unknown, v10?: unknown, v11?: unknown, v12?: unknown, v13?: unknown, v14?: unknown, v15?: unknown, v16?: unknown, v17?: unknown, v18?: unknown, v19?: unknown, v20?: unknown, v21?: unknown, v22?: unknown, v23?: unknown, v24?: unknown, v25?: unknown, v26?: unknown, v27?: unknown, v28?: unknown, v29?: unknown, v30?: unknown, v31?: unknown, v32?: unknown, v33?: unknown, v34?: unknown, v35?: unknown, v36?: unknown, v37?: unknown, v38?: unknown, v39?: unknown, v40?: unknown, v41?: unknown, v42?: unknown, v43?: unknown, v44?: unknown, v45?: unknown, v46?: unknown, v47?: unknown): any {
  const record = regionsOf(factory)[index] as RegionRecord;
  const wasBusy = record.busy;
  const frame = wasBusy ? record.newFrame() : record.frame;
  const values = frame.values;
  if (record.info.spill) {
    copyPositional(values, MAX_POSITIONAL - 1, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, v37, v38, v39, v40, v41, v42, v43, v44, v45, v46, v47);
    const rest = v47 as readonly unknown[];
    for (let k = 0; k < rest.length; k++) values[MAX_POSITIONAL - 1 + k] = rest[k];
  } else {
    copyPositional(values, record.valueCount, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, v37, v38, v39, v40, v41, v42, v43, v44, v45, v46, v47);
  }
  record.busy = true;
  try {
    return execute(factory, index, record, frame);
  } finally {
    record.busy = wasBusy;
  }
}

/** Runs region `index` of a module's factory when it is a `parallel` block: the same entry as `parallelFor`, named for what the call site does. */
export const parallel: typeof parallelFor = parallelFor;
