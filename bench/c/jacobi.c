/* bench/kernels/jacobi.ts in C: Jacobi relaxation of a 256 x 256 plate for 1000 steps. */
#include <math.h>
#include <string.h>
#include "timing.h"

enum { N = 256, STEPS = 1000 };
static double grid_a[N * N], grid_b[N * N];

static void sweep(const double *current, double *next) {
#pragma omp parallel for
  for (int i = 1; i < N - 1; i++) {
    int row = i * N;
    for (int j = 1; j < N - 1; j++) next[row + j] = 0.25 * (current[row + j - 1] + current[row + j + 1] + current[row - N + j] + current[row + N + j]);
  }
}

static double change(const double *a, const double *b) {
  double worst = 0;
#pragma omp parallel for reduction(max:worst)
  for (int i = 0; i < N * N; i++) worst = fmax(worst, fabs(a[i] - b[i]));
  return worst;
}

static double kernel(void) {
  double *a = grid_a, *b = grid_b;
  memset(grid_a, 0, sizeof grid_a);
  memset(grid_b, 0, sizeof grid_b);
  for (int j = 0; j < N; j++) a[j] = b[j] = 100;
  double delta = 0;
  for (int step = 0; step < STEPS; step++) {
    sweep(a, b);
    if (step % 50 == 49) delta = change(a, b);
    double *t = a;
    a = b;
    b = t;
  }
  double sum = 0;
  for (int i = 0; i < N * N; i++) sum += a[i];
  return round(sum * 1e6) / 1e6 + round(delta * 1e9) / 1e9;
}

int main(void) {
  report("jacobi", kernel);
  return 0;
}
