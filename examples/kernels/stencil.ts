// The Jacobi sweep used by examples/jacobi.ts (and the benchmarks in bench/kernels), in a module of its own.

/**
 * One Jacobi sweep of the 5-point Laplace stencil: next = average of the four neighbours in current.
 * The rows cost the same, but `guided` rather than `static` lets a faster core take more of them
 * (on a shared VM, two vCPUs can run this sweep at very different speeds; see docs/performance.md).
 */
export function sweep(current: Float64Array, next: Float64Array, n: number): void {
  // @omp parallel for schedule(guided)
  for (let i = 1; i < n - 1; i++) {
    const row = i * n;
    for (let j = 1; j < n - 1; j++) {
      next[row + j] = 0.25 * (current[row + j - 1]! + current[row + j + 1]! + current[row - n + j]! + current[row + n + j]!);
    }
  }
}

/** The largest change between two grids. */
export function change(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  // @omp parallel for reduction(max:worst)
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  }
  return worst;
}

/**
 * Relaxes an n × n plate whose top edge is held at 100 for `steps` sweeps (two grids, swapped after
 * each sweep), checking the change every 50 steps; returns a checksum of the final grid and change.
 */
export function relax(n: number, steps: number): number {
  let a = new Float64Array(n * n);
  let b = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    a[j] = 100;
    b[j] = 100;
  }
  let delta = 0;
  for (let step = 0; step < steps; step++) {
    sweep(a, b, n);
    if (step % 50 === 49) delta = change(a, b);
    [a, b] = [b, a];
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]!;
  return Math.round(sum * 1e6) / 1e6 + Math.round(delta * 1e9) / 1e9;
}
