// The matrix multiply of examples/matmul.ts (and of the benchmarks in bench/kernels).

/** C = A × B for n × n row-major matrices, in i-k-j order so that B and C are read along their rows. */
export function matmul(a: Float64Array, b: Float64Array, c: Float64Array, n: number): void {
  // @omp parallel for schedule(static)
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) c[row + j] = 0;
    for (let k = 0; k < n; k++) {
      const aik = a[row + k]!;
      const bk = k * n;
      for (let j = 0; j < n; j++) c[row + j]! += aik * b[bk + j]!;
    }
  }
}

/** The input matrices A and B and the output C, n × n, with the examples' values (on shared memory). */
export function matmulInputs(n: number): { a: Float64Array; b: Float64Array; c: Float64Array } {
  const a = new Float64Array(n * n);
  const b = new Float64Array(n * n);
  const c = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) {
    a[i] = (i % 17) - 8;
    b[i] = (i % 13) - 6;
  }
  return { a, b, c };
}

/** A sample of C's entries (every 7th), to compare runs. */
export function matrixChecksum(c: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < c.length; i += 7) sum += c[i]!;
  return sum;
}
