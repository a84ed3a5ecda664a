import { printTable, times } from "../harness/table.js";
import type { FirstFigures } from "./first-result.js";
import type { KernelFigures } from "./kernels.js";
import type { MicroFigures } from "./micro.js";
import type { Setup } from "./setup.js";
import type { SteadyFigures } from "./steady-state.js";
import type { TranspileFigures } from "./transpile.js";

/** Everything the suite measured. */
export interface Figures {
  readonly micro?: MicroFigures[];
  readonly kernels?: KernelFigures[];
  readonly steady?: SteadyFigures[];
  readonly first?: FirstFigures[];
  readonly transpile?: TranspileFigures;
}

/** One target of the performance issue: what was measured, against what bound, and whether it was met. */
interface Target {
  readonly name: string;
  readonly measured: string;
  readonly bound: string;
  readonly met: boolean;
}

/** Prints every target the measured sections allow checking, with MET or MISSED; returns how many were missed. */
export function checkTargets(setup: Setup, figures: Figures): number {
  const targets: Target[] = [];
  const p = setup.cores;
  const micro = figures.micro?.find((f) => f.threads === p);
  if (micro) {
    const ratio = micro.tsomp.fork / micro.floor;
    targets.push({ name: `empty parallel for vs hand-written floor (${p} threads)`, measured: times(ratio), bound: "≤ 1.50×", met: ratio <= 1.5 });
    const piscina = micro.piscina / micro.tsomp.fork;
    targets.push({ name: `piscina round trip vs empty parallel for (${p} threads)`, measured: `${piscina.toFixed(0)}× slower`, bound: "≥ 10× slower", met: piscina >= 10 });
    const chunk = micro.tsomp.dynamicChunk;
    targets.push({ name: `dynamic,1 cost per chunk over static, SPEC §5's shared counter (${p} threads; hand-written counter ${micro.floorChunk.toFixed(0)} ns)`, measured: `${chunk.toFixed(0)} ns`, bound: "≤ 100 ns", met: chunk <= 100 });
    const stealing = micro.tsomp.stealingChunk;
    targets.push({ name: `nonmonotonic: dynamic,1 (work stealing) cost per chunk over static (${p} threads)`, measured: `${stealing.toFixed(0)} ns`, bound: "≤ 100 ns", met: stealing <= 100 });
  }
  const speedup = (row: string, bound: number) => {
    const k = figures.kernels?.find((f) => f.name.startsWith(row));
    if (!k) return;
    const s = k.sequential.ms / k.tsomp.get(p)!.ms;
    targets.push({ name: `${k.name}: speedup on ${p} threads over the untransformed program`, measured: times(s), bound: `≥ ${bound.toFixed(2)}×`, met: s >= bound });
  };
  speedup("mandelbrot dynamic", 1.85);
  speedup("dot", 1.7);
  speedup("matmul", 1.7);
  speedup("jacobi", 1.5);
  if (figures.kernels) {
    const worst = figures.kernels.reduce((w, k) => (k.tsomp.get(1)!.ms / k.sequential.ms > w.tsomp.get(1)!.ms / w.sequential.ms ? k : w));
    const slow = worst.tsomp.get(1)!.ms / worst.sequential.ms;
    targets.push({ name: `OMP_NUM_THREADS=1 vs untransformed, worst kernel (${worst.name})`, measured: times(slow), bound: "≤ 1.05×", met: slow <= 1.05 });
    const crowded = 2 * p;
    const worstCrowded = figures.kernels.reduce((w, k) => (k.tsomp.get(crowded)!.ms / k.tsomp.get(p)!.ms > w.tsomp.get(crowded)!.ms / w.tsomp.get(p)!.ms ? k : w));
    const slowdown = worstCrowded.tsomp.get(crowded)!.ms / worstCrowded.tsomp.get(p)!.ms;
    targets.push({ name: `${crowded} threads on ${p} cores vs ${p} threads, worst kernel (${worstCrowded.name})`, measured: times(slowdown), bound: "≤ 1.25× (no collapse)", met: slowdown <= 1.25 });
    targets.push({ name: "every configuration computes the sequential result", measured: figures.kernels.every((k) => k.match) ? "all match" : "some differ", bound: "all match", met: figures.kernels.every((k) => k.match) });
  }
  for (const s of figures.steady ?? []) {
    targets.push({ name: `steady state, ${s.name}: heap per region (any thread), collections`, measured: `${s.bytesPerRegion.toFixed(2)} B, ${s.collections} GC`, bound: "< 1 B, 0 GC", met: s.bytesPerRegion < 1 && s.collections === 0 });
  }
  if (figures.first) {
    const [sequential, dynamic] = figures.first;
    const extra = dynamic!.sinceStart - sequential!.sinceStart;
    targets.push({ name: "first result, schedule(dynamic), vs untransformed (process start → result)", measured: `+${extra.toFixed(1)} ms`, bound: "caller starts at once (< 25 ms later)", met: extra < 25 });
  }
  if (figures.transpile) {
    const t = figures.transpile;
    targets.push({ name: `transform ${t.lines.toLocaleString("en")} lines with ${t.loops} loops (TypeScript loaded; CLI ${(t.cliMs / 1000).toFixed(2)} s)`, measured: `${(t.ms / 1000).toFixed(2)} s`, bound: "< 2 s", met: t.ms < 2000 });
  }
  printTable([["target", "measured", "bound", ""], ...targets.map((t) => [t.name, t.measured, t.bound, t.met ? "met" : "MISSED"])]);
  return targets.filter((t) => !t.met).length;
}
