// The dot product of examples/dot.ts (and of the benchmarks in bench/kernels).

/** The dot product of two equally long vectors. */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  // @omp parallel for reduction(+:sum)
  for (let i = 0; i < a.length; i++) {
    sum += a[i]! * b[i]!;
  }
  return sum;
}

/** Two vectors of length n with the examples' values (tsomp allocates them on shared memory). */
export function dotInputs(n: number): { a: Float64Array; b: Float64Array } {
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = (i % 1000) / 1000;
    b[i] = ((i * 7) % 1000) / 500;
  }
  return { a, b };
}
