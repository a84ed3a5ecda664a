import path from "node:path";
import { expect, it } from "vitest";
import { buildCase } from "./exec-case.js";
import { caseOptions, FIXTURES, findCases } from "./fixture-files.js";
import { runNode } from "./run-node.js";
import { buildTscCase, type CaseModule } from "./tsc-case.js";

/** The module systems each case is also emitted in through the tsc transformer. */
const TSC_MODULES: readonly CaseModule[] = ["esm", "commonjs"];

/** Options an exec case can set in options.json. */
interface ExecOptions {
  /** Extra environment for the parallel runs. */
  env: Record<string, string>;
  /** Team sizes to run with (default 1, 2 and 4). */
  threads: number[];
  /** A pattern the parallel runs' stderr must match (default: stderr is empty). */
  stderr: string;
  /** Expected exit code of every run (default 0). */
  exitCode: number;
}

/**
 * Defines the exec fixtures whose names `select` takes: each `fixtures/exec/<case>` runs
 * untransformed (sequential) and transformed on real worker threads with 1, 2 and 4 threads; every
 * run must print exactly what the sequential program printed. Each case is also emitted through the
 * tsc transformer and run with 2 threads (or the case's largest team size): the same results
 * through both printers. (The cases are split over test files so that vitest runs them in parallel.)
 */
export function execCases(select: (name: string) => boolean, tscModules: (name: string) => readonly CaseModule[] = () => TSC_MODULES): void {
  for (const name of findCases(path.join(FIXTURES, "exec")).filter(select)) {
    it(name, async () => {
      const dir = path.join(FIXTURES, name);
      const options = caseOptions<ExecOptions>(dir);
      const built = buildCase(dir, name);
      const expected = await runNode([built.sequential]);
      expect(expected.code, expected.stderr).toBe(options.exitCode ?? 0);
      for (const threads of options.threads ?? [1, 2, 4]) {
        const run = await runNode([built.parallel], { OMP_NUM_THREADS: String(threads), ...options.env });
        expect(run.stdout, `stdout with ${threads} threads`).toBe(expected.stdout);
        expect(run.code, `exit code with ${threads} threads:\n${run.stderr}`).toBe(options.exitCode ?? 0);
        if (options.stderr) expect(run.stderr).toMatch(new RegExp(options.stderr));
        else expect(run.stderr, `stderr with ${threads} threads`).toBe("");
      }
      for (const module of tscModules(name)) {
        const entry = buildTscCase(dir, name, module);
        const threads = options.threads ? Math.max(...options.threads) : 2;
        const run = await runNode([entry], { OMP_NUM_THREADS: String(threads), ...options.env });
        expect(run.stdout, `stdout through tsc (${module})`).toBe(expected.stdout);
        expect(run.code, `exit code through tsc (${module}):\n${run.stderr}`).toBe(options.exitCode ?? 0);
        if (options.stderr) expect(run.stderr).toMatch(new RegExp(options.stderr));
        else expect(run.stderr, `stderr through tsc (${module})`).toBe("");
      }
    });
  }
}
