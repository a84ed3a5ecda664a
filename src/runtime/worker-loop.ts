import { useCriticalWords } from "./critical.js";
import { type MessagePort, receiveMessageOnPort, workerData } from "node:worker_threads";
import type { Region, RegionBody, RegionFactory } from "./abi.js";
import { areaViews, RESULT, resultIndex, type AreaViews } from "./areas.js";
import {
  controlViews, ENTERED, GATE, GATE_CLOSED, gateIs, D_CHUNK, D_KIND, D_LEVELS, D_MAX_THREADS, D_MODULE, D_ORDERED, D_OUTPUTS, D_REGION, D_RUN_CHUNK, D_RUN_KIND, D_TEAM, D_VALUES, DONE, DOOR,
  F_LEVEL, FINISHED, MAIN_PARKED, MESSAGE, PARKED, put, READY, REPLIES, REPLY, STATE, workerBase, type Control,
} from "./control.js";
import { ValueDecoder } from "./decode.js";
import { spinIterations, type WaitPolicy } from "./env.js";
import { packError } from "./error-transport.js";
import { failurePlace } from "./failure.js";
import { adoptRegions, type WorkerSource } from "./modules.js";
import type { RegionRecord } from "./region-record.js";
import { availableParallelism, RUN_KINDS, RUN_NONMONOTONIC, state } from "./state.js";
import { cancelTeam, WAIT_CANCELLED } from "./team-sync.js";
import { NUMBER, TeamThread, UNSET } from "./team-thread.js";
import type { FromWorker, ToWorker } from "./value-tags.js";

const NO_MESSAGES: readonly unknown[] = [];

/** The exports of a module's worker source (`default` or `__omp_evaluate`, see `workerSource`). */
interface WorkerModule {
  readonly default: RegionFactory;
  readonly __omp_evaluate: (factory: string) => RegionFactory;
  readonly imports: readonly unknown[];
}

/** What a worker keeps between regions. */
interface WorkerState {
  readonly ctl: Control;
  readonly w: number;
  readonly port: MessagePort;
  views: AreaViews;
  readonly decoder: ValueDecoder;
  readonly modules: Map<number, readonly Region[]>;
  readonly thread: TeamThread;
  /** Structured-clone values of the current region. */
  messages: readonly unknown[];
  /** The last doorbell value this worker answered (generation × 2, plus 1 for a region with a gate). */
  seen: number;
  /** How many messages this worker has read in all (thread 0 keeps the matching running count). */
  received: number;
}

/**
 * The worker's life: wait at its doorbell (spinning, then parked), read what thread 0 sent,
 * run its share of the region as thread `w`, publish its outputs, report done; forever.
 */
export async function runWorker(): Promise<void> {
  const ctl = controlViews(workerData.control as SharedArrayBuffer);
  useCriticalWords(ctl.i32);
  const w = workerData.w as number;
  const base = workerBase(w);
  const ws: WorkerState = {
    ctl, w, port: workerData.port as MessagePort,
    views: areaViews({ values: workerData.values, results: workerData.results, slots: workerData.slots }),
    decoder: new ValueDecoder(), modules: new Map(), thread: new TeamThread(), messages: NO_MESSAGES, seen: workerData.door as number, received: 0,
  };
  state.activeLevel = 1;
  state.waitPolicy = workerData.waitPolicy as WaitPolicy;
  Atomics.store(ctl.i32, base + STATE, READY);
  const policy = workerData.waitPolicy as WaitPolicy;
  const spins = { alone: spinIterations(policy, false), crowded: spinIterations(policy, true) };
  for (;;) await serve(ws, spins);
}

/**
 * Serves regions synchronously, one after another, until one needs a module this worker has not
 * loaded yet; then returns the promise of that load, after which the region runs and serving
 * continues. The steady state never leaves this loop, so a region costs no promise or allocation.
 */
function serve(ws: WorkerState, spins: { alone: number; crowded: number }): Promise<void> {
  const base = workerBase(ws.w);
  const cores = availableParallelism();
  for (;;) {
    // In a team with more threads than cores, workers 1..cores−1 still spin as long as in a team
    // that fits, so that a dynamic or guided region (which wakes no more workers than keep the
    // cores busy, Pool.wakesFor) finds them ready; the others park soon, leaving the cores free.
    const crowded = ws.ctl.i32[D_TEAM]! > cores && ws.w >= cores;
    ws.seen = waitForDoor(ws.ctl.i32, base, ws.seen, crowded ? spins.crowded : spins.alone);
    const loads = readMessages(ws, ws.ctl.i32[base + MESSAGE]!);
    if (loads) return loads.then(() => runShare(ws, ws.seen));
    runShare(ws, ws.seen);
  }
}

/** Reads the messages posted since the last ones this worker read (`posted` is thread 0's running count). */
function readMessages(ws: WorkerState, posted: number): Promise<unknown> | undefined {
  let loads: Promise<void>[] | undefined;
  for (; ws.received < posted; ws.received++) {
    const message = receiveMessageOnPort(ws.port)?.message as ToWorker | undefined;
    if (!message) continue;
    if (message.t === "module") (loads ??= []).push(loadModule(ws, message.id, message.source));
    else handleMessage(ws, message);
  }
  return loads && Promise.all(loads);
}

/** Waits until the doorbell holds a generation other than `seen`, spinning first; returns it. */
function waitForDoor(i32: Int32Array, base: number, seen: number, spin: number): number {
  for (let k = 0; k < spin; k++) {
    const door = Atomics.load(i32, base + DOOR);
    if (door !== seen) return door;
  }
  return park(i32, base, seen);
}

/**
 * Parks on the doorbell until it changes. Kept out of `waitForDoor`, so that the optimized spin
 * loop does not deoptimize the first times it falls through to code it has not run yet.
 */
function park(i32: Int32Array, base: number, seen: number): number {
  Atomics.store(i32, base + PARKED, 1);
  for (;;) {
    const door = Atomics.load(i32, base + DOOR);
    if (door !== seen) {
      Atomics.store(i32, base + PARKED, 0);
      return door;
    }
    Atomics.wait(i32, base + DOOR, seen);
  }
}

function handleMessage(ws: WorkerState, message: Exclude<ToWorker, { t: "module" }>): void {
  switch (message.t) {
    case "buffer": ws.decoder.buffers.set(message.id, message.sab); break;
    case "release": ws.decoder.release(message.ids); break;
    case "areas": ws.views = areaViews({ values: message.values, results: message.results, slots: message.slots }); break;
    case "values": ws.messages = message.values; break;
  }
}

/** Evaluates a module's worker source and keeps its regions under the module's id. */
async function loadModule(ws: WorkerState, id: number, source: WorkerSource): Promise<void> {
  const ns = (await import(`data:text/javascript,${encodeURIComponent(source.module)}`)) as WorkerModule;
  const factory = source.factory === undefined ? ns.default : ns.__omp_evaluate(source.factory);
  const regions = (factory as (...a: unknown[]) => readonly Region[])(...ns.imports);
  adoptRegions(factory, regions);
  ws.modules.set(id, regions);
}

/**
 * Enters the region the doorbell announced through its gate (a region thread 0 already closed,
 * or a later one, is skipped), runs this worker's share, then reports it done.
 */
function runShare(ws: WorkerState, door: number): void {
  const { i32, f64 } = ws.ctl;
  const base = workerBase(ws.w);
  const generation = door >>> 1;
  if (door & 1) {
    if (!enter(i32, generation)) return;
    i32[base + ENTERED] = generation;
  }
  const team = i32[D_TEAM]!;
  const levels = i32[D_LEVELS]!;
  const captures = i32[D_VALUES]!;
  const outputs = i32[D_OUTPUTS]!;
  const record = ws.modules.get(i32[D_MODULE]!)![i32[D_REGION]!] as RegionRecord;
  const thread = ws.thread;
  for (let d = 0; d < levels; d++) {
    thread.lower[d] = f64[F_LEVEL + 3 * d]!;
    thread.steps[d] = f64[F_LEVEL + 3 * d + 1]!;
    thread.counts[d] = f64[F_LEVEL + 3 * d + 2]!;
  }
  thread.start(ws.ctl, ws.w, team, i32[D_KIND]!, i32[D_CHUNK]!, levels, outputs, i32[D_ORDERED] === 1);
  thread.region = record;
  const args = record.frame.args;
  args[0] = thread;
  for (let k = 0; k < captures; k++) args[k + 1] = ws.decoder.decode(ws.views, k, ws.messages);
  for (let s = 0; s < outputs; s++) thread.initials[s] = ws.decoder.decode(ws.views, captures + s, ws.messages);
  state.threadNum = ws.w;
  state.teamSize = team;
  state.maxThreads = i32[D_MAX_THREADS]!;
  const runKind = i32[D_RUN_KIND]!;
  const kind = RUN_KINDS[runKind & ~RUN_NONMONOTONIC]!;
  const nonmonotonic = (runKind & RUN_NONMONOTONIC) !== 0;
  if (state.runSchedule.kind !== kind || state.runSchedule.chunk !== i32[D_RUN_CHUNK] || (state.runSchedule.nonmonotonic === true) !== nonmonotonic) {
    state.runSchedule = nonmonotonic ? { kind, chunk: i32[D_RUN_CHUNK]!, nonmonotonic } : { kind, chunk: i32[D_RUN_CHUNK]! };
  }
  let replies = 0;
  try {
    record.body.apply(undefined, args as Parameters<RegionBody>);
  } catch (error) {
    cancelTeam(i32);
    if (error !== WAIT_CANCELLED) replies += reply(ws, { t: "error", error: packError(error), ...failurePlace(record, thread) });
  }
  replies += publishOutputs(ws, thread, outputs);
  ws.messages = NO_MESSAGES;
  put(i32, base + REPLY, replies);
  if (replies > 0) Atomics.add(i32, REPLIES, replies);
  i32[base + FINISHED] = generation;
  Atomics.add(i32, DONE, 1);
  if (Atomics.load(i32, MAIN_PARKED) !== 0) Atomics.notify(i32, DONE);
}

/** Passes a region's gate: false when the gate is another region's or thread 0 has closed it. */
function enter(i32: Int32Array, generation: number): boolean {
  for (;;) {
    const gate = Atomics.load(i32, GATE);
    if (!gateIs(gate, generation) || gate & GATE_CLOSED) return false;
    if (Atomics.compareExchange(i32, GATE, gate, gate + 1) === gate) return true;
  }
}

/** Writes this thread's outputs to its result slots; values that are not numbers go in one message. */
function publishOutputs(ws: WorkerState, thread: TeamThread, outputs: number): number {
  const { resultTags, resultData } = ws.views;
  let others: unknown[] | undefined;
  for (let s = 0; s < outputs; s++) {
    const r = resultIndex(ws.views, ws.w, s);
    const kind = thread.outKinds[s];
    if (kind === UNSET) {
      resultTags[r] = RESULT.unset;
      continue;
    }
    resultData[2 * r + 1] = thread.outPositions[s]!;
    if (kind === NUMBER) {
      resultTags[r] = RESULT.number;
      resultData[2 * r] = thread.outNumbers[s]!;
      continue;
    }
    const value = thread.outValues[s];
    if (typeof value === "boolean") {
      resultTags[r] = RESULT.boolean;
      resultData[2 * r] = value ? 1 : 0;
    } else if (value === undefined || value === null) {
      resultTags[r] = value === undefined ? RESULT.undefined : RESULT.null;
    } else {
      resultTags[r] = RESULT.message;
      (others ??= [])[s] = value;
    }
  }
  return others ? reply(ws, { t: "outputs", values: others }) : 0;
}

/** Posts a message back to thread 0 (errors are packed already; outputs are clonable values). */
function reply(ws: WorkerState, message: FromWorker): number {
  ws.port.postMessage(message);
  return 1;
}
