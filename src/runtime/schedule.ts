/**
 * The schedules of SPEC §5 as pure functions of the iteration count `n`, team size `p`, thread
 * `t` and chunk `c`, in logical iterations 0..n−1 (returning numbers, not pairs, so that claiming
 * a chunk allocates nothing). The runtime's threads and the tests use them.
 */

/** `static` without a chunk: where thread t's one block starts, `t*q + min(t, r)` (thread t+1's start ends it). */
export function staticStart(n: number, p: number, t: number): number {
  return t * Math.floor(n / p) + Math.min(t, n % p);
}

/** `static, c`: where thread t's k-th chunk (chunk `t + k*p`) starts, capped at n; it runs to `min(start + c, n)`. */
export function staticChunkStart(n: number, p: number, t: number, c: number, k: number): number {
  return Math.min((t + k * p) * c, n);
}

/** `guided, c`: the size of the next chunk when `next` iterations are already handed out. */
export function guidedSize(n: number, p: number, c: number, next: number): number {
  const remaining = n - next;
  return Math.min(remaining, Math.max(Math.ceil(remaining / p), c));
}
