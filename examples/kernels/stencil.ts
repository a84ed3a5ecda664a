// The Jacobi sweep used by examples/jacobi.ts, in a module of its own: the arrays it works on are
// allocated in the caller's module, and tsomp allocates them on shared memory there.

/** One Jacobi sweep of the 5-point Laplace stencil: next = average of the four neighbours in current. */
export function sweep(current: Float64Array, next: Float64Array, n: number): void {
  // @omp parallel for
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
