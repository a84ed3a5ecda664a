// EPCC syncbench-style costs of the synchronization constructs: every thread updates one shared
// value in a loop, through `atomic` on an Int32Array and on a Float64Array element, a `critical`
// section, and an OpenMP lock; the figure is the wall time per update, all threads contending.
import { omp_init_lock, omp_set_lock, omp_unset_lock } from "tsomp/runtime";
import { perCall, result } from "./per-call.js";

const UPDATES = 200_000;
const counter = new Int32Array(1);
const total = new Float64Array(1);
const lock = omp_init_lock();

function atomicInt(): void {
  // @omp parallel for
  for (let i = 0; i < UPDATES; i++) {
    // @omp atomic
    counter[0]++;
  }
}

function atomicFloat(): void {
  // @omp parallel for
  for (let i = 0; i < UPDATES; i++) {
    // @omp atomic
    total[0] += 0.5;
  }
}

function critical(): void {
  // @omp parallel for
  for (let i = 0; i < UPDATES; i++) {
    // @omp critical
    total[0] += 0.5;
  }
}

function locked(): void {
  // @omp parallel for
  for (let i = 0; i < UPDATES; i++) {
    omp_set_lock(lock);
    total[0] += 0.5;
    omp_unset_lock(lock);
  }
}

const ns = (us: number) => (us * 1000) / UPDATES;
result({ name: "atomic int32", ns: ns(await perCall(atomicInt)) });
result({ name: "atomic float64", ns: ns(await perCall(atomicFloat)) });
result({ name: "critical", ns: ns(await perCall(critical)) });
result({ name: "lock", ns: ns(await perCall(locked)) });
