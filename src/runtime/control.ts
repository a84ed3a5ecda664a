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
/** Counts the messages workers posted back, in all; on DONE's line, so a join that sees no change reads no worker's words. */
export const REPLIES = LINE + 2;
/** Set when an iteration throws: no more chunks are handed out. */
export const CANCEL = 2 * LINE;
/** Counts workers that died; a change wakes thread 0. */
export const DEATHS = 3 * LINE;
/** Big counter lock, for loops with more iterations than an int32 counts (see team-thread.ts). */
export const BIG_LOCK = 3 * LINE + 1;

/**
 * The gate of a dynamic or guided region: which generation it is (22 bits), whether it is closed,
 * and how many workers entered it (8 bits). Once every chunk is handed out, thread 0 closes it,
 * so that workers that have not started yet (still booting, say) skip the region instead of
 * making the join wait for them. Static regions have no gate: every thread has its own chunks.
 */
export const GATE = 5 * LINE;
const GATE_GENERATION = 0x3fffff;
export const GATE_CLOSED = 0x100;
export const GATE_COUNT = 0xff;

/** The gate word that opens generation `generation`. */
export function openGate(generation: number): number {
  return (generation & GATE_GENERATION) << 9;
}

/** True when a gate word belongs to generation `generation`. */
export function gateIs(word: number, generation: number): boolean {
  return word >>> 9 === (generation & GATE_GENERATION);
}

/**
 * Work stealing (`schedule(nonmonotonic: dynamic)`): set when some thread has claimed the region's
 * final chunk, which no thread's range holds (see team-thread.ts). Thread 0's own range head sits
 * on the next line; a worker's on the third line of its own (STEAL_HEAD).
 */
export const FINAL_CLAIMED = 6 * LINE;
const MAIN_STEAL_HEAD = 7 * LINE;

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
/** 1 when the region's loop has the `ordered` clause. */
export const D_ORDERED = D_MODULE + 11;

/**
 * `ordered` blocks: the logical iteration whose turn it is (every earlier one has passed its
 * ordered block, or had none), and how many threads are parked waiting for it to change.
 */
export const ORDERED_NEXT = 8 * LINE;
export const ORDERED_WAITERS = 8 * LINE + 1;

/** Float64 descriptor fields (indices into the Float64Array view): the big-loop counter, then lower/step/count per loop. */
export const F_BIG_NEXT = 0;
export const F_LEVEL = 1;
const INT32_LINES = 9;
/** Byte offset of the Float64 descriptor. */
export const F64_BYTE_OFFSET = INT32_LINES * LINE * 4;
const F64_WORDS = F_LEVEL + 3 * MAX_LEVELS;
/** Byte offset of the per-worker lines. */
const WORKERS_BYTE_OFFSET = F64_BYTE_OFFSET + Math.ceil((F64_WORDS * 8) / 64) * 64;
const WORKERS_INDEX = WORKERS_BYTE_OFFSET / 4;

/**
 * Per-worker words, relative to `workerBase(w)`. The first line holds what thread 0 writes every
 * region (the doorbell); the second what the worker writes, which thread 0 reads only when it must,
 * so that a region moves no more cache lines between the two than the doorbell and DONE.
 */
export const DOOR = 0;
export const PARKED = 1;
/** How many messages thread 0 has posted to this worker in all (a running count, read before the doorbell). */
export const MESSAGE = 2;
export const STATE = LINE;
/** The generation of the last region this worker finished. */
export const FINISHED = LINE + 1;
/** How many messages this worker posted back for the current region. */
export const REPLY = LINE + 2;
/** The generation of the last region this worker entered (see GATE). */
export const ENTERED = LINE + 3;
/** The next chunk of this worker's range under work stealing; the owner and thieves take chunks from it. */
export const STEAL_HEAD = 2 * LINE;

/** Worker states in STATE. */
export const BOOTING = 0;
export const READY = 1;
export const DEAD = 2;

/** Index of worker `w`'s first line (workers are numbered 1..MAX_WORKERS, like their OpenMP thread numbers). */
export function workerBase(w: number): number {
  return WORKERS_INDEX + (w - 1) * WORKER_LINES * LINE;
}

/** Index of the word holding the head of thread `t`'s range under work stealing (thread 0 included). */
export function stealHead(t: number): number {
  return t === 0 ? MAIN_STEAL_HEAD : workerBase(t) + STEAL_HEAD;
}

/** Cache lines per worker: the doorbell line, the worker's own line, its steal line. */
const WORKER_LINES = 3;

/** Locks of `critical` constructs, one cache line each, by slot (see critical.ts). */
export const CRITICAL_SLOTS = 256;
const CRITICAL_BYTE_OFFSET = WORKERS_BYTE_OFFSET + MAX_WORKERS * WORKER_LINES * LINE * 4;

/** Index of the word of `critical` lock slot `slot`. */
export function criticalWord(slot: number): number {
  return CRITICAL_BYTE_OFFSET / 4 + slot * LINE;
}

const TEAM_INDEX = (CRITICAL_BYTE_OFFSET + CRITICAL_SLOTS * LINE * 4) / 4;

/**
 * The team barrier of `parallel` blocks (see team-sync.ts): threads count their arrivals on one
 * line; the last one to arrive moves the generation on the next, which the others watch (and
 * park on, counted in BARRIER_WAITERS).
 */
export const BARRIER_COUNT = TEAM_INDEX;
export const BARRIER_GENERATION = TEAM_INDEX + LINE;
export const BARRIER_WAITERS = TEAM_INDEX + LINE + 1;

/**
 * Worksharing constructs (`for`, `single`) of a `parallel` block that threads may be in at once:
 * with `nowait`, a thread can be that many constructs ahead of the slowest one (see team-sync.ts).
 */
export const WORKSHARE_SLOTS = 8;
const WORKSHARE_INDEX = TEAM_INDEX + 2 * LINE;

/** Index of slot `slot`'s chunk counter (a line of its own, like NEXT). */
export function workshareNext(slot: number): number {
  return WORKSHARE_INDEX + 2 * LINE * slot;
}

/** Index of slot `slot`'s instance word (the number of the construct that owns the slot), followed by its LEFT count and its ordered turn. */
export function workshareInstance(slot: number): number {
  return WORKSHARE_INDEX + 2 * LINE * slot + LINE;
}
/** Relative to workshareInstance: threads that have left the slot's construct. */
export const WS_LEFT = 1;
/** Relative to workshareInstance: the ordered turn of the slot's loop (see ORDERED_NEXT). */
export const WS_TURN = 2;

/**
 * Where the threads of a `parallel` block exchange the results of a `for`'s reductions and
 * lastprivates (see TeamThread.loopResult): two banks, used by turns, so that a thread can write
 * the next loop's results while a slower one still reads the last; in each, EXCHANGE_OUTPUTS
 * outputs × every thread, a Float64 value and an Int32 tag.
 */
export const EXCHANGE_OUTPUTS = 16;
const EXCHANGE_ENTRIES = 2 * EXCHANGE_OUTPUTS * (MAX_WORKERS + 1);
export const EXCHANGE_VALUES_BYTE_OFFSET = (WORKSHARE_INDEX + 2 * LINE * WORKSHARE_SLOTS) * 4;
export const EXCHANGE_TAGS_BYTE_OFFSET = EXCHANGE_VALUES_BYTE_OFFSET + EXCHANGE_ENTRIES * 8;

/** The entry of output `slot` of thread `t` in bank `bank` of the exchange. */
export function exchangeEntry(bank: number, slot: number, t: number): number {
  return (bank * EXCHANGE_OUTPUTS + slot) * (MAX_WORKERS + 1) + t;
}

/** Total size of the control block in bytes. */
export const CONTROL_BYTES = EXCHANGE_TAGS_BYTE_OFFSET + EXCHANGE_ENTRIES * 4;

/** Schedule kinds as numbers in D_KIND; `stealing` is `nonmonotonic: dynamic`. */
export const KIND = { static: 0, dynamic: 1, guided: 2, stealing: 3 } as const;

/** The views of a control block. */
export interface Control {
  readonly sab: SharedArrayBuffer;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  /** The exchange's values and tags (exchangeEntry). */
  readonly exchangeValues: Float64Array;
  readonly exchangeTags: Int32Array;
}

/** Wraps a control block's buffer in its views. */
export function controlViews(sab: SharedArrayBuffer): Control {
  return {
    sab, i32: new Int32Array(sab), f64: new Float64Array(sab, F64_BYTE_OFFSET, F64_WORDS),
    exchangeValues: new Float64Array(sab, EXCHANGE_VALUES_BYTE_OFFSET, EXCHANGE_ENTRIES), exchangeTags: new Int32Array(sab, EXCHANGE_TAGS_BYTE_OFFSET, EXCHANGE_ENTRIES),
  };
}

/**
 * Writes `value` unless the word holds it already. A write dirties the cache line for every other
 * core even when the value is unchanged, so repeated regions that rewrite the same descriptor would
 * make each worker fetch it again; skipping such writes keeps a steady-state fork to one doorbell.
 */
export function put(words: Int32Array | Float64Array, index: number, value: number): void {
  if (words[index] !== value) words[index] = value;
}
