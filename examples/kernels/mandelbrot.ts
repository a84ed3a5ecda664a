// The Mandelbrot kernel of examples/mandelbrot.ts (and of the benchmarks in bench/kernels).

/** Iterations before z = z² + c escapes the radius-2 disc, up to maxIter. */
export function escapeTime(cx: number, cy: number, maxIter: number): number {
  let x = 0;
  let y = 0;
  let k = 0;
  while (k < maxIter && x * x + y * y <= 4) {
    const t = x * x - y * y + cx;
    y = 2 * x * y + cy;
    x = t;
    k++;
  }
  return k;
}

/** Fills `out` (height rows of width pixels) with escape times over [-2.5, 1] × [-1, 1]. */
export function mandelbrot(out: Int32Array, width: number, height: number, maxIter: number): void {
  // @omp parallel for schedule(dynamic, 4)
  for (let y = 0; y < height; y++) {
    const cy = (y / height) * 2 - 1;
    for (let x = 0; x < width; x++) {
      out[y * width + x] = escapeTime((x / width) * 3.5 - 2.5, cy, maxIter);
    }
  }
}

/** The sum of all escape times, to compare runs. */
export function imageChecksum(image: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < image.length; i++) sum += image[i]!;
  return sum;
}
