import path from "node:path";
import { root } from "../harness/build.js";
import { median, runInRounds } from "../harness/child.js";
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
 * processes, 5 times each in rounds (one process of each, then the next round), and prints the
 * medians: how long a program that runs one small loop takes to get its result, workers booting
 * included.
 */
export function runFirstResult(setup: Setup): FirstFigures[] {
  process.stderr.write("time to first result…\n");
  const file = (build: string) => path.join(setup.out, build, "bench", "kernels", "first-result.js");
  const programs = [
    { name: "sequential", build: "sequential", arg: "dynamic" },
    { name: "tsomp schedule(dynamic)", build: "parallel", arg: "dynamic" },
    { name: "tsomp schedule(static)", build: "parallel", arg: "static" },
  ];
  const lines = runInRounds(programs.map(({ build, arg }) => ({ file: file(build), args: [arg], env: { OMP_NUM_THREADS: String(setup.cores) } })), root, 5);
  const figures = programs.map(({ name }, i): FirstFigures => ({
    name,
    sinceStart: Number(median(lines[i]!, (l) => Number(l.sinceStart)).sinceStart),
    loop: Number(median(lines[i]!, (l) => Number(l.loop)).loop),
  }));
  printTable([["program", "process start → result", "first loop"], ...figures.map((f) => [f.name, ms(f.sinceStart), ms(f.loop)])]);
  return figures;
}
