import path from "node:path";
import { root } from "../harness/build.js";
import { runChild } from "../harness/child.js";
import type { Setup } from "./setup.js";

/** What 5 windows of 100,000 regions cost in memory, per schedule. */
export interface SteadyFigures {
  readonly name: string;
  readonly regions: number;
  /** The most bytes any thread's heap grew by per region. */
  readonly bytesPerRegion: number;
  /** Garbage collections (in any thread) while the regions ran. */
  readonly collections: number;
}

/**
 * Runs bench/kernels/steady-state.ts on all cores with a 64 MB young generation (so that no
 * scavenge hides an allocation) and --trace-gc, and counts the collections reported between each
 * measurement's BEGIN and END lines.
 */
export function runSteadyState(setup: Setup): SteadyFigures[] {
  process.stderr.write("steady state…\n");
  const { results, stdout } = runChild({
    file: path.join(setup.out, "parallel", "bench", "kernels", "steady-state.js"),
    node: ["--trace-gc", "--min-semi-space-size=64", "--max-semi-space-size=64"],
    env: { OMP_NUM_THREADS: String(setup.cores) },
  }, root);
  const figures = results.map((r): SteadyFigures => {
    const window = stdout.slice(stdout.indexOf(`BEGIN ${r.name}`), stdout.indexOf(`END ${r.name}`));
    const collections = window.split("\n").filter((l) => /: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark)/i.test(l)).length;
    return { name: String(r.name), regions: Number(r.regions), bytesPerRegion: Number(r.worstBytesPerRegion), collections };
  });
  for (const f of figures) {
    console.log(`${f.name}: ${f.regions.toLocaleString("en")} regions in 5 windows, at most ${f.bytesPerRegion.toFixed(2)} bytes of heap per region in any thread (median window), ${f.collections} garbage collections`);
  }
  return figures;
}
