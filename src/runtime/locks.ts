/**
 * OpenMP simple locks (SPEC §7). A lock is sixteen int32 words (one cache line) on a
 * SharedArrayBuffer, so a parallel loop captures it as it captures a typed array, with no clause,
 * and every thread sees the same words: word 0 says who holds it (0: nobody, −1: destroyed,
 * otherwise the holder's thread id + 1), word 1 counts the threads parked waiting for it.
 * A thread that finds the lock held spins briefly, then parks on word 0 with `Atomics.wait`.
 */
import { threadId } from "node:worker_threads";
import { ompError } from "./errors.js";

declare const lockBrand: unique symbol;

/** An OpenMP lock: an Int32Array on shared memory that only these functions should touch. */
export type omp_lock_t = Int32Array & { readonly [lockBrand]: "omp_lock_t" };

const HOLDER = 0;
const WAITERS = 1;
const DESTROYED = -1;
const WORDS = 16;
/** Failed attempts before a thread parks: a lock is usually held for a few instructions. */
const SPIN = 100;

/** This thread's mark in a lock it holds. */
const self = threadId + 1;

/** A new, unset lock. */
export function omp_init_lock(): omp_lock_t {
  return new Int32Array(new SharedArrayBuffer(WORDS * 4)) as omp_lock_t;
}

/** Waits until this thread holds `lock`; throws if it holds it already (that would wait forever) or the lock was destroyed. */
export function omp_set_lock(lock: omp_lock_t): void {
  check(lock, "omp_set_lock");
  for (let attempts = 1; ; attempts++) {
    const holder = Atomics.compareExchange(lock, HOLDER, 0, self);
    if (holder === 0) return;
    if (holder === self) throw ompError("LockMisused", { fn: "omp_set_lock", detail: "this thread holds the lock already; setting it again would wait forever" });
    if (holder === DESTROYED) throw destroyed("omp_set_lock");
    if (attempts < SPIN) continue;
    Atomics.add(lock, WAITERS, 1);
    Atomics.wait(lock, HOLDER, holder);
    Atomics.sub(lock, WAITERS, 1);
  }
}

/** Releases `lock`, which this thread must hold, and wakes one thread waiting for it. */
export function omp_unset_lock(lock: omp_lock_t): void {
  check(lock, "omp_unset_lock");
  const holder = Atomics.load(lock, HOLDER);
  if (holder === DESTROYED) throw destroyed("omp_unset_lock");
  if (holder !== self) throw ompError("LockMisused", { fn: "omp_unset_lock", detail: holder === 0 ? "the lock is not set" : "another thread holds the lock" });
  Atomics.store(lock, HOLDER, 0);
  if (Atomics.load(lock, WAITERS) > 0) Atomics.notify(lock, HOLDER, 1);
}

/** Sets `lock` if no thread holds it and returns true; returns false at once otherwise (also when this thread holds it). */
export function omp_test_lock(lock: omp_lock_t): boolean {
  check(lock, "omp_test_lock");
  const holder = Atomics.compareExchange(lock, HOLDER, 0, self);
  if (holder === DESTROYED) throw destroyed("omp_test_lock");
  return holder === 0;
}

/** Ends `lock`'s life: later calls with it throw. The lock must not be set. */
export function omp_destroy_lock(lock: omp_lock_t): void {
  check(lock, "omp_destroy_lock");
  const holder = Atomics.compareExchange(lock, HOLDER, 0, DESTROYED);
  if (holder === DESTROYED) throw destroyed("omp_destroy_lock");
  if (holder !== 0) throw ompError("LockMisused", { fn: "omp_destroy_lock", detail: "the lock is set; unset it first" });
}

/** Throws unless `lock` is what omp_init_lock makes (a sixteen-word Int32Array on shared memory). */
function check(lock: unknown, fn: string): void {
  if (lock instanceof Int32Array && lock.length === WORDS && lock.buffer instanceof SharedArrayBuffer) return;
  throw ompError("LockMisused", { fn, detail: `expected a lock made by omp_init_lock, got ${describe(lock)}` });
}

function destroyed(fn: string) {
  return ompError("LockMisused", { fn, detail: "the lock was destroyed by omp_destroy_lock" });
}

function describe(value: unknown): string {
  if (value === null || typeof value !== "object") return String(value);
  return value.constructor?.name ?? "an object";
}
