import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/program.js";

describe("the OpenMP runtime API and environment (SPEC §7)", () => {
  const api = `import * as omp from "tsomp/runtime";
export function main(): void {
  console.log("outside", omp.omp_get_thread_num(), omp.omp_get_num_threads(), omp.omp_in_parallel(), omp.omp_get_max_threads());
  const seen = new Int32Array(4 * 3);
  // @omp parallel for num_threads(3) schedule(static, 1)
  for (let i = 0; i < 3; i++) {
    seen[i * 4] = omp.omp_get_thread_num();
    seen[i * 4 + 1] = omp.omp_get_num_threads();
    seen[i * 4 + 2] = omp.omp_in_parallel() ? 1 : 0;
    seen[i * 4 + 3] = omp.omp_get_num_procs() >= 1 ? 1 : 0;
  }
  console.log("inside", Array.from(seen).join(","));
  omp.omp_set_num_threads(3);
  console.log("max after set", omp.omp_get_max_threads());
  omp.omp_set_schedule("guided", 4);
  console.log("schedule", JSON.stringify(omp.omp_get_schedule()));
  try { omp.omp_set_num_threads(0); } catch (e) { console.log((e as Error).message); }
  try { omp.omp_set_schedule("fast" as never); } catch (e) { console.log((e as Error).message); }
  const t = omp.omp_get_wtime();
  console.log("wtime", typeof t, t > 1e9);
}
main();
`;

  it("reports thread numbers, team sizes and settings inside and outside regions; rejects bad arguments (OMP4010)", async () => {
    const run = await runProgram("api", { "main.ts": api }, { OMP_NUM_THREADS: "2" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      "outside 0 1 false 2\n" +
      "inside 0,3,1,1,1,3,1,1,2,3,1,1\n" +
      "max after set 3\n" +
      'schedule {"kind":"guided","chunk":4}\n' +
      "OMP4010: omp_set_num_threads: expected a positive integer, got 0\n" +
      "OMP4010: omp_set_schedule: unknown kind 'fast': expected static, dynamic, guided or auto\n" +
      "wtime number true\n",
    );
  });

  it("warns once about a malformed OMP_NUM_THREADS or OMP_SCHEDULE (OMP4008) and uses the defaults", async () => {
    const run = await runProgram("bad-env", { "main.ts": `import { omp_get_max_threads, omp_get_schedule } from "tsomp/runtime";\nconsole.log(omp_get_max_threads() >= 1, JSON.stringify(omp_get_schedule()));\n` }, { OMP_NUM_THREADS: "lots", OMP_SCHEDULE: "fastest,2" });
    expect(run.stdout).toBe('true {"kind":"dynamic","chunk":1}\n');
    expect(run.stderr).toContain("[OMP4008] TsompWarning: OMP_NUM_THREADS='lots' is ignored: expected a positive integer.");
    expect(run.stderr).toContain("[OMP4008] TsompWarning: OMP_SCHEDULE='fastest,2' is ignored");
    expect(run.stderr.match(/OMP4008/g)).toHaveLength(2);
  });

  it("copies a typed array that is not on shared memory in and out, warning once per loop (OMP4006)", async () => {
    const source = `export function double(a: Float64Array): void {
  // @omp parallel for
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * 2;
}
const held = [Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8])];
const a = held[0]!;
double(a);
double(a);
console.log(Array.from(a).join(","));
`;
    const run = await runProgram("copy-in", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toBe("4,8,12,16,20,24,28,32\n");
    expect(run.stderr.match(/OMP4006/g)).toHaveLength(1);
    expect(run.stderr).toContain("The parallel loop at main.ts:3:3 copies 'a' into shared memory and back each time it runs");
  });

  it("uses OMP_SCHEDULE for schedule(runtime)", async () => {
    const source = `import { omp_get_thread_num } from "tsomp/runtime";
const owner = new Int32Array(12);
// @omp parallel for schedule(runtime)
for (let i = 0; i < owner.length; i++) owner[i] = omp_get_thread_num();
console.log(Array.from(owner).join(""));
`;
    const run = await runProgram("runtime-schedule", { "main.ts": source }, { OMP_NUM_THREADS: "3", OMP_SCHEDULE: "static,2" });
    expect(run.stdout).toBe("001122001122\n");
  });

  it("keeps OMP_SCHEDULE's nonmonotonic modifier in omp_get_schedule, on thread 0 and in workers", async () => {
    const source = `import { omp_get_schedule } from "tsomp/runtime";
const chunk = new Int32Array(2);
const nonmonotonic = new Int32Array(2);
// @omp parallel for schedule(static)
for (let i = 0; i < 2; i++) {
  const s = omp_get_schedule();
  chunk[i] = s.kind === "dynamic" ? s.chunk : -1;
  nonmonotonic[i] = s.nonmonotonic === true ? 1 : 0;
}
console.log(JSON.stringify(omp_get_schedule()), Array.from(chunk).join(","), Array.from(nonmonotonic).join(","));
`;
    const run = await runProgram("nonmonotonic-schedule", { "main.ts": source }, { OMP_NUM_THREADS: "2", OMP_SCHEDULE: "nonmonotonic:dynamic,4" });
    expect(run.stdout).toBe('{"kind":"dynamic","chunk":4,"nonmonotonic":true} 4,4 1,1\n');
  });
});
