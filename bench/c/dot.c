/* bench/kernels/dot.ts in C: the dot product of two vectors of 8,000,000 doubles. */
#include <math.h>
#include "timing.h"

enum { N = 8000000 };
static double a[N], b[N];

static double kernel(void) {
  double sum = 0;
#pragma omp parallel for reduction(+:sum)
  for (int i = 0; i < N; i++) sum += a[i] * b[i];
  return round(sum * 1000) / 1000;
}

int main(void) {
  for (int i = 0; i < N; i++) {
    a[i] = (i % 1000) / 1000.0;
    b[i] = ((i * 7L) % 1000) / 500.0;
  }
  report("dot", kernel);
  return 0;
}
