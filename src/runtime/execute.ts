import { isMainThread } from "node:worker_threads";
import type { RegionBody, RegionFactory } from "./abi.js";
import { KIND } from "./control.js";
import { adoptClass } from "./error-transport.js";
import { tripCount } from "./iteration-space.js";
import { moduleRecord } from "./modules.js";
import { callResult } from "./outputs.js";
import { runOnTeam } from "./parallel.js";
import type { Frame, RegionRecord } from "./region-record.js";
import { state } from "./state.js";
import { positiveInteger, resolveSchedule } from "./resolve-schedule.js";
import { enterThread, leaveThread } from "./threads.js";
import { failurePlace, iterationError } from "./failure.js";
import { type TeamThread, UNSET } from "./team-thread.js";

/**
 * Runs one region from its call's values (already copied into `frame.values`): evaluates the
 * clauses, counts the iterations, and runs the region on a team, or alone in place when the
 * team would have one thread (`if` false, one thread, or inside another region).
 */
export function execute(factory: RegionFactory, index: number, record: RegionRecord, frame: Frame): unknown {
  const v = frame.values;
  const info = record.info;
  let team = state.maxThreads;
  if (record.numThreadsAt >= 0) team = positiveInteger(v[record.numThreadsAt], info.at, "num_threads");
  if (record.ifAt >= 0 && !v[record.ifAt]) team = 1;
  if (state.activeLevel > 0 || !isMainThread) team = 1;
  const schedule = resolveSchedule(info, record.chunkAt >= 0 ? v[record.chunkAt] : undefined);
  const thread = enterThread();
  try {
    let n = 1;
    for (let d = 0; d < record.levels; d++) {
      const b = record.boundsAt + 3 * d;
      const count = tripCount(info.at, info.tests![d]!, v[b], v[b + 1], v[b + 2]);
      thread.lower[d] = v[b] as number;
      thread.steps[d] = v[b + 2] as number;
      thread.counts[d] = count;
      n *= count;
    }
    for (let s = 0; s < record.outputs.length; s++) frame.out[s] = v[record.outputsAt + s];
    if (n === 0) return callResult(frame.out);
    if (team === 1) runAlone(factory, record, frame, thread);
    else runOnTeam(factory, index, record, frame, thread, team, schedule);
    return callResult(frame.out);
  } finally {
    leaveThread();
  }
}

/** A team of one: the calling thread runs every iteration in place, as thread 0 of a one-thread team. */
function runAlone(factory: RegionFactory, record: RegionRecord, frame: Frame, thread: TeamThread): void {
  thread.start(undefined, 0, 1, KIND.static, 0, record.levels, record.outputs.length, false);
  thread.region = record;
  prepareArguments(record, frame, thread);
  const savedNum = state.threadNum;
  const savedSize = state.teamSize;
  state.threadNum = 0;
  state.teamSize = 1;
  try {
    record.body.apply(undefined, frame.args as Parameters<RegionBody>);
  } catch (error) {
    adoptClass(error, moduleRecord(factory)?.options.classes?.() ?? []);
    throw iterationError(record, failurePlace(record, thread), error);
  } finally {
    state.threadNum = savedNum;
    state.teamSize = savedSize;
  }
  for (let s = 0; s < record.outputs.length; s++) {
    if (thread.outKinds[s] === UNSET) continue;
    const combine = record.combiners[s];
    frame.out[s] = combine ? combine(frame.out[s], thread.output(s)) : thread.output(s);
  }
}

/** Points the body's arguments at the thread and the captured values, and the thread at the outputs' originals. */
export function prepareArguments(record: RegionRecord, frame: Frame, thread: TeamThread): void {
  frame.args[0] = thread;
  for (let k = 0; k < record.info.captures.length; k++) frame.args[k + 1] = frame.values[record.capturesAt + k];
  if (thread.initials.length !== record.outputs.length) thread.initials.length = record.outputs.length;
  for (let s = 0; s < record.outputs.length; s++) thread.initials[s] = frame.values[record.outputsAt + s];
}
