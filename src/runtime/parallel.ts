import { receiveMessageOnPort } from "node:worker_threads";
import type { RegionBody, RegionFactory } from "./abi.js";
import { RESULT, resultIndex } from "./areas.js";
import { combineNumbers } from "./combine.js";
import {
  CANCEL, D_CHUNK, D_KIND, D_LEVELS, D_MAX_THREADS, D_MODULE, D_ORDERED, D_OUTPUTS, D_REGION, D_RUN_CHUNK, D_RUN_KIND, D_TEAM, D_VALUES, DONE, F_BIG_NEXT,
  ENTERED, F_LEVEL, FINISHED, GATE, GATE_CLOSED, GATE_COUNT, gateIs, KIND, MAIN_PARKED, NEXT, openGate, ORDERED_NEXT, put, REPLIES, REPLY, workerBase,
} from "./control.js";
import { encodeValues, queueReleases } from "./encode.js";
import { ompError, ompWarning, type OmpError } from "./errors.js";
import type { ResolvedSchedule } from "./resolve-schedule.js";
import { prepareArguments } from "./execute.js";
import { adoptClass, unpackError } from "./error-transport.js";
import { failurePlace, iterationError, type FailurePlace } from "./failure.js";
import { moduleRecord, workerSource } from "./modules.js";
import { thePool, type Pool } from "./pool.js";
import type { Frame, RegionRecord } from "./region-record.js";
import runtimeFiles from "./runtime-files.cjs";
import { RUN_KINDS, RUN_NONMONOTONIC, state } from "./state.js";
import { cancelTeam, resetTeamWords, WAIT_CANCELLED } from "./team-sync.js";
import { NUMBER, OTHER, prepareStealing, type TeamThread, UNSET } from "./team-thread.js";
import type { FromWorker } from "./value-tags.js";

/**
 * Forks a region onto a team of `team` threads: thread 0 (the caller) and workers 1..team−1.
 * Thread 0 writes the region's description and values to shared memory, rings the workers'
 * doorbells, runs its own share, waits at the join, and combines what the threads produced.
 */
export function runOnTeam(factory: RegionFactory, index: number, record: RegionRecord, frame: Frame, thread: TeamThread, team: number, schedule: ResolvedSchedule): void {
  const pool = thePool();
  const workers = team - 1;
  pool.ensure(workers);
  const module = (record.module ??= moduleRecord(factory)!);
  if (module.sentEpoch !== pool.epoch || module.sentTo < workers) {
    for (let w = 1; w <= workers; w++) {
      const h = pool.handle(w);
      if (h.modules.has(module.id)) continue;
      h.modules.add(module.id);
      h.outbox.push({ t: "module", id: module.id, source: workerSource(module, runtimeFiles.runtimeUrl) });
    }
    module.sentTo = module.sentEpoch === pool.epoch ? Math.max(module.sentTo, workers) : workers;
    module.sentEpoch = pool.epoch;
  }
  copyIn(pool, record, frame);
  const captures = record.info.captures.length;
  const outputs = record.outputs.length;
  pool.ensureAreas(captures + outputs, outputs);
  const messages = pool.messages;
  messages.length = 0;
  const info = record.info;
  encodeValues(pool, frame.values, record.capturesAt, captures, 0, workers, messages, info.captures, info.at);
  encodeValues(pool, frame.values, record.outputsAt, outputs, captures, workers, messages, record.outputNames, info.at);
  if (messages.length > 0) for (let w = 1; w <= workers; w++) pool.handle(w).outbox.push({ t: "values", values: messages.slice() });
  queueReleases(pool);
  thread.start(pool.ctl, 0, team, schedule.kind, schedule.chunk, record.levels, outputs, record.info.ordered === true);
  describe(pool, module.id, index, team, schedule, record, thread);
  const deaths = pool.deaths();
  const doneBefore = Atomics.load(pool.ctl.i32, DONE);
  const repliesBefore = Atomics.load(pool.ctl.i32, REPLIES);
  const closable = schedule.kind !== KIND.static;
  pool.generation++;
  if (closable) Atomics.store(pool.ctl.i32, GATE, openGate(pool.generation));
  let wakes = pool.wakesFor(workers, closable);
  for (let w = 1; w <= workers; w++) if (pool.ring(w, closable, wakes > 0)) wakes--;

  prepareArguments(record, frame, thread);
  thread.region = record;
  // A thread of a `parallel` block (or of an ordered loop) may wait for the others: thread 0 watches for workers that will never come.
  thread.watch = record.levels === 0 || record.info.ordered === true ? watchWorkers(pool, deaths, workers) : undefined;
  let failure: { place: FailurePlace; error: unknown } | undefined;
  const savedNum = state.threadNum;
  const savedSize = state.teamSize;
  state.threadNum = 0;
  state.teamSize = team;
  state.activeLevel = 1;
  try {
    record.body.apply(undefined, frame.args as Parameters<RegionBody>);
  } catch (error) {
    cancelTeam(pool.ctl.i32);
    if (error !== WAIT_CANCELLED) failure = { place: failurePlace(record, thread), error };
  } finally {
    state.threadNum = savedNum;
    state.teamSize = savedSize;
    state.activeLevel = 0;
  }
  const entered = closable ? closeGate(pool.ctl.i32) : workers;
  const gone = join(pool, workers, entered, doneBefore, deaths);
  const replied = Atomics.load(pool.ctl.i32, REPLIES) !== repliesBefore;
  const error = gather(pool, record, frame, thread, workers, closable, replied, failure);
  copyBack(record);
  if (gone) throwGone(pool, record, gone);
  if (error) {
    adoptClass(error.cause, module.options.classes?.() ?? []);
    throw error;
  }
}

/**
 * True, when called, once a worker has died since `deaths` were counted or one of `workers` is
 * overdue to boot. Made here, not in runOnTeam: a closure there would make every region allocate
 * the variables it captures.
 */
function watchWorkers(pool: Pool, deaths: number, workers: number): () => boolean {
  return () => pool.deaths() !== deaths || pool.bootOverdue(workers);
}

/** Throws for workers that died or never started during a region, with what the first dead one said was wrong, when it said. */
function throwGone(pool: Pool, record: RegionRecord, { dead, stuck }: { dead: number[]; stuck: number[] }): never {
  if (stuck.length > 0) throw ompError("WorkerFailedToStart", { detail: `worker thread${stuck.length > 1 ? "s" : ""} ${stuck.join(", ")} did not start within the boot timeout (TSOMP_BOOT_TIMEOUT); the pool starts new ones for the next region` });
  const said = dead.map((w) => pool.lastWords(w)).find((e) => e !== undefined);
  const cause = said === undefined ? undefined : unpackError(said);
  const reason = cause === undefined ? "" : `: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`;
  throw ompError("WorkerDied", { at: record.info.at, detail: `worker thread${dead.length > 1 ? "s" : ""} ${dead.join(", ")} exited${reason}` }, cause);
}

/**
 * Closes the gate of a dynamic or guided region once thread 0 has found no more chunks: every
 * chunk is handed out, so workers that have not entered yet (still starting, say) can skip the
 * region instead of making the join wait for them. Returns how many workers entered.
 */
function closeGate(i32: Int32Array): number {
  for (;;) {
    const gate = Atomics.load(i32, GATE);
    if (Atomics.compareExchange(i32, GATE, gate, gate | GATE_CLOSED) === gate) return gate & GATE_COUNT;
  }
}

/**
 * Writes the region descriptor and resets the shared counters. Plain writes suffice: no worker
 * touches them until it sees its doorbell, and the doorbell's atomic store publishes them.
 */
function describe(pool: Pool, moduleId: number, index: number, team: number, schedule: ResolvedSchedule, record: RegionRecord, thread: TeamThread): void {
  const { i32, f64 } = pool.ctl;
  put(i32, D_MODULE, moduleId);
  put(i32, D_REGION, index);
  put(i32, D_TEAM, team);
  put(i32, D_KIND, schedule.kind);
  put(i32, D_CHUNK, schedule.chunk);
  put(i32, D_LEVELS, record.levels);
  put(i32, D_VALUES, record.info.captures.length);
  put(i32, D_OUTPUTS, record.outputs.length);
  put(i32, D_MAX_THREADS, state.maxThreads);
  put(i32, D_RUN_KIND, RUN_KINDS.indexOf(state.runSchedule.kind) | (state.runSchedule.nonmonotonic ? RUN_NONMONOTONIC : 0));
  put(i32, D_RUN_CHUNK, state.runSchedule.chunk);
  // The float64 fields are compared and written here, not through put(): passing a double to a
  // call that is not inlined boxes it, which would allocate a heap number per field and region.
  if (f64[F_BIG_NEXT] !== 0) f64[F_BIG_NEXT] = 0;
  const { lower, steps, counts } = thread;
  for (let d = 0; d < record.levels; d++) {
    const at = F_LEVEL + 3 * d;
    if (f64[at] !== lower[d]) f64[at] = lower[d]!;
    if (f64[at + 1] !== steps[d]) f64[at + 1] = steps[d]!;
    if (f64[at + 2] !== counts[d]) f64[at + 2] = counts[d]!;
  }
  if (schedule.kind !== KIND.static) put(i32, NEXT, 0);
  if (schedule.kind === KIND.stealing) prepareStealing(i32, thread.n, schedule.chunk, team);
  const ordered = record.info.ordered === true;
  put(i32, D_ORDERED, ordered ? 1 : 0);
  if (ordered) i32[ORDERED_NEXT] = 0;
  if (record.levels === 0) resetTeamWords(i32);
  put(i32, CANCEL, 0);
}

/**
 * Typed arrays whose buffer is not shared are copied into shared memory for the region and back
 * after it (SPEC §6), with a warning. Every copy goes back: the loop may write an array through a
 * function it calls or a DataView method, which the compiler cannot always see.
 */
function copyIn(pool: Pool, record: RegionRecord, frame: Frame): void {
  let copied = false;
  for (let k = 0; k < record.info.captures.length; k++) {
    if (!pool.encoded.isShared(k, frame.values[record.capturesAt + k]) && copyOne(record, frame, k)) copied = true;
  }
  if (copied && !record.warned) {
    record.warned = true;
    const names = record.originals.flatMap((o, k) => (o ? [`'${record.info.captures[k]}'`] : [])).join(", ");
    ompWarning("ArrayCopiedInAndOut", { at: record.info.at, names });
  }
}

/**
 * Copies capture `k` into shared memory when it is a typed array on an ordinary buffer; returns
 * whether it did. Kept out of copyIn's loop, which a region passing the arrays it passed last time
 * never leaves: with this code inlined there (a `.buffer` read above all), V8's optimized fork
 * allocated 40 bytes per region even though the code never ran.
 */
function copyOne(record: RegionRecord, frame: Frame, k: number): boolean {
  const v = frame.values[record.capturesAt + k];
  if (!ArrayBuffer.isView(v) || v.buffer instanceof SharedArrayBuffer) return false;
  let sab = record.copies[k];
  if (!sab || sab.byteLength !== v.byteLength) sab = record.copies[k] = new SharedArrayBuffer(v.byteLength);
  new Uint8Array(sab).set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  const View = v.constructor as new (b: SharedArrayBuffer) => ArrayBufferView;
  frame.values[record.capturesAt + k] = new View(sab);
  record.originals[k] = v;
  return true;
}

/** Copies the arrays `copyIn` copied back into their own buffers. */
function copyBack(record: RegionRecord): void {
  for (let k = 0; k < record.originals.length; k++) {
    const original = record.originals[k];
    if (!original) continue;
    new Uint8Array(original.buffer, original.byteOffset, original.byteLength).set(new Uint8Array(record.copies[k]!));
    record.originals[k] = undefined;
  }
}

/**
 * Waits until every worker of the team has finished the region (DONE, a running count, has grown
 * by `workers` since `doneBefore`): spinning first, then parked on the DONE word. A worker's death wakes thread 0; a worker that never starts is noticed after the
 * boot timeout. Either way thread 0 cancels the region, waits for the others by their FINISHED
 * words, and returns which workers are gone (undefined when none is).
 */
function join(pool: Pool, workers: number, entered: number, doneBefore: number, deaths: number): { dead: number[]; stuck: number[] } | undefined {
  const i32 = pool.ctl.i32;
  const spin = pool.joinSpin(entered + 1);
  for (let k = 0; k < spin; k++) if (((Atomics.load(i32, DONE) - doneBefore) | 0) >= entered) return undefined;
  return parkAtJoin(pool, workers, entered, doneBefore, deaths);
}

/**
 * The rest of the join, once spinning has not seen every worker finish: parks on `DONE`, and deals
 * with workers that died or never started. Kept out of `join`, so that the optimized spin loop does
 * not deoptimize (and, after enough times, stay unoptimized and allocate) the first times a join
 * falls through to code it has not run yet.
 */
function parkAtJoin(pool: Pool, workers: number, entered: number, doneBefore: number, deaths: number): { dead: number[]; stuck: number[] } | undefined {
  const i32 = pool.ctl.i32;
  Atomics.store(i32, MAIN_PARKED, 1);
  let stuck: number[] | undefined;
  for (;;) {
    const done = Atomics.load(i32, DONE);
    if (((done - doneBefore) | 0) >= entered) break;
    if (Atomics.wait(i32, DONE, done, 100) === "timed-out") {
      const late = pool.stuck(workers);
      if (late.length > 0) (stuck ??= []).push(...late);
    }
    if (pool.deaths() === deaths && !stuck) continue;
    cancelTeam(i32);
    const dead: number[] = [];
    let finished = 0;
    const closed = gateIs(Atomics.load(i32, GATE), pool.generation) && (Atomics.load(i32, GATE) & GATE_CLOSED) !== 0;
    for (let w = 1; w <= workers; w++) {
      if (pool.isDead(w)) dead.push(w);
      else if (Atomics.load(i32, workerBase(w) + FINISHED) === pool.generation) finished++;
      else if (closed && Atomics.load(i32, workerBase(w) + ENTERED) !== pool.generation) finished++;
    }
    if (dead.length + finished === workers) {
      Atomics.store(i32, MAIN_PARKED, 0);
      return { dead: dead.filter((w) => !stuck?.includes(w)), stuck: stuck ?? [] };
    }
  }
  Atomics.store(i32, MAIN_PARKED, 0);
  return undefined;
}

/** Combines the threads' outputs into `frame.out` and returns the error of the earliest failure, if any. */
function gather(pool: Pool, record: RegionRecord, frame: Frame, thread: TeamThread, workers: number, closable: boolean, replied: boolean, failure: { place: FailurePlace; error: unknown } | undefined): OmpError | undefined {
  const i32 = pool.ctl.i32;
  let replies = NO_REPLIES as (unknown[] | undefined)[];
  for (let w = 1; replied && w <= workers; w++) {
    if (sittingOut(pool, w, closable)) continue;
    const count = i32[workerBase(w) + REPLY]!;
    for (let m = 0; m < count; m++) {
      const message = receiveMessageOnPort(pool.handle(w).port)?.message as FromWorker | undefined;
      if (!message) continue;
      if (message.t === "outputs") (replies === NO_REPLIES ? (replies = []) : replies)[w] = message.values as unknown[];
      else if (message.t === "error" && (!failure || message.position < failure.place.position)) failure = { place: message, error: unpackError(message.error) };
    }
  }
  for (let s = 0; s < record.outputs.length; s++) {
    if (!combineNumbersInPlace(pool, record, frame, thread, s, workers, closable)) combineValues(pool, record, frame, thread, s, workers, closable, replies);
  }
  return failure ? iterationError(record, failure.place, failure.error) : undefined;
}

/**
 * Combines a `number` reduction's partial results as doubles, when all of them and the original
 * are numbers: the sum (or product, maximum…) is boxed at most once, when stored in `frame.out`,
 * and not at all when it is a small integer. Returns false, having changed nothing, otherwise.
 */
function combineNumbersInPlace(pool: Pool, record: RegionRecord, frame: Frame, thread: TeamThread, s: number, workers: number, closable: boolean): boolean {
  const op = record.numericOps[s]!;
  const original = frame.out[s];
  if (op < 0 || typeof original !== "number" || thread.outKinds[s] === OTHER) return false;
  const { resultTags, resultData } = pool.views;
  let acc = thread.outKinds[s] === NUMBER ? combineNumbers(op, original, thread.outNumbers[s]!) : original;
  for (let w = 1; w <= workers; w++) {
    if (sittingOut(pool, w, closable)) continue;
    const r = resultIndex(pool.views, w, s);
    if (resultTags[r] === RESULT.number) acc = combineNumbers(op, acc, resultData[2 * r]!);
    else if (resultTags[r] !== RESULT.unset) return false;
  }
  frame.out[s] = acc;
  return true;
}

/** True when worker `w` did not take part in the current region: it had not passed the gate of a dynamic or guided region when thread 0 closed it. */
function sittingOut(pool: Pool, w: number, closable: boolean): boolean {
  return closable && pool.ctl.i32[workerBase(w) + ENTERED] !== pool.generation;
}

/** Combines output `s` of every thread, in thread order: through its combiner, or, for a lastprivate, the value with the latest position. */
function combineValues(pool: Pool, record: RegionRecord, frame: Frame, thread: TeamThread, s: number, workers: number, closable: boolean, replies: readonly (unknown[] | undefined)[]): void {
  const { resultTags, resultData } = pool.views;
  const combine = record.combiners[s];
  let acc = frame.out[s];
  let best = -Infinity;
  for (let w = 0; w <= workers; w++) {
    let value: unknown;
    let position: number;
    if (w === 0) {
      if (thread.outKinds[s] === UNSET) continue;
      value = thread.output(s);
      position = thread.outPositions[s]!;
    } else {
      if (sittingOut(pool, w, closable)) continue;
      const r = resultIndex(pool.views, w, s);
      const tag = resultTags[r]!;
      if (tag === RESULT.unset) continue;
      value = tag === RESULT.number ? resultData[2 * r] : tag === RESULT.boolean ? resultData[2 * r] !== 0 : tag === RESULT.null ? null : tag === RESULT.undefined ? undefined : replies[w]?.[s];
      position = resultData[2 * r + 1]!;
    }
    if (combine) acc = combine(acc, value);
    else if (position >= best) {
      acc = value;
      best = position;
    }
  }
  frame.out[s] = acc;
}

/** Shared empty list of worker replies, for the usual region that has none. */
const NO_REPLIES: readonly (unknown[] | undefined)[] = [];
