/**
 * The locks of `critical` constructs. A construct's name (none for the unnamed one) picks one of
 * CRITICAL_SLOTS lock words in the pool's control block, which every thread of the process sees:
 * the compiler writes the slot, a hash of the name (critical-slot.ts), so all modules agree without
 * telling the runtime their names. Two names may share a slot; that only makes their sections
 * exclude each other too. A lock is reentrant for the thread that holds it, so that two nested
 * sections whose names share a slot do not wait for themselves.
 *
 * A lock word is 0 (free), 1 (held) or 2 (held, and a thread may be parked on it): the futex
 * mutex of Drepper's "Futexes Are Tricky", with a short spin before parking.
 */
import { CRITICAL_SLOTS, criticalWord } from "./control.js";

/** Failed attempts before a thread parks. */
const SPIN = 100;

/** The control block's words: the worker's own (set when it starts) or, on the main thread, the pool's. */
let words: Int32Array | undefined;
/** On the main thread, where the words come from when first needed (the pool, which pool.ts makes on demand). */
let source: (() => Int32Array) | undefined;
/** How many times this thread has entered each slot without leaving it. */
const depth = new Int32Array(CRITICAL_SLOTS);

/** Gives a worker thread the control block its critical sections lock in. */
export function useCriticalWords(i32: Int32Array): void {
  words = i32;
}

/** Tells the main thread how to get the control block (pool.ts does, so that this module needs no pool). */
export function criticalWordsFrom(get: () => Int32Array): void {
  source = get;
}

function controlWords(): Int32Array {
  words ??= source!();
  return words;
}

/** Enters the critical sections of slot `slot`: waits until no other thread is in one. */
export function enterCritical(slot: number): void {
  if (depth[slot]! > 0) {
    depth[slot]!++;
    return;
  }
  const i32 = controlWords();
  const at = criticalWord(slot);
  let c = Atomics.compareExchange(i32, at, 0, 1);
  for (let k = 0; c !== 0 && k < SPIN; k++) c = Atomics.compareExchange(i32, at, 0, 1);
  if (c !== 0) {
    if (c !== 2) c = Atomics.exchange(i32, at, 2);
    while (c !== 0) {
      Atomics.wait(i32, at, 2);
      c = Atomics.exchange(i32, at, 2);
    }
  }
  depth[slot] = 1;
}

/** Leaves the critical section of slot `slot` that this thread entered last, waking a waiting thread. */
export function exitCritical(slot: number): void {
  if (--depth[slot]! > 0) return;
  const i32 = controlWords();
  const at = criticalWord(slot);
  if (Atomics.sub(i32, at, 1) !== 1) {
    Atomics.store(i32, at, 0);
    Atomics.notify(i32, at, 1);
  }
}
