import { expect, it } from "vitest";
import { criticalSlot } from "../../src/runtime/critical-slot.js";
import { runProgram } from "../helpers/program.js";

it("sections whose names share a lock slot may nest: the thread that holds the lock goes on (it is reentrant)", async () => {
  expect(criticalSlot("s0")).toBe(criticalSlot("s40"));
  const source = `const counts = new Int32Array(2);
// @omp parallel for
for (let i = 0; i < 1000; i++) {
  // @omp critical(s0)
  {
    counts[0]++;
    // @omp critical(s40)
    counts[1]++;
  }
}
// @omp parallel for
for (let i = 0; i < 10; i++) {
  // @omp critical(s40)
  counts[1]++;
}
console.log(counts[0], counts[1]);
`;
  const run = await runProgram("critical-shared-slot", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
  expect(run.stderr).toBe("");
  expect(run.stdout).toBe("1000 1010\n");
}, 60_000);
