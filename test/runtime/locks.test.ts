import { describe, expect, it } from "vitest";
import { omp_destroy_lock, omp_init_lock, omp_set_lock, omp_test_lock, omp_unset_lock, type omp_lock_t } from "../../src/runtime/locks.js";
import { runProgram } from "../helpers/program.js";

describe("locks on one thread (SPEC §7)", () => {
  it("a new lock lives in shared memory and is unset", () => {
    const lock = omp_init_lock();
    expect(lock.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(omp_test_lock(lock)).toBe(true);
  });

  it("set, then test fails, unset, then test succeeds", () => {
    const lock = omp_init_lock();
    omp_set_lock(lock);
    expect(omp_test_lock(lock)).toBe(false);
    omp_unset_lock(lock);
    expect(omp_test_lock(lock)).toBe(true);
    omp_unset_lock(lock);
  });

  it("setting a lock this thread holds throws instead of waiting forever (OMP4011)", () => {
    const lock = omp_init_lock();
    omp_set_lock(lock);
    expect(() => omp_set_lock(lock)).toThrow("omp_set_lock: this thread holds the lock already; setting it again would wait forever.");
  });

  it.each([
    ["an unset lock", (l: omp_lock_t) => omp_unset_lock(l), "omp_unset_lock: the lock is not set."],
    ["a destroyed lock", (l: omp_lock_t) => (omp_destroy_lock(l), omp_set_lock(l)), "omp_set_lock: the lock was destroyed by omp_destroy_lock."],
    ["destroying a set lock", (l: omp_lock_t) => (omp_set_lock(l), omp_destroy_lock(l)), "omp_destroy_lock: the lock is set; unset it first."],
    ["a typed array that is not a lock", () => omp_set_lock(new Int32Array(16) as omp_lock_t), "omp_set_lock: expected a lock made by omp_init_lock, got Int32Array."],
  ])("misuse: %s", (_, misuse, message) => {
    expect(() => misuse(omp_init_lock())).toThrow(message);
  });
});

describe("locks across threads", () => {
  it("a lock captured by a parallel loop, with no clause, makes a read-modify-write of a shared total exclusive", async () => {
    const source = `import { omp_init_lock, omp_set_lock, omp_unset_lock } from "tsomp/runtime";
const lock = omp_init_lock();
const total = new Float64Array(new SharedArrayBuffer(8));
// @omp parallel for schedule(dynamic, 1)
for (let i = 0; i < 20000; i++) {
  omp_set_lock(lock);
  const before = total[0]!;
  total[0] = before + 1;
  omp_unset_lock(lock);
}
console.log(total[0]);
`;
    const run = await runProgram("lock-counter", { "main.ts": source }, { OMP_NUM_THREADS: "4" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("20000\n");
  });
});
