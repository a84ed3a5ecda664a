import { afterEach, describe, expect, it, vi } from "vitest";
import { parseWaitPolicy, spinIterations } from "../../src/runtime/env.js";
import { runProgram } from "../helpers/program.js";

describe("OMP_WAIT_POLICY (spin, then park)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads active and passive in any case", () => expect([parseWaitPolicy(" Active "), parseWaitPolicy("PASSIVE"), parseWaitPolicy(undefined), parseWaitPolicy("")]).toEqual(["active", "passive", undefined, undefined]));
  it("spins 200,000 times by default, 2,000 when threads outnumber cores", () => expect([spinIterations(undefined, false), spinIterations(undefined, true)]).toEqual([200_000, 2_000]));
  it("passive parks at once", () => expect([spinIterations("passive", false), spinIterations("passive", true)]).toEqual([0, 0]));
  it("active spins 250 times longer, and 10 times longer when crowded", () => expect([spinIterations("active", false), spinIterations("active", true)]).toEqual([50_000_000, 20_000]));
  it("warns about another value (OMP4008) and uses the default", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    expect(parseWaitPolicy("eager")).toBeUndefined();
    expect(warn).toHaveBeenCalledWith("OMP_WAIT_POLICY='eager' is ignored: expected active or passive.", { code: "OMP4008", type: "TsompWarning" });
  });

  const program = `export function sum(a: Float64Array): number {
  let s = 0;
  // @omp parallel for reduction(+:s) schedule(dynamic, 7)
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
const a = new Float64Array(1000).fill(1);
let total = 0;
for (let r = 0; r < 2000; r++) total += sum(a);
console.log(total);
`;
  it("warns once per process about an invalid OMP_WAIT_POLICY, not once per thread", async () => {
    const run = await runProgram("wait-eager", { "main.ts": program }, { OMP_NUM_THREADS: "2", OMP_WAIT_POLICY: "eager" });
    expect(run.stdout).toBe("2000000\n");
    expect(run.stderr.match(/OMP4008/g)).toHaveLength(1);
  });

  for (const policy of ["passive", "active"]) {
    it(`gives the same results with OMP_WAIT_POLICY=${policy}, on 2 threads and on 4 (more than the cores)`, async () => {
      for (const threads of ["2", "4"]) {
        const run = await runProgram(`wait-${policy}`, { "main.ts": program }, { OMP_NUM_THREADS: threads, OMP_WAIT_POLICY: policy });
        expect(run.stdout).toBe("2000000\n");
        expect(run.stderr).toBe("");
      }
    });
  }
});
