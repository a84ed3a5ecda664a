import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildParallel, buildSequential, root } from "../harness/build.js";

/** Where the suite builds its programs, and what it can compare with on this machine. */
export interface Setup {
  readonly out: string;
  /** Thread counts to measure: 1, the number of cores, and twice that (oversubscribed). */
  readonly threads: readonly number[];
  readonly cores: number;
  /** Processes per measurement (the median is kept). */
  readonly runs: number;
  /** The directory of the C OpenMP executables, or why there are none. */
  readonly c: { readonly dir: string } | { readonly missing: string };
}

/** Builds the transformed and untransformed programs and, when gcc with OpenMP is there, the C versions. */
export function setUp(runs: number): Setup {
  const out = path.join(root, ".tmp", "bench");
  fs.rmSync(out, { recursive: true, force: true });
  buildParallel(["bench/kernels"], path.join(out, "parallel"));
  buildSequential(["bench/kernels", "bench/floor", "bench/piscina", "examples"], path.join(out, "sequential"));
  const cores = os.availableParallelism();
  return { out, threads: [...new Set([1, cores, 2 * cores])], cores, runs, c: buildC(path.join(out, "c")) };
}

/** Compiles bench/c/*.c with `gcc -O2 -fopenmp`; says why not when that fails. */
function buildC(dir: string): Setup["c"] {
  fs.mkdirSync(dir, { recursive: true });
  const sources = path.join(root, "bench", "c");
  for (const file of fs.readdirSync(sources).filter((f) => f.endsWith(".c"))) {
    const gcc = spawnSync("gcc", ["-O2", "-fopenmp", "-o", path.join(dir, file.replace(/\.c$/, "")), path.join(sources, file), "-lm"], { encoding: "utf8" });
    if (gcc.error) return { missing: `no C compiler (gcc: ${gcc.error.message})` };
    if (gcc.status !== 0) return { missing: `gcc -O2 -fopenmp failed on ${file}: ${gcc.stderr.trim().split("\n")[0]}` };
  }
  return { dir };
}

/** The machine, for the tables' captions. */
export function machine(): string {
  const gcc = spawnSync("gcc", ["--version"], { encoding: "utf8" });
  const cc = gcc.status === 0 ? `, ${gcc.stdout.split("\n")[0]}` : "";
  return `${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), node ${process.version}${cc}`;
}
