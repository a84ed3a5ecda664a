import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/program.js";

/** Prints how a region failed: the error's code and message, and its cause's message. */
const printFailure = `function show(e: unknown): void {
  const err = e as Error & { code?: string; cause?: Error };
  console.log(err.code, err.message, "|", err.cause?.message);
}`;

describe("parallel blocks at run time", () => {
  it("a thread that throws names the region and the thread (OMP4013); threads waiting for it at a barrier give up; the pool stays usable", async () => {
    const source = `import { omp_get_thread_num } from "tsomp/runtime";
${printFailure}
const seen = new Int32Array(8);
for (const failing of [0, 1]) {
  try {
    // @omp parallel num_threads(3)
    {
      if (omp_get_thread_num() === failing) throw new Error("thread " + failing + " gave up");
      // @omp barrier
      seen[omp_get_thread_num()]++;
    }
    console.log("no error");
  } catch (e) {
    show(e);
  }
}
let sum = 0;
// @omp parallel num_threads(3) reduction(+:sum)
{
  sum += 1;
}
console.log("after", sum, seen.join(""));
`;
    for (const threads of ["1", "3"]) {
      const run = await runProgram("block-failure", { "main.ts": source }, { OMP_NUM_THREADS: threads });
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(
        "OMP4013 OMP4013: The parallel region at main.ts:10:5 failed in thread 0: thread 0 gave up | thread 0 gave up\n" +
        "OMP4013 OMP4013: The parallel region at main.ts:10:5 failed in thread 1: thread 1 gave up | thread 1 gave up\n" +
        "after 3 00000000\n",
      );
    }
  });

  it("a thread that throws inside a 'for' releases the threads waiting in a later 'single' and at the loop's barrier", async () => {
    const source = `${printFailure}
const a = new Float64Array(1000);
try {
  // @omp parallel num_threads(4)
  {
    // @omp for schedule(dynamic, 10)
    for (let i = 0; i < a.length; i++) {
      if (i === 555) throw new RangeError("bad " + i);
      a[i] = i;
    }
    // @omp single
    {
      a[0] = -1;
    }
  }
} catch (e) {
  show(e);
}
`;
    const run = await runProgram("block-failure-in-for", { "main.ts": source }, { OMP_NUM_THREADS: "4" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^OMP4013 OMP4013: The parallel region at main.ts:8:3 failed in thread \d: bad 555 \| bad 555\n$/);
  });

  it("threads run more than eight 'nowait' constructs ahead of each other (the worksharing slots are reused in turn)", async () => {
    const source = `import { omp_get_thread_num } from "tsomp/runtime";
const counts = new Int32Array(40);
const hits = new Int32Array(40 * 64);
// @omp parallel num_threads(4)
{
  if (omp_get_thread_num() === 0) {
    const until = Date.now() + 30;
    while (Date.now() < until);
  }
  for (let k = 0; k < 40; k++) {
    // @omp single nowait
    {
      counts[k]++;
    }
    // @omp for schedule(dynamic) nowait
    for (let i = 0; i < 64; i++) hits[k * 64 + i]++;
  }
}
console.log(counts.every((c) => c === 1), hits.every((h) => h === 1));
`;
    const run = await runProgram("block-nowait-slots", { "main.ts": source }, { OMP_NUM_THREADS: "4" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("true true\n");
  });

  it("a worker that dies while the others wait for it (at a barrier, for an ordered turn) makes the region throw OMP4005, not hang", async () => {
    const source = `import { omp_get_thread_num } from "tsomp/runtime";
const a = new Int32Array(32);
try {
  // @omp parallel num_threads(3)
  {
    if (omp_get_thread_num() === 2) process.exit(4);
    // @omp barrier
    a[omp_get_thread_num()] = 1;
  }
} catch (e) {
  console.log((e as Error & { code?: string }).code);
}
try {
  // @omp parallel for ordered schedule(static, 1) num_threads(3)
  for (let i = 0; i < 30; i++) {
    if (i === 5) process.exit(4);
    // @omp ordered
    a[i] = i;
  }
} catch (e) {
  console.log((e as Error & { code?: string }).code);
}
`;
    const run = await runProgram("block-worker-death", { "main.ts": source }, { OMP_NUM_THREADS: "3" });
    expect(run.stdout).toBe("OMP4005\nOMP4005\n");
  });

  it("a masked filter that is not a thread number throws OMP4016 instead of running nowhere", async () => {
    const source = `${printFailure}
const log = new Int32Array(2);
const k = log.length / 4;
try {
  // @omp parallel num_threads(2)
  {
    // @omp masked filter(k)
    {
      log[0] = 1;
    }
  }
} catch (e) {
  show(e);
}
`;
    const run = await runProgram("block-bad-filter", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toMatch(/OMP4016: A 'masked' block of the parallel block at main.ts:\d+:3 has filter 0.5; a filter is a thread number/);
  });

  it("a 'for' of a parallel block with more than 2^31 chunks throws OMP4014 instead of overflowing its counter", async () => {
    const source = `${printFailure}
const n = 2 ** 32;
try {
  // @omp parallel num_threads(2)
  {
    // @omp for schedule(dynamic)
    for (let i = 0; i < n; i++) {
      if (i > 10) throw new Error("ran");
    }
  }
} catch (e) {
  show(e);
}
`;
    const run = await runProgram("block-long-loop", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^OMP4013 .* failed in thread \d: OMP4014: The loop at main.ts:10:5 has more than 2\^31 chunks/);
  });
});
