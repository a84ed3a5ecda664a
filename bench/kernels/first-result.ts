// Time to first result: a process that runs one small loop (a sum of square roots over 200,000
// elements, about a millisecond) and exits. The workers take tens of milliseconds to boot; with
// `schedule(dynamic)` the caller starts on the work at once and workers join as they come up,
// while `schedule(static)` must wait for every thread's block. Prints the time from process start
// to the result, to compare with the untransformed program.
import { result } from "./per-call.js";

const N = 200_000;

function dynamicLoop(): number {
  let sum = 0;
  // @omp parallel for reduction(+:sum) schedule(dynamic, 1000)
  for (let i = 0; i < N; i++) sum += Math.sqrt(i);
  return sum;
}

function staticLoop(): number {
  let sum = 0;
  // @omp parallel for reduction(+:sum)
  for (let i = 0; i < N; i++) sum += Math.sqrt(i);
  return sum;
}

const loop = process.argv[2] === "static" ? staticLoop : dynamicLoop;
const start = performance.now();
const sum = loop();
result({ name: process.argv[2] ?? "dynamic", sinceStart: performance.now(), loop: performance.now() - start, checksum: Math.round(sum) });
