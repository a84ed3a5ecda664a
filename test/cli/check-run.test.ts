import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/run-node.js";
import { CLI, listFiles, tempProject } from "../helpers/temp-project.js";

const warningOnly = `export function f(a: Float64Array): number {
  let s = 0;
  // @omp parallel for reduction(-:s)
  for (let i = 0; i < a.length; i++) s -= a[i]!;
  return s;
}
`;
const error = `export function f(a: Float64Array): number {
  let s = 0;
  // @omp parallel for
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
`;

describe("tsomp check", () => {
  it("exits 0 with warnings only, and prints them", async () => {
    const dir = tempProject("check-warning", { "a.ts": warningOnly });
    const run = await runNode([CLI, "check", "a.ts"], {}, 60_000, dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("a.ts(3,34): warning OMP1014:");
    expect(listFiles(dir)).toEqual(["a.ts"]);
  });

  it("does not take the runtime's own state for the program's (tsomp/runtime resolves to its sources inside this repository)", async () => {
    const dir = tempProject("check-runtime-state", { "a.ts": `import { omp_get_thread_num } from "tsomp/runtime";
export function owners(out: Int32Array): void {
  // @omp parallel for
  for (let i = 0; i < out.length; i++) out[i] = omp_get_thread_num();
}
` });
    const run = await runNode([CLI, "check", "a.ts"], {}, 60_000, dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("exits 1 on an error", async () => {
    const dir = tempProject("check-error", { "a.ts": error });
    const run = await runNode([CLI, "check", "."], {}, 60_000, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("a.ts(4,38): error OMP3001: 's' is declared outside the parallel loop and assigned inside it");
  });

  it("prints JSON with --format json", async () => {
    const dir = tempProject("check-json", { "a.ts": error });
    const run = await runNode([CLI, "check", "a.ts", "--format", "json"], {}, 60_000, dir);
    expect(run.code).toBe(1);
    const [d] = JSON.parse(run.stdout);
    expect(d).toMatchObject({ code: "OMP3001", category: "error", file: "a.ts", line: 4, column: 38 });
  });
});

describe("tsomp run", () => {
  it("transforms the entry and the local modules it imports, and passes arguments through", async () => {
    const dir = tempProject("run", {
      "main.ts": `import { total } from "./sum.js";\nconst a = new Float64Array(100).fill(2);\nconsole.log(total(a), process.argv.slice(2));\nprocess.exitCode = 3;\n`,
      "sum.ts": `export function total(a: Float64Array): number {\n  let s = 0;\n  // @omp parallel for reduction(+:s)\n  for (let i = 0; i < a.length; i++) s += a[i]!;\n  return s;\n}\n`,
    });
    const run = await runNode([CLI, "run", "main.ts", "--flag", "x"], { OMP_NUM_THREADS: "2" }, 60_000, dir);
    expect(run.stdout).toBe("200 [ '--flag', 'x' ]\n");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(3);
    expect(listFiles(dir)).toEqual(["main.ts", "sum.ts"]);
  });

  it("stops before running when a module has an error", async () => {
    const dir = tempProject("run-error", { "main.ts": error + "console.log('ran');\n" });
    const run = await runNode([CLI, "run", "main.ts"], {}, 60_000, dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("error OMP3001");
  });
});
