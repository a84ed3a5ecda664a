// Mandelbrot set: rows near the set take far longer than rows outside it, so the iterations are
// imbalanced and `schedule(dynamic, 4)` (see kernels/mandelbrot.ts) hands rows out as threads
// become free.
import { imageChecksum, mandelbrot } from "./kernels/mandelbrot.js";
import { report } from "./timing.js";

function main(): void {
  const width = 1200;
  const height = 800;
  const image = new Int32Array(width * height);
  report("mandelbrot", () => {
    mandelbrot(image, width, height, 400);
    return imageChecksum(image);
  });
}

main();
