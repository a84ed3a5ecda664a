import path from "node:path";
import { root } from "../harness/build.js";
import { median, runOnce } from "../harness/child.js";
import { ms, printTable } from "../harness/table.js";
import type { Setup } from "./setup.js";

/** Time from process start to the first loop's result, and the loop alone, in ms. */
export interface FirstFigures {
  readonly name: string;
  readonly sinceStart: number;
  readonly loop: number;
}

/**
 * Runs bench/kernels/first-result.ts untransformed and transformed (dynamic and static) in fresh
 * processes, 5 times each, and prints the medians: how long a program that runs one small loop
 * takes to get its result, workers booting included.
 */
export function runFirstResult(setup: Setup): FirstFigures[] {
  process.stderr.write("time to first result…\n");
  const file = (build: string) => path.join(setup.out, build, "bench", "kernels", "first-result.js");
  const measure = (name: string, build: string, arg: string): FirstFigures => {
    const lines = Array.from({ length: 5 }, () => runOnce({ file: file(build), args: [arg], env: { OMP_NUM_THREADS: String(setup.cores) } }, root)[0]!);
    const mid = median(lines, (l) => Number(l.sinceStart));
    return { name, sinceStart: Number(mid.sinceStart), loop: median(lines, (l) => Number(l.loop)).loop as number };
  };
  const figures = [
    measure("sequential", "sequential", "dynamic"),
    measure("tsomp schedule(dynamic)", "parallel", "dynamic"),
    measure("tsomp schedule(static)", "parallel", "static"),
  ];
  printTable([["program", "process start → result", "first loop"], ...figures.map((f) => [f.name, ms(f.sinceStart), ms(f.loop)])]);
  return figures;
}
