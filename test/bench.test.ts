import { describe, expect, it } from "vitest";
import { generateModule } from "../bench/sections/transpile.js";
import { ROOT } from "./helpers/fixture-files.js";
import { runNode } from "./helpers/run-node.js";
import { CLI, tempProject } from "./helpers/temp-project.js";

describe("benchmark programs", () => {
  it("the main job (npm run examples) transforms and runs every example, and all results match", async () => {
    const run = await runNode([`${ROOT}/dist/bench/examples.js`, "--quick"], {}, 240_000, ROOT);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.split("\n").filter((l) => /^(dot|jacobi|mandelbrot|matmul|primes) /.test(l));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toMatch(/ ms .* ms .* ms .*× +match$/);
  }, 240_000);

  it("the kernels and examples compile without a diagnostic", async () => {
    const run = await runNode([CLI, "check", "bench/kernels", "examples"], {}, 60_000, ROOT);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("the transpiler benchmark's module has 100 parallel loops in at least 10,000 lines and compiles without a diagnostic", async () => {
    const source = generateModule(10_000, 100);
    expect(source.split("\n").length - 1).toBeGreaterThanOrEqual(10_000);
    expect(source.match(/\/\/ @omp parallel for/g)).toHaveLength(100);
    const dir = tempProject("bench-transpile", { "big.ts": source });
    const run = await runNode([CLI, "check", "big.ts"], {}, 60_000, dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
