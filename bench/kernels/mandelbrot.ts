// Benchmark: the Mandelbrot image of examples/mandelbrot.ts, 1200 × 800 pixels up to 400
// iterations, with the schedule named on the command line (static, dynamic or guided). Rows near
// the set cost far more than rows outside it, so static blocks leave threads idle.
import { escapeTime, imageChecksum } from "../../examples/kernels/mandelbrot.js";
import { report } from "../../examples/timing.js";

const WIDTH = 1200;
const HEIGHT = 800;
const MAX_ITER = 400;

/** One row of the image, as every variant computes it. */
function row(out: Int32Array, y: number): void {
  const cy = (y / HEIGHT) * 2 - 1;
  for (let x = 0; x < WIDTH; x++) out[y * WIDTH + x] = escapeTime((x / WIDTH) * 3.5 - 2.5, cy, MAX_ITER);
}

function renderStatic(out: Int32Array): void {
  // @omp parallel for schedule(static)
  for (let y = 0; y < HEIGHT; y++) row(out, y);
}

function renderDynamic(out: Int32Array): void {
  // @omp parallel for schedule(dynamic)
  for (let y = 0; y < HEIGHT; y++) row(out, y);
}

function renderGuided(out: Int32Array): void {
  // @omp parallel for schedule(guided)
  for (let y = 0; y < HEIGHT; y++) row(out, y);
}

// Left to inference, the object's type names the three functions, so tsomp follows `image` into
// them and allocates it on shared memory; a `Record<string, (out: Int32Array) => void>` type would
// hide them, and the runtime would copy the image in and out at every region (OMP4006).
const variants = { static: renderStatic, dynamic: renderDynamic, guided: renderGuided };
const variant = process.argv[2] ?? "dynamic";
if (!(variant in variants)) throw new Error(`usage: mandelbrot.js static|dynamic|guided`);
const render = variants[variant as keyof typeof variants];
const image = new Int32Array(WIDTH * HEIGHT);
await report("mandelbrot", () => {
  render(image);
  return imageChecksum(image);
});
