/**
 * The benchmark suite of docs/performance.md: EPCC-style microbenchmarks of the runtime against a
 * hand-written fork/join floor, piscina and libgomp; four kernels against the untransformed
 * program, hand-written piscina versions and C OpenMP; the steady state's allocations; time to
 * first result; and the transpiler's speed. Prints each table, then the targets met or missed.
 *
 *   npm run bench                          (after npm ci; about 10 minutes on 2 cores)
 *   npm run bench -- --runs 1 --only micro (sections: micro, kernels, steady, first, transpile)
 */
import { Command } from "commander";
import { runFirstResult } from "./sections/first-result.js";
import { runKernels } from "./sections/kernels.js";
import { runMicro } from "./sections/micro.js";
import { machine, setUp } from "./sections/setup.js";
import { runSteadyState } from "./sections/steady-state.js";
import { checkTargets, type Figures } from "./sections/targets.js";
import { runTranspile } from "./sections/transpile.js";

const SECTIONS = ["micro", "kernels", "steady", "first", "transpile"] as const;

function main(): void {
  const options = new Command("bench")
    .option("--runs <n>", "processes per measurement (the median is kept)", (v) => Number.parseInt(v, 10), 3)
    .option("--only <sections>", `comma-separated sections to run: ${SECTIONS.join(", ")}`, (v) => v.split(","), [...SECTIONS])
    .parse()
    .opts<{ runs: number; only: string[] }>();
  const unknown = options.only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0 || !(options.runs >= 1)) {
    console.error(`bench: ${unknown.length > 0 ? `unknown section ${unknown.join(", ")}` : "--runs must be a positive integer"}`);
    process.exit(2);
  }
  const run = (s: (typeof SECTIONS)[number]) => options.only.includes(s);
  const setup = setUp(options.runs);
  console.log(`tsomp benchmarks on ${machine()}; medians of ${options.runs} process${options.runs > 1 ? "es" : ""} per figure\n`);
  const figures: Figures = {};
  const sections = {
    micro: ["Fork/join and scheduling (EPCC-style)", () => ({ micro: runMicro(setup) })],
    kernels: ["Kernels (median time per run)", () => ({ kernels: runKernels(setup) })],
    steady: ["Steady state", () => ({ steady: runSteadyState(setup) })],
    first: ["Time to first result", () => ({ first: runFirstResult(setup) })],
    transpile: ["Transpiler", () => ({ transpile: runTranspile(setup) })],
  } satisfies Record<(typeof SECTIONS)[number], readonly [string, () => Figures]>;
  const section = (title: string) => console.log(`\n## ${title}\n`);
  for (const name of SECTIONS) {
    if (!run(name)) continue;
    const [title, measure] = sections[name];
    section(title);
    Object.assign(figures, measure());
  }
  section("Targets");
  const missed = checkTargets(setup, figures);
  console.log(missed === 0 ? "\nall targets met" : `\n${missed} target${missed > 1 ? "s" : ""} missed`);
}

main();
