import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/program.js";

/** A program whose parallel loop throws at one iteration, catches the error and prints it. */
const throwing = `
function check(x: number): number {
  if (x === 777) throw new RangeError("bad value " + x);
  return x * 2;
}
export function main(): void {
  const a = new Float64Array(2000);
  try {
    // @omp parallel for schedule(dynamic, 10)
    for (let i = 0; i < a.length; i++) a[i] = check(i);
    console.log("no error");
  } catch (e) {
    const err = e as Error & { code?: string; cause?: Error };
    console.log(err.name, err.code);
    console.log(err.message);
    console.log(err.cause instanceof Error, err.cause?.name, err.cause?.message);
  }
  let s = 0;
  // @omp parallel for reduction(+:s)
  for (let i = 0; i < a.length; i++) s += i;
  console.log("after the failure", s);
}
main();
`;

describe("failures in parallel loops (SPEC §7)", () => {
  it("an iteration that runs two ordered blocks throws OMP4012 instead of waiting for a turn that has passed", async () => {
    const source = `const out = new Int32Array(8);
try {
  // @omp parallel for ordered schedule(static, 1)
  for (let i = 0; i < 8; i++) {
    for (let twice = 0; twice < 2; twice++) {
      // @omp ordered
      out[i] += 1;
    }
  }
  console.log("no error");
} catch (e) {
  const err = e as Error & { code?: string; cause?: Error & { code?: string } };
  console.log(err.cause?.code, err.cause?.message);
}
`;
    const run = await runProgram("ordered-twice", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^OMP4012 OMP4012: An iteration of a loop ran two 'ordered' blocks \(at \d\)/);
  });

  it("an exception names the loop and the iteration, keeps the original as cause (OMP4004), and the pool stays usable", async () => {
    for (const threads of ["1", "2", "4"]) {
      const run = await runProgram("throwing", { "main.ts": throwing }, { OMP_NUM_THREADS: threads });
      expect(run.stdout).toBe(
        "OmpError OMP4004\n" +
        "OMP4004: The parallel loop at main.ts:10:5 failed at i = 777: bad value 777\n" +
        "true RangeError bad value 777\n" +
        "after the failure 1999000\n",
      );
      expect(run.code).toBe(0);
    }
  });

  it("a loop whose body cannot be tracked names the chunk it failed in", async () => {
    const source = `export function main(): void {
  const a = new Float64Array(100);
  const big = [1n, 0n];
  try {
    // @omp parallel for schedule(static, 25)
    for (let i = 0; i < a.length; i++) a[i] = Number(big[0]! / big[i % 2]!);
  } catch (e) { console.log((e as Error).message); }
}
main();
`;
    const run = await runProgram("untracked", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toMatch(/^OMP4004: The parallel loop at main.ts:6:5 failed at (i = 1|an iteration with i from 0 to 24): Division by zero\n$/);
  });

  it("a worker that dies makes the loop throw OMP4005 instead of hanging, and the pool replaces it", async () => {
    const source = `import { omp_get_thread_num } from "tsomp/runtime";
export function main(): void {
  const a = new Int32Array(64);
  try {
    // @omp parallel for
    for (let i = 0; i < a.length; i++) { if (omp_get_thread_num() === 1) process.exit(5); a[i] = 1; }
  } catch (e) { console.log((e as Error).message); }
  // @omp parallel for
  for (let i = 0; i < a.length; i++) a[i] = 2;
  console.log(a.reduce((x, y) => x + y, 0));
}
main();
`;
    const run = await runProgram("dying", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toBe("OMP4005: A worker thread died while running the parallel loop at main.ts:6:5 (worker thread 1 exited).\n128\n");
    expect(run.code).toBe(0);
  });

  it("a worker that cannot load the loop's module says why in OMP4005, with the worker's error as cause", async () => {
    const helper = `import { isMainThread } from "node:worker_threads";
if (!isMainThread) throw new TypeError("this module cannot load in a worker");
export const twice = (x: number): number => 2 * x;
`;
    const source = `import { twice } from "./helper.js";
export function main(): void {
  const a = new Int32Array(64);
  try {
    // @omp parallel for
    for (let i = 0; i < a.length; i++) a[i] = twice(i);
    console.log("ran");
  } catch (e) { console.log((e as Error).message, "|", ((e as Error).cause as Error).message); }
}
main();
`;
    const run = await runProgram("unloadable", { "main.ts": source, "helper.ts": helper }, { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toBe("OMP4005: A worker thread died while running the parallel loop at main.ts:6:5 (worker thread 1 exited: TypeError: this module cannot load in a worker). | this module cannot load in a worker\n");
  });

  it("a worker that never starts makes the loop throw OMP4009 after the boot timeout", async () => {
    const source = `export function main(): void {
  const a = new Int32Array(64);
  try {
    // @omp parallel for
    for (let i = 0; i < a.length; i++) a[i] = 1;
    console.log("ran");
  } catch (e) { console.log((e as Error).message); }
}
main();
`;
    const failInWorkers = "data:text/javascript,import{isMainThread}from'node:worker_threads';if(!isMainThread)throw new Error('no workers here')";
    const run = await runProgram("never-starts", { "main.ts": source }, { OMP_NUM_THREADS: "2", TSOMP_BOOT_TIMEOUT: "300" }, ["--import", failInWorkers]);
    expect(run.stdout).toBe("OMP4009: A tsomp worker thread could not start: worker thread 1 did not start within the boot timeout (TSOMP_BOOT_TIMEOUT); the pool starts new ones for the next region\n");
  });

  it("bounds that are not safe integers throw OMP4001 before any iteration; clause values OMP4003", async () => {
    const source = `export function main(n: number, threads: number, chunk: number): void {
  const a = new Float64Array(10);
  for (const [label, f] of [
    ["bound", () => {
      // @omp parallel for
      for (let i = 0; i < n; i++) a[i] = 1;
    }],
    ["threads", () => {
      // @omp parallel for num_threads(threads)
      for (let i = 0; i < 4; i++) a[i] = 1;
    }],
    ["chunk", () => {
      // @omp parallel for schedule(dynamic, chunk)
      for (let i = 0; i < 4; i++) a[i] = 1;
    }],
  ] as const) {
    try { f(); console.log(label, "ok"); } catch (e) { console.log(label, (e as Error).message); }
  }
  console.log(a[0]);
}
main(2.5, 0, -3);
`;
    const run = await runProgram("bad-values", { "main.ts": source });
    expect(run.stdout).toBe(
      "bound OMP4001: The parallel loop at main.ts:6:7 has upper bound 2.5, which is not a safe integer. Bounds and steps of a parallel loop must be integers: round a computed bound with Math.floor or Math.ceil.\n" +
      "threads OMP4003: The parallel loop at main.ts:10:7 has num_threads 0; it must be a positive integer.\n" +
      "chunk OMP4003: The parallel loop at main.ts:14:7 has chunk size -3; it must be a positive integer.\n" +
      "0\n",
    );
  });

  it("a captured value that cannot be cloned throws OMP4007 before the loop runs", async () => {
    const source = `export function main(): void {
  const a = new Float64Array(8);
  const config: any = { scale: 2, log: (x: number) => x };
  try {
    // @omp parallel for
    for (let i = 0; i < a.length; i++) a[i] = config.scale;
    console.log("ran");
  } catch (e) { console.log((e as Error).message.replace(/worker threads: .*/, "worker threads")); }
  console.log(a[0]);
}
main();
`;
    const run = await runProgram("uncloneable", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toBe("OMP4007: The parallel loop at main.ts:6:5 cannot pass 'config' to worker threads\n0\n");
  });
});

describe("dynamic and guided regions do not wait for workers that have not started", () => {
  it("thread 0 runs every chunk when no worker can start, and the loop is not held up", async () => {
    const source = `export function main(): void {
  const a = new Float64Array(5000);
  const start = performance.now();
  // @omp parallel for schedule(dynamic, 100)
  for (let i = 0; i < a.length; i++) a[i] = i * 2;
  // @omp parallel for schedule(guided)
  for (let i = 0; i < a.length; i++) a[i] += 1;
  console.log(a.reduce((s, x) => s + x, 0), performance.now() - start < 10_000);
}
main();
`;
    const failInWorkers = "data:text/javascript,import{isMainThread}from'node:worker_threads';if(!isMainThread)throw new Error('no workers here')";
    const run = await runProgram("no-workers-dynamic", { "main.ts": source }, { OMP_NUM_THREADS: "2", TSOMP_BOOT_TIMEOUT: "60000" }, ["--import", failInWorkers]);
    expect(run.stdout).toBe("25000000 true\n");
    expect(run.code).toBe(0);
  });
});
