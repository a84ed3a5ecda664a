// The piscina worker of the hand-written versions: each task computes one range of a kernel on
// arrays that live on SharedArrayBuffers (piscina passes them by reference) and returns a number.
import { escapeTime } from "../../examples/kernels/mandelbrot.js";

/** The tasks the benchmarks post, by name. */
export type Task =
  | { readonly kind: "empty" }
  | { readonly kind: "mandelbrot"; readonly out: Int32Array; readonly width: number; readonly height: number; readonly maxIter: number; readonly lo: number; readonly hi: number }
  | { readonly kind: "dot"; readonly a: Float64Array; readonly b: Float64Array; readonly lo: number; readonly hi: number }
  | { readonly kind: "matmul"; readonly a: Float64Array; readonly b: Float64Array; readonly c: Float64Array; readonly n: number; readonly lo: number; readonly hi: number }
  | { readonly kind: "sweep"; readonly current: Float64Array; readonly next: Float64Array; readonly n: number; readonly lo: number; readonly hi: number }
  | { readonly kind: "change"; readonly a: Float64Array; readonly b: Float64Array; readonly lo: number; readonly hi: number };

/** Runs one task (piscina calls the default export). */
export default function run(task: Task): number {
  switch (task.kind) {
    case "empty": return 0;
    case "mandelbrot": return mandelbrotRows(task);
    case "dot": return dotRange(task);
    case "matmul": return matmulRows(task);
    case "sweep": return sweepRows(task);
    case "change": return changeRange(task);
  }
}

function mandelbrotRows({ out, width, height, maxIter, lo, hi }: Extract<Task, { kind: "mandelbrot" }>): number {
  for (let y = lo; y < hi; y++) {
    const cy = (y / height) * 2 - 1;
    for (let x = 0; x < width; x++) out[y * width + x] = escapeTime((x / width) * 3.5 - 2.5, cy, maxIter);
  }
  return 0;
}

function dotRange({ a, b, lo, hi }: Extract<Task, { kind: "dot" }>): number {
  let sum = 0;
  for (let i = lo; i < hi; i++) sum += a[i]! * b[i]!;
  return sum;
}

function matmulRows({ a, b, c, n, lo, hi }: Extract<Task, { kind: "matmul" }>): number {
  for (let i = lo; i < hi; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) c[row + j] = 0;
    for (let k = 0; k < n; k++) {
      const aik = a[row + k]!;
      const bk = k * n;
      for (let j = 0; j < n; j++) c[row + j]! += aik * b[bk + j]!;
    }
  }
  return 0;
}

function sweepRows({ current, next, n, lo, hi }: Extract<Task, { kind: "sweep" }>): number {
  for (let i = lo; i < hi; i++) {
    const row = i * n;
    for (let j = 1; j < n - 1; j++) next[row + j] = 0.25 * (current[row + j - 1]! + current[row + j + 1]! + current[row - n + j]! + current[row + n + j]!);
  }
  return 0;
}

function changeRange({ a, b, lo, hi }: Extract<Task, { kind: "change" }>): number {
  let worst = 0;
  for (let i = lo; i < hi; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}
