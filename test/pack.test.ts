import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "./helpers/fixture-files.js";
import { runNode } from "./helpers/run-node.js";

/**
 * The package as npm publishes it: `npm pack`, installed into an empty project outside this
 * repository, must give a working `tsomp` command and `tsomp/runtime` (JavaScript and types),
 * with nothing from devDependencies, to ES module and CommonJS projects.
 */
describe("the packed package", () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "tsomp-pack-"));
  const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  beforeAll(() => {
    const tarball = npm(["pack", "--silent", "--ignore-scripts", "--pack-destination", project], ROOT).trim().split("\n").pop()!;
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    npm(["install", "--no-audit", "--no-fund", "--prefer-offline", "--omit=dev", path.join(project, tarball)], project);
    fs.writeFileSync(path.join(project, "kernel.ts"), `export function saxpy(y: Float64Array, x: Float64Array, a: number): void {\n  // @omp parallel for schedule(dynamic, 64)\n  for (let i = 0; i < y.length; i++) y[i] += a * x[i]!;\n}\n`);
    fs.writeFileSync(path.join(project, "main.ts"), `import { saxpy } from "./kernel.js";\nimport { omp_get_max_threads } from "tsomp/runtime";\nconst n = 100000;\nconst x = new Float64Array(n).fill(1), y = new Float64Array(n).fill(2);\nsaxpy(y, x, 3);\nlet s = 0;\nfor (let i = 0; i < n; i++) s += y[i]!;\nconsole.log(s, omp_get_max_threads() >= 1);\n`);
    fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", target: "es2022", strict: true, noEmit: true, types: [], lib: ["es2022"] }, include: ["main.ts", "kernel.ts"] }));
  }, 300_000);
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it("installs only runtime dependencies", () => {
    const installed = fs.readdirSync(path.join(project, "node_modules"));
    expect(installed).toContain("tsomp");
    expect(installed).not.toContain("vitest");
  });

  it("gives a tsomp command whose --js output runs with plain node from any folder", async () => {
    const bin = path.join(project, "node_modules", ".bin", "tsomp");
    const build = await runNode([bin, "build", "main.ts", "kernel.ts", "--out-dir", "out", "--js"], {}, 120_000, project);
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    const run = await runNode([path.join(project, "out", "main.js")], { OMP_NUM_THREADS: "2" }, 60_000, os.tmpdir());
    expect(run.stdout).toBe("500000 true\n");
    expect(run.stderr).toBe("");
  });

  it("runs a program with tsomp run", async () => {
    const run = await runNode([path.join(project, "node_modules", ".bin", "tsomp"), "run", "main.ts"], {}, 120_000, project);
    expect(run.stdout).toBe("500000 true\n");
    expect(run.code).toBe(0);
  });

  it("exposes the compiler API as tsomp, tsomp/source and tsomp/tsc", async () => {
    const loop = "const a = new Float64Array(8);\\n// @omp parallel for\\nfor (let i = 0; i < a.length; i++) a[i] = i;\\n";
    fs.writeFileSync(
      path.join(project, "api.mjs"),
      `import ts from "typescript";\nimport { transformSource } from "tsomp/source";\nimport tsomp from "tsomp/tsc";\nimport { formatCode, Messages } from "tsomp";\n` +
        `const out = transformSource("${loop}", "x.ts");\n` +
        `const js = ts.transpileModule("${loop}", { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, transformers: { before: [tsomp()] } }).outputText;\n` +
        `console.log(out.code.includes("__omp.parallelFor"), js.includes("__omp.parallelFor"), formatCode(Messages.UnknownClause.code));\n`,
    );
    const run = await runNode([path.join(project, "api.mjs")], {}, 60_000, project);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("true true OMP1004\n");
  });

  it("ships tsomp/runtime with types that the transformed TypeScript checks against", async () => {
    const build = await runNode([path.join(project, "node_modules", ".bin", "tsomp"), "build", "main.ts", "kernel.ts", "--out-dir", "typed"], {}, 120_000, project);
    expect(build.code).toBe(0);
    fs.writeFileSync(path.join(project, "typed", "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", target: "es2022", strict: true, noEmit: true, types: [], lib: ["es2022", "dom"] } }));
    const tsc = await runNode([path.join(project, "node_modules", "typescript", "bin", "tsc"), "-p", "typed"], {}, 120_000, project);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  });

  it("works from a CommonJS project, also where require() cannot load ES modules (Node < 20.19)", async () => {
    const cjs = path.join(project, "cjs");
    fs.cpSync(path.join(FIXTURES, "commonjs-consumer"), cjs, { recursive: true });
    fs.writeFileSync(path.join(cjs, "package.json"), JSON.stringify({ type: "commonjs" }));
    // A CommonJS TypeScript project has Node's types; this one borrows this repository's.
    fs.writeFileSync(path.join(cjs, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "node16", target: "es2022", strict: true, lib: ["es2022"], types: ["node"], typeRoots: [path.join(ROOT, "node_modules", "@types")] } }));
    const tsc = await runNode([path.join(project, "node_modules", "typescript", "bin", "tsc"), "-p", cjs], {}, 120_000, project);
    expect(tsc.stdout + tsc.stderr).toBe("");
    const noRequireEsm = "--no-experimental-require-module";
    const entries = await runNode([noRequireEsm, path.join(cjs, "entries.js")], {}, 60_000, project);
    expect(entries.stderr).toBe("");
    expect(entries.stdout).toBe("true true OMP1004 true true\n");
    for (const flags of [[], [noRequireEsm]]) {
      const run = await runNode([...flags, path.join(cjs, "main.js")], { OMP_NUM_THREADS: "2" }, 60_000, os.tmpdir());
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe("1499499 1499499 2\n");
    }
  });
});
