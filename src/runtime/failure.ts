import type { RegionRecord } from "./region-record.js";
import type { TeamThread } from "./team-thread.js";
import { ompError, type OmpError } from "./errors.js";

/** Where in the iteration space a thread failed: the loop variables' values, or a chunk's range. */
export interface FailurePlace {
  /** Logical position, to pick the earliest failure when several threads fail. */
  readonly position: number;
  /** Loop variable values of the failing iteration, when the body records it. */
  readonly iteration: readonly number[] | undefined;
  /** First and last loop variable values of the failing chunk, otherwise. */
  readonly chunk: readonly [readonly number[], readonly number[]] | undefined;
  /** The failing thread's number, for a `parallel` block. */
  readonly thread?: number;
}

/** Reads where a thread was when its region body threw. */
export function failurePlace(record: RegionRecord, thread: TeamThread): FailurePlace {
  if (record.levels === 0) return { position: thread.num, iteration: undefined, chunk: undefined, thread: thread.num };
  if (record.info.tracks) {
    const iteration = thread.currentValues();
    return { position: thread.position(thread.at), iteration, chunk: undefined };
  }
  const first = thread.valuesAt(thread.chunkStart);
  const last = thread.valuesAt(Math.max(thread.chunkStart, thread.chunkEnd - 1));
  return { position: thread.chunkStart, iteration: undefined, chunk: [first, last] };
}

/** The error a region throws at its join for the earliest failure (SPEC §7): location, iteration, cause. */
export function iterationError(record: RegionRecord, place: FailurePlace, cause: unknown): OmpError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (place.thread !== undefined) return ompError("RegionFailed", { at: record.info.at, thread: place.thread, message }, cause);
  const vars = record.info.vars ?? [];
  const iteration = place.iteration
    ? vars.map((v, d) => `${v} = ${place.iteration![d]}`).join(", ")
    : place.chunk
      ? `an iteration with ${vars.map((v, d) => (place.chunk![0][d] === place.chunk![1][d] ? `${v} = ${place.chunk![0][d]}` : `${v} from ${place.chunk![0][d]} to ${place.chunk![1][d]}`)).join(", ")}`
      : "an iteration";
  return ompError("IterationFailed", { at: record.info.at, iteration, message }, cause);
}
