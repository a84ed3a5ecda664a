import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/run-node.js";
import { CLI, listFiles, tempProject } from "../helpers/temp-project.js";

const kernel = `export function scale(a: Float64Array, k: number): void {
  // @omp parallel for
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * k;
}
`;
const main = `import { scale } from "./lib/kernel.js";
const a = new Float64Array(1000);
for (let i = 0; i < a.length; i++) a[i] = i;
scale(a, 3);
let s = 0;
for (let i = 0; i < a.length; i++) s += a[i]!;
console.log("sum", s, process.argv.slice(2).join(" "));
`;
const plain = `export const answer = 42;\n`;
const broken = `export function f(a: Float64Array): void {
  // @omp parallel for privte(x)
  for (let i = 0; i < a.length; i++) a[i] = 0;
}
`;

describe("tsomp build", () => {
  it("mirrors the tree under --out-dir, with source maps, and leaves files without directives unchanged", async () => {
    const dir = tempProject("build-ts", { "src/main.ts": main, "src/lib/kernel.ts": kernel, "src/lib/plain.ts": plain });
    const run = await runNode([CLI, "build", "src", "--out-dir", "out"], {}, 60_000, dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(listFiles(path.join(dir, "out"))).toEqual(["lib/kernel.ts", "lib/kernel.ts.map", "lib/plain.ts", "main.ts", "main.ts.map"]);
    expect(fs.readFileSync(path.join(dir, "out/lib/plain.ts"), "utf8")).toBe(plain);
    expect(fs.readFileSync(path.join(dir, "out/lib/kernel.ts"), "utf8")).toContain("__omp.parallelFor(__omp_regions, 0");
    expect(fs.readFileSync(path.join(dir, "out/main.ts"), "utf8")).toContain("__omp.sharedArray(Float64Array, 1000)");
    const map = JSON.parse(fs.readFileSync(path.join(dir, "out/lib/kernel.ts.map"), "utf8"));
    expect(map.sources).toEqual(["../../src/lib/kernel.ts"]);
  });

  it("with --js writes runnable ES modules and .js.map files next to them", async () => {
    const dir = tempProject("build-js", { "src/main.ts": main, "src/lib/kernel.ts": kernel });
    const build = await runNode([CLI, "build", "src", "--out-dir", "out", "--js"], {}, 60_000, dir);
    expect(build.code, build.stderr).toBe(0);
    expect(listFiles(path.join(dir, "out"))).toEqual(["lib/kernel.js", "lib/kernel.js.map", "main.js", "main.js.map"]);
    const run = await runNode([path.join(dir, "out/main.js"), "x", "y"], { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toBe("sum 1498500 x y\n");
    expect(run.stderr).toBe("");
  });

  it("rewrites relative .ts imports to .js in --js output, for the program and for its workers", async () => {
    const dir = tempProject("build-ts-extensions", {
      "k.ts": `export function twice(x: number): number { return 2 * x; }\n`,
      "main.ts": `import { twice } from "./k.ts";\nconst a = new Float64Array(100);\n// @omp parallel for\nfor (let i = 0; i < a.length; i++) a[i] = twice(i);\nconsole.log(a[99]);\n`,
    });
    const build = await runNode([CLI, "build", ".", "--out-dir", "out", "--js"], {}, 60_000, dir);
    expect(build.code, build.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, "out/main.js"), "utf8")).toContain(`imports: [["./k.js", "twice"]]`);
    const run = await runNode([path.join(dir, "out/main.js")], { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toBe("198\n");
  });

  it("given a file, also builds the local modules it imports", async () => {
    const dir = tempProject("build-imports", { "src/main.ts": main, "src/lib/kernel.ts": kernel, "src/lib/plain.ts": plain });
    const build = await runNode([CLI, "build", "src/main.ts", "--out-dir", "out", "--js"], {}, 60_000, dir);
    expect(build.code, build.stderr).toBe(0);
    expect(listFiles(path.join(dir, "out"))).toEqual(["lib/kernel.js", "lib/kernel.js.map", "main.js", "main.js.map"]);
    const run = await runNode([path.join(dir, "out/main.js")], { OMP_NUM_THREADS: "2" });
    expect(run.stdout).toBe("sum 1498500 \n");
  });

  it("does not read its own output folder as input when built again", async () => {
    const dir = tempProject("build-twice", { "main.ts": main, "lib/kernel.ts": kernel });
    for (const pass of [1, 2]) {
      const build = await runNode([CLI, "build", ".", "--out-dir", "out"], {}, 60_000, dir);
      expect(build.code, `pass ${pass}: ${build.stderr}`).toBe(0);
    }
    expect(listFiles(path.join(dir, "out"))).toEqual(["lib/kernel.ts", "lib/kernel.ts.map", "main.ts", "main.ts.map"]);
  });

  it("writes nothing for a file with errors, reports it like tsc and exits 1", async () => {
    const dir = tempProject("build-error", { "src/good.ts": kernel, "src/bad.ts": broken });
    const run = await runNode([CLI, "build", "src", "--out-dir", "out"], {}, 60_000, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("src/bad.ts(2,24): error OMP1004: Unknown clause 'privte' on 'parallel for'. Did you mean 'private'?");
    expect(run.stderr).toMatch(/~~~~~~/);
    expect(run.stderr.trim().split("\n").pop()).toBe("1 error, 0 warnings");
    expect(listFiles(path.join(dir, "out"))).toEqual(["good.ts", "good.ts.map"]);
  });

  it("refuses to overwrite its inputs", async () => {
    const dir = tempProject("build-overwrite", { "src/kernel.ts": kernel });
    const run = await runNode([CLI, "build", "src", "--out-dir", "src"], {}, 60_000, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("tsomp: error: refusing to overwrite the input file src/kernel.ts: choose another --out-dir\n");
    expect(fs.readFileSync(path.join(dir, "src/kernel.ts"), "utf8")).toBe(kernel);
    expect(listFiles(path.join(dir, "src"))).toEqual(["kernel.ts"]);
  });

  it("says which input is missing, without a stack trace", async () => {
    const dir = tempProject("build-missing", {});
    const run = await runNode([CLI, "build", "nope.ts", "--out-dir", "out"], {}, 60_000, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("tsomp: error: no such file or folder: nope.ts\n");
  });
});
