/* The timing policy of examples/timing.ts, in C: warm up for at least 3 runs and 0.3 s, time at
 * least 7 runs and 1 s, print `RESULT {"checksum":…,"ms":…}` with the median time. */
#ifndef TSOMP_BENCH_TIMING_H
#define TSOMP_BENCH_TIMING_H
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

static int compare_doubles(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

static void report(const char *name, double (*kernel)(void)) {
  double warm = omp_get_wtime();
  for (int r = 0; r < 3 || omp_get_wtime() - warm < 0.3; r++) kernel();
  static double times[100000];
  int count = 0;
  double checksum = 0, start = omp_get_wtime();
  while (count < 7 || (omp_get_wtime() - start < 1.0 && count < 100000)) {
    double t = omp_get_wtime();
    checksum = kernel();
    times[count++] = (omp_get_wtime() - t) * 1000;
  }
  qsort(times, count, sizeof times[0], compare_doubles);
  printf("%s: checksum %.17g, median %.1f ms over %d runs\n", name, checksum, times[count / 2], count);
  printf("RESULT {\"checksum\":%.17g,\"ms\":%.6f}\n", checksum, times[count / 2]);
}

/** Median time per call of `call`, in microseconds, warmed up and sampled the way bench/kernels/per-call.ts does. */
static double per_call(void (*call)(void)) {
  double warm = omp_get_wtime();
  for (long calls = 0; calls < 1000 || omp_get_wtime() - warm < 0.3; calls++) call();
  long reps = 1;
  for (;;) {
    double t = omp_get_wtime();
    for (long r = 0; r < reps; r++) call();
    if (omp_get_wtime() - t >= 0.02) break;
    reps *= 2;
  }
  double samples[9];
  for (int s = 0; s < 9; s++) {
    double t = omp_get_wtime();
    for (long r = 0; r < reps; r++) call();
    samples[s] = (omp_get_wtime() - t) * 1e6 / reps;
  }
  qsort(samples, 9, sizeof samples[0], compare_doubles);
  return samples[4];
}
#endif
