import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { runNode, type NodeRun } from "../helpers/run-node.js";
import { CLI, tempProject } from "../helpers/temp-project.js";
import { linkPackage } from "../helpers/tsc-case.js";
import tsomp from "../../transforms/tsc/index.js";

/**
 * A program whose loop throws at its last iteration. With schedule(static) and two threads, a
 * worker (thread 1) runs iterations 500..999; with one thread, thread 0 runs them all.
 */
const input = `// A loop that fails at one iteration.

function check(i: number): number {
  if (i === 999) {
    throw new RangeError("bad value " + i);
  }
  return i * 2;
}

export function fill(a: Float64Array): void {
  // @omp parallel for schedule(static)
  for (let i = 0; i < a.length; i++) a[i] = check(i);
}

fill(new Float64Array(1000));
`;
/** The line of the `throw` in `input`. */
const THROW_LINE = 5;
/** Compiler options that keep compiling the program quick (it needs no Node types). */
const tsconfig = JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", strict: true, types: [] } });

/** Runs a program with source maps on a team of `threads` threads. */
function run(file: string, threads = 2): Promise<NodeRun> {
  return runNode(["--enable-source-maps", file], { OMP_NUM_THREADS: String(threads) });
}

/** Checks that a run died of the loop's error, with a cause whose printed stack names input.ts at the throw. */
function expectMapped(run: NodeRun, dir: string): void {
  expect(run.code).not.toBe(0);
  expect(run.stderr).toMatch(/OMP4004: The parallel loop at (\S+\/)?input\.ts:12:3 failed at i = 999: bad value 999/);
  const cause = run.stderr.indexOf("[cause]:");
  expect(cause, run.stderr).toBeGreaterThan(0);
  expect(run.stderr.slice(cause)).toContain(`at check (${path.join(dir, "input.ts")}:${THROW_LINE}:`);
}

describe("stack traces of exceptions thrown in parallel loops, with --enable-source-maps", () => {
  it("point at the original .ts line from a worker and from thread 0 (tsomp build --js)", async () => {
    const dir = tempProject("stack-js", { "input.ts": input, "tsconfig.json": tsconfig });
    const build = await runNode([CLI, "build", "input.ts", "--out-dir", "out", "--js"], {}, 60_000, dir);
    expect(build.code, build.stderr).toBe(0);
    expectMapped(await run(path.join(dir, "out/input.js")), dir);
    expectMapped(await run(path.join(dir, "out/input.js"), 1), dir);
  });

  it("point at the original .ts line from a worker after tsomp build and tsc's emit, with a map file or an inline map", async () => {
    const dir = tempProject("stack-tsc", { "input.ts": input, "tsconfig.json": tsconfig });
    const build = await runNode([CLI, "build", "input.ts", "--out-dir", "out"], {}, 60_000, dir);
    expect(build.code, build.stderr).toBe(0);
    const transformed = path.join(dir, "out/input.ts");
    for (const [outDir, maps] of [["js", { sourceMap: true }], ["js-inline", { inlineSourceMap: true }]] as const) {
      const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, noLib: true, types: [], rootDir: path.join(dir, "out"), outDir: path.join(dir, outDir), ...maps };
      ts.createProgram([transformed], options).emit();
      expectMapped(await run(path.join(dir, outDir, "input.js")), dir);
    }
    expect(fs.existsSync(path.join(dir, "js/input.js.map"))).toBe(true);
  });

  it("point at the original .ts line from a worker and from thread 0 with the tsc transformer, as ES modules and CommonJS, with a map file or an inline map", async () => {
    const dir = tempProject("stack-tsc-transformer", { "input.ts": input });
    linkPackage(path.dirname(dir));
    const outputs = [
      ["esm", ts.ModuleKind.ESNext, { sourceMap: true }],
      ["cjs-inline", ts.ModuleKind.CommonJS, { inlineSourceMap: true }],
    ] as const;
    for (const [outDir, module, maps] of outputs) {
      const options = { target: ts.ScriptTarget.ES2022, module, strict: true, types: [], rootDir: dir, outDir: path.join(dir, outDir), ...maps };
      const program = ts.createProgram([path.join(dir, "input.ts")], options);
      program.emit(undefined, undefined, undefined, false, { before: [tsomp(program)] });
      fs.writeFileSync(path.join(dir, outDir, "package.json"), JSON.stringify({ type: module === ts.ModuleKind.ESNext ? "module" : "commonjs" }));
      expectMapped(await run(path.join(dir, outDir, "input.js")), dir);
      expectMapped(await run(path.join(dir, outDir, "input.js"), 1), dir);
    }
  });

  it("point at the original .ts line from a worker under tsomp run", async () => {
    const dir = tempProject("stack-run", { "input.ts": input, "tsconfig.json": tsconfig });
    expectMapped(await runNode([CLI, "run", "input.ts"], { OMP_NUM_THREADS: "2" }, 60_000, dir), dir);
  });
});
