/**
 * The main job: transforms every program in examples/ with `tsomp build --js`, runs each one
 * untransformed (sequential) and transformed (with 1 thread and with all cores), three times each,
 * and prints a table of median kernel times, the speedup and whether the results match.
 *
 *   npm run examples            (after npm ci)
 *   npm run examples -- --quick (one process per figure instead of three, and one run in each:
 *                               to check that everything works, not for the timings)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildParallel, buildSequential, root } from "./harness/build.js";
import { timeKernels, type Program, type Timing } from "./harness/child.js";
import { ms, printTable, times } from "./harness/table.js";

const out = path.join(root, ".tmp", "examples");

const quick = process.argv.includes("--quick");
const processes = quick ? 1 : 3;

/** An example's median kernel times and checksums over the processes, taken in rounds (with --quick, one process of one run each). */
const measure = (programs: Program[]) => timeKernels(quick ? programs.map((p) => ({ ...p, env: { ...p.env, TIMING_QUICK: "1" } })) : programs, root, processes);

function main(): void {
  fs.rmSync(out, { recursive: true, force: true });
  buildParallel(["examples"], path.join(out, "parallel"));
  buildSequential(["examples"], path.join(out, "sequential"));
  const threads = os.availableParallelism();
  const programs = fs.readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".ts") && f !== "timing.ts").sort();
  const rows = [["example", "sequential", "tsomp 1 thread", `tsomp ${threads} threads`, "speedup", "results"]];
  let allMatch = true;
  for (const program of programs) {
    const js = program.replace(/\.ts$/, ".js");
    process.stderr.write(`running ${program}…\n`);
    const [seq, one, par] = measure([{ file: path.join(out, "sequential", js) }, { file: path.join(out, "parallel", js), env: { OMP_NUM_THREADS: "1" } }, { file: path.join(out, "parallel", js) }]) as [Timing, Timing, Timing];
    const match = seq.checksum === par.checksum && seq.checksum === one.checksum;
    allMatch &&= match;
    rows.push([program.replace(/\.ts$/, ""), ms(seq.ms), ms(one.ms), ms(par.ms), times(seq.ms / par.ms), match ? "match" : `DIFFER (${seq.checksum} vs ${par.checksum})`]);
  }
  printTable(rows);
  console.log(`\nmedian kernel times on ${threads} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), node ${process.version}`);
  if (!allMatch) process.exit(1);
}

main();
