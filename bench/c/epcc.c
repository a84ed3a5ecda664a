/* bench/kernels/epcc.ts in C (libgomp): empty parallel for with one iteration per thread, the
 * same with a reduction, and the per-chunk cost of dynamic,1 (also nonmonotonic) and guided,1 over static. */
#include "timing.h"

enum { ITERATIONS_PER_THREAD = 1024, DELAY = 100 };
static int p;
static double *out;
static volatile double sink;

static void empty_region(void) {
#pragma omp parallel for
  for (int i = 0; i < p; i++) {}
}

static void reduction_region(void) {
  double sum = 0;
#pragma omp parallel for reduction(+:sum)
  for (int i = 0; i < p; i++) sum += i;
  sink = sum;
}

static double delay(double seed) {
  double x = seed;
  for (int k = 0; k < DELAY; k++) x = x * 0.999999 + 1;
  return x;
}

static void static_loop(void) {
#pragma omp parallel for schedule(static)
  for (int i = 0; i < ITERATIONS_PER_THREAD * p; i++) out[i] = delay(i);
}

static void dynamic_loop(void) {
#pragma omp parallel for schedule(dynamic, 1)
  for (int i = 0; i < ITERATIONS_PER_THREAD * p; i++) out[i] = delay(i);
}

static void nonmonotonic_loop(void) {
#pragma omp parallel for schedule(nonmonotonic: dynamic, 1)
  for (int i = 0; i < ITERATIONS_PER_THREAD * p; i++) out[i] = delay(i);
}

static void guided_loop(void) {
#pragma omp parallel for schedule(guided, 1)
  for (int i = 0; i < ITERATIONS_PER_THREAD * p; i++) out[i] = delay(i);
}

static int guided_chunks(int n, int p) {
  int chunks = 0;
  for (int next = 0; next < n; chunks++) {
    int rem = n - next, q = (rem + p - 1) / p;
    next += q < 1 ? 1 : q;
  }
  return chunks;
}

int main(void) {
  p = omp_get_max_threads();
  out = malloc(sizeof *out * ITERATIONS_PER_THREAD * p);
  printf("RESULT {\"name\":\"parallel for\",\"us\":%.6f}\n", per_call(empty_region));
  printf("RESULT {\"name\":\"reduction\",\"us\":%.6f}\n", per_call(reduction_region));
  double s = per_call(static_loop), d = per_call(dynamic_loop), m = per_call(nonmonotonic_loop), g = per_call(guided_loop);
  printf("RESULT {\"name\":\"static\",\"us\":%.6f}\n", s);
  printf("RESULT {\"name\":\"dynamic,1 per chunk\",\"ns\":%.6f}\n", (d - s) * 1000 / ITERATIONS_PER_THREAD);
  printf("RESULT {\"name\":\"nonmonotonic dynamic,1 per chunk\",\"ns\":%.6f}\n", (m - s) * 1000 / ITERATIONS_PER_THREAD);
  printf("RESULT {\"name\":\"guided,1 per chunk\",\"ns\":%.6f}\n", (g - s) * 1000 / ((double)guided_chunks(ITERATIONS_PER_THREAD * p, p) / p));
  return 0;
}
