/* bench/kernels/matmul.ts in C: C = A x B for 512 x 512 matrices, i-k-j order, rows split statically. */
#include "timing.h"

enum { N = 512 };
static double a[N * N], b[N * N], c[N * N];

static double kernel(void) {
#pragma omp parallel for schedule(static)
  for (int i = 0; i < N; i++) {
    int row = i * N;
    for (int j = 0; j < N; j++) c[row + j] = 0;
    for (int k = 0; k < N; k++) {
      double aik = a[row + k];
      int bk = k * N;
      for (int j = 0; j < N; j++) c[row + j] += aik * b[bk + j];
    }
  }
  double sum = 0;
  for (int i = 0; i < N * N; i += 7) sum += c[i];
  return sum;
}

int main(void) {
  for (int i = 0; i < N * N; i++) {
    a[i] = (i % 17) - 8;
    b[i] = (i % 13) - 6;
  }
  report("matmul", kernel);
  return 0;
}
