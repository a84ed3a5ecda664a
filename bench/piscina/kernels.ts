// The benchmark kernels written by hand for piscina, as a JavaScript programmer would without
// tsomp: the arrays on SharedArrayBuffers, each parallel loop split into tasks (one per thread,
// or 50 for the imbalanced Mandelbrot rows), results combined on the main thread. The kernel is
// named on the command line; sizes and checksums are those of bench/kernels.
import { imageChecksum } from "../../examples/kernels/mandelbrot.js";
import { matrixChecksum } from "../../examples/kernels/matmul.js";
import { report } from "../../examples/timing.js";
import { teamSize } from "../kernels/per-call.js";
import { createPool, runRanges } from "./pool.js";

const p = teamSize();
const pool = createPool(p);

/** A typed array of `length` elements on a SharedArrayBuffer of its own. */
function shared<T>(View: new (buffer: SharedArrayBuffer) => T, bytesPerElement: number, length: number): T {
  return new View(new SharedArrayBuffer(length * bytesPerElement));
}

async function mandelbrot(): Promise<void> {
  const width = 1200;
  const height = 800;
  const out = shared(Int32Array, 4, width * height);
  await report("mandelbrot", async () => {
    await runRanges(pool, 0, height, 50, (lo, hi) => ({ kind: "mandelbrot", out, width, height, maxIter: 400, lo, hi }));
    return imageChecksum(out);
  });
}

async function dot(): Promise<void> {
  const n = 8_000_000;
  const a = shared(Float64Array, 8, n);
  const b = shared(Float64Array, 8, n);
  for (let i = 0; i < n; i++) {
    a[i] = (i % 1000) / 1000;
    b[i] = ((i * 7) % 1000) / 500;
  }
  await report("dot", async () => {
    const parts = await runRanges(pool, 0, n, p, (lo, hi) => ({ kind: "dot", a, b, lo, hi }));
    return Math.round(parts.reduce((x, y) => x + y, 0) * 1000) / 1000;
  });
}

async function matmul(): Promise<void> {
  const n = 512;
  const a = shared(Float64Array, 8, n * n);
  const b = shared(Float64Array, 8, n * n);
  const c = shared(Float64Array, 8, n * n);
  for (let i = 0; i < n * n; i++) {
    a[i] = (i % 17) - 8;
    b[i] = (i % 13) - 6;
  }
  await report("matmul", async () => {
    await runRanges(pool, 0, n, p, (lo, hi) => ({ kind: "matmul", a, b, c, n, lo, hi }));
    return matrixChecksum(c);
  });
}

async function jacobi(): Promise<void> {
  const n = 256;
  const steps = 1000;
  await report("jacobi", async () => {
    let a = shared(Float64Array, 8, n * n);
    let b = shared(Float64Array, 8, n * n);
    for (let j = 0; j < n; j++) {
      a[j] = 100;
      b[j] = 100;
    }
    let delta = 0;
    for (let step = 0; step < steps; step++) {
      const [current, next] = [a, b];
      await runRanges(pool, 1, n - 1, p, (lo, hi) => ({ kind: "sweep", current, next, n, lo, hi }));
      if (step % 50 === 49) delta = Math.max(...(await runRanges(pool, 0, n * n, p, (lo, hi) => ({ kind: "change", a: current, b: next, lo, hi }))));
      [a, b] = [b, a];
    }
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += a[i]!;
    return Math.round(sum * 1e6) / 1e6 + Math.round(delta * 1e9) / 1e9;
  });
}

const kernels: Record<string, () => Promise<void>> = { mandelbrot, dot, matmul, jacobi };
const kernel = kernels[process.argv[2] ?? ""];
if (!kernel) throw new Error(`usage: kernels.js ${Object.keys(kernels).join("|")}`);
await kernel();
await pool.destroy();
