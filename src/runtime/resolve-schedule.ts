import type { LoopInfo } from "./abi.js";
import { KIND } from "./control.js";
import { ompError } from "./errors.js";
import { state } from "./state.js";

/** A loop's schedule, resolved for one run. */
export interface ResolvedSchedule {
  kind: number;
  chunk: number;
}

/** Reused for every loop (its caller reads it before anything can resolve another), so that none allocates it. */
const resolved: ResolvedSchedule = { kind: 0, chunk: 0 };

/**
 * The kind and chunk a loop runs with: its clause (the chunk the call passes when `info.chunk` is
 * "arg"), or for `runtime` the run-sched-var; `auto` is guided, and `nonmonotonic: dynamic` is
 * work stealing.
 */
export function resolveSchedule(info: Pick<LoopInfo, "at" | "schedule" | "chunk" | "nonmonotonic" | "ordered">, chunkArgument: unknown): ResolvedSchedule {
  let name = info.schedule ?? "static";
  let nonmonotonic = info.nonmonotonic;
  let chunk = info.chunk === "arg" ? positiveInteger(chunkArgument, info.at, "chunk size") : typeof info.chunk === "number" ? info.chunk : 0;
  if (name === "runtime") {
    name = state.runSchedule.kind;
    chunk = state.runSchedule.chunk;
    nonmonotonic ??= state.runSchedule.nonmonotonic;
  }
  if (name === "auto") name = "guided";
  // `ordered` needs each thread's chunks in increasing order: no stealing then (OpenMP forbids nonmonotonic with ordered).
  resolved.kind = name === "dynamic" && nonmonotonic && !info.ordered ? KIND.stealing : KIND[name as keyof typeof KIND];
  resolved.chunk = chunk;
  return resolved;
}

/** A clause's value as a positive safe integer; throws OMP4xxx ClauseValueInvalid otherwise. */
export function positiveInteger(value: unknown, at: string, clause: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw ompError("ClauseValueInvalid", { at, clause, value: String(value) });
}
