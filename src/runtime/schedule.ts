/**
 * The schedules of SPEC §5 as pure functions of the iteration count `n`, team size `p`, thread
 * `t` and chunk `c`, in logical iterations 0..n−1. The runtime's threads and the tests use them.
 */

/** `static` without a chunk: thread t's one block, `[t*q + min(t, r), … + q + (t < r))`. */
export function staticBlock(n: number, p: number, t: number): [number, number] {
  const q = Math.floor(n / p);
  const r = n % p;
  const start = t * q + Math.min(t, r);
  return [start, start + q + (t < r ? 1 : 0)];
}

/** `static, c`: thread t's k-th chunk is chunk `t + k*p`, `[j*c, min((j+1)*c, n))`; empty when past the end. */
export function staticChunk(n: number, p: number, t: number, c: number, k: number): [number, number] {
  const j = t + k * p;
  return [Math.min(j * c, n), Math.min((j + 1) * c, n)];
}

/** `guided, c`: the size of the next chunk when `next` iterations are already handed out. */
export function guidedSize(n: number, p: number, c: number, next: number): number {
  const remaining = n - next;
  return Math.min(remaining, Math.max(Math.ceil(remaining / p), c));
}
