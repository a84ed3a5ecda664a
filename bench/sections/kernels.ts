import path from "node:path";
import { root } from "../harness/build.js";
import { timeKernels, type Program, type Timing } from "../harness/child.js";
import { ms, printTable, times } from "../harness/table.js";
import type { Setup } from "./setup.js";

/** A kernel's figures in every configuration that ran. */
export interface KernelFigures {
  readonly name: string;
  readonly sequential: Timing;
  /** tsomp by team size. */
  readonly tsomp: ReadonlyMap<number, Timing>;
  /** The hand-written piscina version on all cores, when there is one for this row. */
  readonly piscina?: Timing;
  /** C OpenMP by team size, when gcc is there. */
  readonly c: ReadonlyMap<number, Timing>;
  /** True when every run printed the same checksum (to 1e-9, relative: reductions add in another order). */
  readonly match: boolean;
}

/** The rows: a kernel program, its argument, and whether the piscina version belongs in this row. */
const ROWS = [
  { name: "mandelbrot static", program: "mandelbrot", arg: "static", piscina: false },
  { name: "mandelbrot dynamic", program: "mandelbrot", arg: "dynamic", piscina: true },
  { name: "mandelbrot guided", program: "mandelbrot", arg: "guided", piscina: false },
  { name: "dot (reduction)", program: "dot", arg: undefined, piscina: true },
  { name: "matmul 512", program: "matmul", arg: undefined, piscina: true },
  { name: "jacobi 256 × 1000", program: "jacobi", arg: undefined, piscina: true },
] as const;

/** Runs every kernel sequentially, with tsomp on each team size, with piscina and in C, and prints their table. */
export function runKernels(setup: Setup): KernelFigures[] {
  const figures = ROWS.map((row): KernelFigures => {
    process.stderr.write(`kernel ${row.name}…\n`);
    const args = row.arg ? [row.arg] : [];
    const js = `${row.program}.js`;
    const cDir = "dir" in setup.c ? setup.c.dir : undefined;
    const cThreads = cDir === undefined ? [] : [1, setup.cores];
    const programs: Program[] = [
      { file: path.join(setup.out, "sequential", "bench", "kernels", js), args },
      ...setup.threads.map((p) => ({ file: path.join(setup.out, "parallel", "bench", "kernels", js), args, env: { OMP_NUM_THREADS: String(p) } })),
      ...(row.piscina ? [{ file: path.join(setup.out, "sequential", "bench", "piscina", "kernels.js"), args: [row.program], env: { OMP_NUM_THREADS: String(setup.cores) } }] : []),
      ...(cDir === undefined ? [] : cThreads.map((p) => ({ file: path.join(cDir, row.program), native: true, args, env: { OMP_NUM_THREADS: String(p) } }))),
    ];
    const timings = timeKernels(programs, root, setup.runs);
    const sequential = timings.shift()!;
    const tsomp = new Map(setup.threads.map((p) => [p, timings.shift()!]));
    const piscina = row.piscina ? timings.shift() : undefined;
    const c = new Map(cThreads.map((p) => [p, timings.shift()!]));
    const all = [sequential, ...tsomp.values(), ...(piscina ? [piscina] : []), ...c.values()];
    const match = all.every((t) => Math.abs(t.checksum - sequential.checksum) <= 1e-9 * Math.max(1, Math.abs(sequential.checksum)));
    return { name: row.name, sequential, tsomp, ...(piscina ? { piscina } : {}), c, match };
  });
  const p = setup.cores;
  const cell = (t: Timing | undefined) => (t ? ms(t.ms) : "—");
  printTable([
    ["kernel", "sequential", ...setup.threads.map((n) => `tsomp ${n}`), `piscina ${p}`, ...("dir" in setup.c ? ["C 1", `C ${p}`] : []), `tsomp ${p} speedup`, "results"],
    ...figures.map((f) => [
      f.name, cell(f.sequential), ...setup.threads.map((n) => cell(f.tsomp.get(n))), cell(f.piscina), ...("dir" in setup.c ? [cell(f.c.get(1)), cell(f.c.get(p))] : []),
      times(f.sequential.ms / f.tsomp.get(p)!.ms), f.match ? "match" : "DIFFER",
    ]),
  ]);
  if ("missing" in setup.c) console.log(`(no C OpenMP column: ${setup.c.missing})`);
  return figures;
}
