/* bench/kernels/mandelbrot.ts in C: 1200 x 800, 400 iterations, schedule from argv[1]. */
#include <string.h>
#include "timing.h"

enum { WIDTH = 1200, HEIGHT = 800, MAX_ITER = 400 };
static int image[WIDTH * HEIGHT];
static omp_sched_t kind = omp_sched_dynamic;

static int escape_time(double cx, double cy, int max_iter) {
  double x = 0, y = 0;
  int k = 0;
  while (k < max_iter && x * x + y * y <= 4) {
    double t = x * x - y * y + cx;
    y = 2 * x * y + cy;
    x = t;
    k++;
  }
  return k;
}

static double kernel(void) {
  omp_set_schedule(kind, kind == omp_sched_static ? 0 : 1);
#pragma omp parallel for schedule(runtime)
  for (int y = 0; y < HEIGHT; y++) {
    double cy = ((double)y / HEIGHT) * 2 - 1;
    for (int x = 0; x < WIDTH; x++) image[y * WIDTH + x] = escape_time(((double)x / WIDTH) * 3.5 - 2.5, cy, MAX_ITER);
  }
  double sum = 0;
  for (int i = 0; i < WIDTH * HEIGHT; i++) sum += image[i];
  return sum;
}

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "dynamic";
  kind = strcmp(name, "static") == 0 ? omp_sched_static : strcmp(name, "guided") == 0 ? omp_sched_guided : omp_sched_dynamic;
  report("mandelbrot", kernel);
  return 0;
}
