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
  const section = (title: string) => console.log(`\n## ${title}\n`);
  if (run("micro")) {
    section("Fork/join and scheduling (EPCC-style)");
    Object.assign(figures, { micro: runMicro(setup) });
  }
  if (run("kernels")) {
    section("Kernels (median time per run)");
    Object.assign(figures, { kernels: runKernels(setup) });
  }
  if (run("steady")) {
    section("Steady state");
    Object.assign(figures, { steady: runSteadyState(setup) });
  }
  if (run("first")) {
    section("Time to first result");
    Object.assign(figures, { first: runFirstResult(setup) });
  }
  if (run("transpile")) {
    section("Transpiler");
    Object.assign(figures, { transpile: runTranspile(setup) });
  }
  section("Targets");
  const missed = checkTargets(setup, figures);
  console.log(missed === 0 ? "\nall targets met" : `\n${missed} target${missed > 1 ? "s" : ""} missed`);
}

main();
