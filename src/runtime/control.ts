/**
 * The layout of the shared control block that thread 0 and the workers coordinate through.
 * Every word that several threads write sits on its own 64-byte cache line (16 int32s), so
 * that a counter being hammered does not slow down the words next to it.
 */

/** Int32 words per cache line. */
export const LINE = 16;
/** Workers a pool can have (the team is these plus thread 0). */
export const MAX_WORKERS = 255;
/** Loops a collapsed nest can have. */
export const MAX_LEVELS = 8;

/** The dynamic/guided counter: chunks (or iterations, for guided) handed out so far. */
export const NEXT = 0;
/** Workers that finished the current region. Thread 0 waits on it. */
export const DONE = LINE;
/** 1 while thread 0 is parked on DONE (the last worker to finish then wakes it). */
export const MAIN_PARKED = LINE + 1;
/** Set when an iteration throws: no more chunks are handed out. */
export const CANCEL = 2 * LINE;
/** Counts workers that died; a change wakes thread 0. */
export const DEATHS = 3 * LINE;
/** Big counter lock, for loops with more iterations than an int32 counts (see team-thread.ts). */
export const BIG_LOCK = 3 * LINE + 1;

/** The region descriptor, written by thread 0 before it rings the doorbells. */
export const D_MODULE = 4 * LINE;
export const D_REGION = D_MODULE + 1;
export const D_TEAM = D_MODULE + 2;
export const D_KIND = D_MODULE + 3;
export const D_LEVELS = D_MODULE + 4;
export const D_VALUES = D_MODULE + 5;
export const D_OUTPUTS = D_MODULE + 6;
export const D_CHUNK = D_MODULE + 7;
/** Thread 0's nthreads-var and run-sched-var, which the team's threads inherit (OpenMP ICVs). */
export const D_MAX_THREADS = D_MODULE + 8;
export const D_RUN_KIND = D_MODULE + 9;
export const D_RUN_CHUNK = D_MODULE + 10;

/** Float64 descriptor fields (indices into the Float64Array view): the count, then lower/step/count per loop. */
export const F_COUNT = 0;
export const F_BIG_NEXT = 1;
export const F_LEVEL = 2;
const INT32_LINES = 8;
/** Byte offset of the Float64 descriptor. */
export const F64_BYTE_OFFSET = INT32_LINES * LINE * 4;
const F64_WORDS = F_LEVEL + 3 * MAX_LEVELS;
/** Byte offset of the per-worker lines. */
const WORKERS_BYTE_OFFSET = F64_BYTE_OFFSET + Math.ceil((F64_WORDS * 8) / 64) * 64;
const WORKERS_INDEX = WORKERS_BYTE_OFFSET / 4;

/** Per-worker words, relative to `workerBase(w)`. */
export const DOOR = 0;
export const PARKED = 1;
export const STATE = 2;
export const MESSAGE = 3;
/** The generation of the last region this worker finished. */
export const FINISHED = 4;
/** How many messages this worker posted back for the current region. */
export const REPLY = 5;

/** Worker states in STATE. */
export const BOOTING = 0;
export const READY = 1;
export const DEAD = 2;

/** Index of worker `w`'s line (workers are numbered 1..MAX_WORKERS, like their OpenMP thread numbers). */
export function workerBase(w: number): number {
  return WORKERS_INDEX + (w - 1) * LINE;
}

/** Total size of the control block in bytes. */
export const CONTROL_BYTES = WORKERS_BYTE_OFFSET + MAX_WORKERS * LINE * 4;

/** Schedule kinds as numbers in D_KIND. */
export const KIND = { static: 0, dynamic: 1, guided: 2 } as const;

/** The views of a control block. */
export interface Control {
  readonly sab: SharedArrayBuffer;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
}

/** Wraps a control block's buffer in its views. */
export function controlViews(sab: SharedArrayBuffer): Control {
  return { sab, i32: new Int32Array(sab), f64: new Float64Array(sab, F64_BYTE_OFFSET, F64_WORDS) };
}

/**
 * Writes `value` unless the word holds it already. A write dirties the cache line for every other
 * core even when the value is unchanged, so repeated regions that rewrite the same descriptor would
 * make each worker fetch it again; skipping such writes keeps a steady-state fork to one doorbell.
 */
export function put(words: Int32Array | Float64Array, index: number, value: number): void {
  if (words[index] !== value) words[index] = value;
}
