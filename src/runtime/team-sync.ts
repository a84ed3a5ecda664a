/**
 * What the threads of a `parallel` block synchronize with, on the control block: the team barrier,
 * and the slots of the worksharing constructs (`for`, `single`) they are in. Every wait gives up
 * when the region is cancelled (a thread threw, or a worker died), by throwing WAIT_CANCELLED,
 * so that a failing thread never leaves the others waiting for it.
 */
import {
  BARRIER_COUNT, BARRIER_GENERATION, BARRIER_WAITERS, CANCEL, WORKSHARE_SLOTS, workshareInstance, workshareNext, WS_LEFT, WS_TURN,
} from "./control.js";

/**
 * Thrown out of a region body by a thread that was waiting (at a barrier, for a worksharing slot,
 * for its turn at an `ordered` block) when the region was cancelled; the runtime drops it and
 * reports what cancelled the region.
 */
export const WAIT_CANCELLED: unique symbol = Symbol("tsomp: wait cancelled");

/** Polled while parked, on thread 0, to find workers that died or never started (a barrier would wait for them forever). */
export type Watch = () => boolean;

/**
 * Cancels the current region: no more chunks are handed out, and every thread waiting at a barrier
 * or for a worksharing slot wakes up and throws WAIT_CANCELLED.
 */
export function cancelTeam(i32: Int32Array): void {
  Atomics.store(i32, CANCEL, 1);
  Atomics.add(i32, BARRIER_GENERATION, 1);
  Atomics.notify(i32, BARRIER_GENERATION);
  for (let s = 0; s < WORKSHARE_SLOTS; s++) Atomics.notify(i32, workshareInstance(s));
}

/** Resets the barrier's count and the worksharing slots before a `parallel` block starts (slot s first holds construct s). */
export function resetTeamWords(i32: Int32Array): void {
  i32[BARRIER_COUNT] = 0;
  for (let s = 0; s < WORKSHARE_SLOTS; s++) {
    i32[workshareNext(s)] = 0;
    const at = workshareInstance(s);
    i32[at] = s;
    i32[at + WS_LEFT] = 0;
    i32[at + WS_TURN] = 0;
  }
}

/**
 * The team barrier, sense-reversing by generation: each of the `p` threads counts its arrival;
 * the last resets the count and moves the generation on; the others spin `spin` times watching
 * the generation, then park on it.
 */
export function teamBarrier(i32: Int32Array, p: number, spin: number, watch: Watch | undefined): void {
  const generation = Atomics.load(i32, BARRIER_GENERATION);
  if (Atomics.load(i32, CANCEL) !== 0) throw WAIT_CANCELLED;
  if (Atomics.add(i32, BARRIER_COUNT, 1) === p - 1) {
    Atomics.store(i32, BARRIER_COUNT, 0);
    Atomics.add(i32, BARRIER_GENERATION, 1);
    if (Atomics.load(i32, BARRIER_WAITERS) > 0) Atomics.notify(i32, BARRIER_GENERATION);
    return;
  }
  for (let k = 0; k < spin; k++) if (Atomics.load(i32, BARRIER_GENERATION) !== generation) break;
  if (Atomics.load(i32, BARRIER_GENERATION) === generation) parkAtBarrier(i32, generation, watch);
  if (Atomics.load(i32, CANCEL) !== 0) throw WAIT_CANCELLED;
}

/** Parks until the barrier's generation moves on (kept out of teamBarrier, whose spin loop stays optimized). */
function parkAtBarrier(i32: Int32Array, generation: number, watch: Watch | undefined): void {
  Atomics.add(i32, BARRIER_WAITERS, 1);
  while (Atomics.load(i32, BARRIER_GENERATION) === generation) {
    if (Atomics.wait(i32, BARRIER_GENERATION, generation, watch ? 100 : Infinity) === "timed-out" && watch?.()) cancelTeam(i32);
  }
  Atomics.sub(i32, BARRIER_WAITERS, 1);
}

/**
 * Enters worksharing construct number `instance` (each thread counts the constructs it meets, so
 * all agree on the numbers) and returns its slot. The slot may still belong to the construct
 * WORKSHARE_SLOTS before, while a slower thread is in it (`nowait` lets threads run ahead): then
 * this thread waits until the last thread leaves that one.
 */
export function enterWorkshare(i32: Int32Array, instance: number, watch: Watch | undefined): number {
  const slot = instance % WORKSHARE_SLOTS;
  const at = workshareInstance(slot);
  for (let k = 0; Atomics.load(i32, at) !== instance; k++) {
    if (Atomics.load(i32, CANCEL) !== 0) throw WAIT_CANCELLED;
    if (k > 1000 && Atomics.wait(i32, at, Atomics.load(i32, at), watch ? 100 : 10) === "timed-out" && watch?.()) cancelTeam(i32);
  }
  return slot;
}

/**
 * Leaves the worksharing construct in `slot` (its `instance`) for one of `p` threads; the last to
 * leave resets the slot's counters and hands it to construct `instance + WORKSHARE_SLOTS`.
 */
export function leaveWorkshare(i32: Int32Array, slot: number, instance: number, p: number): void {
  const at = workshareInstance(slot);
  if (Atomics.add(i32, at + WS_LEFT, 1) !== p - 1) return;
  Atomics.store(i32, workshareNext(slot), 0);
  Atomics.store(i32, at + WS_TURN, 0);
  Atomics.store(i32, at + WS_LEFT, 0);
  Atomics.store(i32, at, instance + WORKSHARE_SLOTS);
  Atomics.notify(i32, at);
}
