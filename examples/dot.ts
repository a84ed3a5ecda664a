// Dot product: a reduction over two long arrays. Each element costs two loads and a multiply-add,
// so the loop is limited by memory bandwidth as much as by arithmetic.
import { report } from "./timing.js";

/** The dot product of two equally long vectors. */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  // @omp parallel for reduction(+:sum)
  for (let i = 0; i < a.length; i++) {
    sum += a[i]! * b[i]!;
  }
  return sum;
}

function main(): void {
  const n = 8_000_000;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = (i % 1000) / 1000;
    b[i] = ((i * 7) % 1000) / 500;
  }
  report("dot", () => Math.round(dot(a, b) * 1000) / 1000);
}

main();
