import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** The repository root (this file runs from dist/bench/harness). */
export const root = path.resolve(import.meta.dirname, "../../..");

/** Transforms `inputs` (files or directories, relative to the root) with `tsomp build --js` into `out`; exits on failure. */
export function buildParallel(inputs: readonly string[], out: string): void {
  const cli = path.join(root, "dist", "bin", "tsomp.js");
  const build = spawnSync(process.execPath, [cli, "build", ...inputs.map((i) => path.join(root, i)), "--out-dir", out, "--js"], { encoding: "utf8", stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * Writes every TypeScript file under `dirs` (relative to the root) as JavaScript under `out`,
 * untransformed: the sequential programs to compare with (and plain programs such as the piscina
 * versions). Paths under `out` are relative to the folder that holds all of `dirs`, as `tsomp build`
 * lays out its output (`examples` alone gives out/dot.js; `bench/kernels` with `examples` gives
 * out/bench/kernels/… and out/examples/…).
 */
export function buildSequential(dirs: readonly string[], out: string): void {
  const base = commonFolder(dirs.map((d) => path.join(root, d)));
  for (const dir of dirs) {
    for (const file of fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]) {
      if (!file.endsWith(".ts")) continue;
      const source = path.join(root, dir, file);
      const js = ts.transpileModule(fs.readFileSync(source, "utf8"), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
      const target = path.join(out, path.relative(base, source).replace(/\.ts$/, ".js"));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, js);
    }
  }
}

/** The deepest folder that holds every one of `folders` (itself, for one). */
function commonFolder(folders: readonly string[]): string {
  let common = folders[0]!;
  for (const f of folders) while (path.relative(common, f).startsWith("..")) common = path.dirname(common);
  return common;
}
