/* bench/kernels/sync.ts in C (libgomp): the cost per update of atomic (int and double), critical
 * and an OpenMP lock, every thread updating one shared value. */
#include "timing.h"

#define UPDATES 200000
static int counter;
static double total;
static omp_lock_t lock;

static void atomic_int(void) {
#pragma omp parallel for
  for (int i = 0; i < UPDATES; i++) {
#pragma omp atomic
    counter++;
  }
}

static void atomic_float(void) {
#pragma omp parallel for
  for (int i = 0; i < UPDATES; i++) {
#pragma omp atomic
    total += 0.5;
  }
}

static void critical(void) {
#pragma omp parallel for
  for (int i = 0; i < UPDATES; i++) {
#pragma omp critical
    total += 0.5;
  }
}

static void locked(void) {
#pragma omp parallel for
  for (int i = 0; i < UPDATES; i++) {
    omp_set_lock(&lock);
    total += 0.5;
    omp_unset_lock(&lock);
  }
}

int main(void) {
  omp_init_lock(&lock);
  printf("RESULT {\"name\":\"atomic int32\",\"ns\":%.6f}\n", per_call(atomic_int) * 1000 / UPDATES);
  printf("RESULT {\"name\":\"atomic float64\",\"ns\":%.6f}\n", per_call(atomic_float) * 1000 / UPDATES);
  printf("RESULT {\"name\":\"critical\",\"ns\":%.6f}\n", per_call(critical) * 1000 / UPDATES);
  printf("RESULT {\"name\":\"lock\",\"ns\":%.6f}\n", per_call(locked) * 1000 / UPDATES);
  omp_destroy_lock(&lock);
  return (counter == 0 && total == 0) ? 1 : 0;
}
