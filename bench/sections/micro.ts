import path from "node:path";
import { root } from "../harness/build.js";
import { runMedian, type ResultLine } from "../harness/child.js";
import { printTable, us } from "../harness/table.js";
import type { Setup } from "./setup.js";

/** The microbenchmarks' figures for one team size. */
export interface MicroFigures {
  readonly threads: number;
  /** tsomp: empty parallel for, with a reduction (µs); per-chunk cost of dynamic,1, nonmonotonic dynamic,1 and guided,1 over static (ns). */
  readonly tsomp: { readonly fork: number; readonly reduction: number; readonly dynamicChunk: number; readonly stealingChunk: number; readonly guidedChunk: number };
  /** The hand-written SharedArrayBuffer fork/join (µs). */
  readonly floor: number;
  /** A hand-written team's per-chunk cost of dynamic,1 through one Atomics.add counter, over static (ns). */
  readonly floorChunk: number;
  /** One piscina task per thread, posted and awaited (µs). */
  readonly piscina: number;
  /** libgomp's figures, as tsomp's, when gcc is there. */
  readonly c?: MicroFigures["tsomp"];
  /** Nanoseconds per contended update through atomic (int32, float64), critical and a lock: tsomp's, and libgomp's when gcc is there. */
  readonly sync: SyncFigures;
  readonly cSync?: SyncFigures;
}

/** What bench/kernels/sync.ts and bench/c/sync.c measure. */
export interface SyncFigures {
  readonly atomicInt: number;
  readonly atomicFloat: number;
  readonly critical: number;
  readonly lock: number;
}

/** Runs the EPCC-style microbenchmarks for every team size and prints their table. */
export function runMicro(setup: Setup): MicroFigures[] {
  const figures = setup.threads.map((p) => {
    process.stderr.write(`microbenchmarks, ${p} thread${p > 1 ? "s" : ""}…\n`);
    const env = { OMP_NUM_THREADS: String(p) };
    const sequential = (file: string) => path.join(setup.out, "sequential", "bench", file);
    const tsomp = epcc(runMedian({ file: path.join(setup.out, "parallel", "bench", "kernels", "epcc.js"), env }, root, setup.runs));
    const floor = Number(runMedian({ file: sequential("floor/fork-join.js"), env }, root, setup.runs)[0]!.us);
    const floorChunk = Number(runMedian({ file: sequential("floor/dynamic-chunk.js"), env }, root, setup.runs)[0]!.ns);
    const piscina = Number(runMedian({ file: sequential("piscina/round-trip.js"), env }, root, setup.runs)[0]!.us);
    const c = "dir" in setup.c ? epcc(runMedian({ file: path.join(setup.c.dir, "epcc"), native: true, env }, root, setup.runs)) : undefined;
    const sync = syncFigures(runMedian({ file: path.join(setup.out, "parallel", "bench", "kernels", "sync.js"), env }, root, setup.runs));
    const cSync = "dir" in setup.c ? syncFigures(runMedian({ file: path.join(setup.c.dir, "sync"), native: true, env }, root, setup.runs)) : undefined;
    return { threads: p, tsomp, floor, floorChunk, piscina, sync, ...(c ? { c } : {}), ...(cSync ? { cSync } : {}) };
  });
  const ns = (x: number) => `${x.toFixed(0)} ns`;
  const header = ["", ...figures.map((f) => `${f.threads} thread${f.threads > 1 ? "s" : ""}`)];
  const row = (name: string, cell: (f: MicroFigures) => string | undefined) => [name, ...figures.map((f) => cell(f) ?? "—")];
  printTable([
    header,
    row("tsomp: empty parallel for (fork + join)", (f) => us(f.tsomp.fork)),
    row("hand-written SAB + Atomics floor", (f) => us(f.floor)),
    row("piscina: one task per thread", (f) => us(f.piscina)),
    row("libgomp (gcc -fopenmp)", (f) => f.c && us(f.c.fork)),
    row("tsomp / floor", (f) => `${(f.tsomp.fork / f.floor).toFixed(2)}×`),
    row("piscina / tsomp", (f) => `${(f.piscina / f.tsomp.fork).toFixed(0)}×`),
    row("tsomp: parallel for + reduction", (f) => us(f.tsomp.reduction)),
    row("libgomp: parallel for + reduction", (f) => f.c && us(f.c.reduction)),
    row("tsomp: dynamic,1 per chunk over static", (f) => ns(f.tsomp.dynamicChunk)),
    row("libgomp: dynamic,1 per chunk over static", (f) => f.c && ns(f.c.dynamicChunk)),
    row("hand-written Atomics.add counter: dynamic,1 per chunk", (f) => (f.threads > 1 ? ns(f.floorChunk) : undefined)),
    row("tsomp: nonmonotonic dynamic,1 per chunk (stealing)", (f) => ns(f.tsomp.stealingChunk)),
    row("libgomp: nonmonotonic dynamic,1 per chunk", (f) => f.c && ns(f.c.stealingChunk)),
    row("tsomp: guided,1 per chunk over static", (f) => ns(f.tsomp.guidedChunk)),
    row("libgomp: guided,1 per chunk over static", (f) => f.c && ns(f.c.guidedChunk)),
    row("tsomp: atomic update, Int32Array (per update, all contending)", (f) => ns(f.sync.atomicInt)),
    row("libgomp: atomic update, int", (f) => f.cSync && ns(f.cSync.atomicInt)),
    row("tsomp: atomic update, Float64Array", (f) => ns(f.sync.atomicFloat)),
    row("libgomp: atomic update, double", (f) => f.cSync && ns(f.cSync.atomicFloat)),
    row("tsomp: critical", (f) => ns(f.sync.critical)),
    row("libgomp: critical", (f) => f.cSync && ns(f.cSync.critical)),
    row("tsomp: omp_set_lock + omp_unset_lock", (f) => ns(f.sync.lock)),
    row("libgomp: omp_set_lock + omp_unset_lock", (f) => f.cSync && ns(f.cSync.lock)),
  ]);
  return figures;
}

/** The figures of one sync run (bench/kernels/sync.ts or bench/c/sync.c). */
function syncFigures(lines: ResultLine[]): SyncFigures {
  const get = (name: string) => Number(lines.find((l) => l.name === name)!.ns);
  return { atomicInt: get("atomic int32"), atomicFloat: get("atomic float64"), critical: get("critical"), lock: get("lock") };
}

/** The figures of one epcc run (bench/kernels/epcc.ts or bench/c/epcc.c). */
function epcc(lines: ResultLine[]): MicroFigures["tsomp"] {
  const get = (name: string, unit: "us" | "ns") => Number(lines.find((l) => l.name === name)![unit]);
  return {
    fork: get("parallel for", "us"),
    reduction: get("reduction", "us"),
    dynamicChunk: get("dynamic,1 per chunk", "ns"),
    stealingChunk: get("nonmonotonic dynamic,1 per chunk", "ns"),
    guidedChunk: get("guided,1 per chunk", "ns"),
  };
}
