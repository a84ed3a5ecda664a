/**
 * The main job: transforms every program in examples/ with `tsomp build --js`, runs each one
 * untransformed (sequential) and transformed (with 1 thread and with all cores), three times each,
 * and prints a table of median kernel times, the speedup and whether the results match.
 *
 *   npm run examples            (after npm ci)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "../..");
const examples = path.join(root, "examples");
const out = path.join(root, ".tmp", "examples");
const cli = path.join(root, "dist", "bin", "tsomp.js");

interface Result { checksum: number; ms: number }

/** Runs a compiled example three times (separate processes, since V8's tiering varies from run to run) and keeps the median time. */
function runExample(file: string, env: Record<string, string> = {}): Result {
  const runs = [runOnce(file, env), runOnce(file, env), runOnce(file, env)].sort((x, y) => x.ms - y.ms);
  if (runs.some((r) => r.checksum !== runs[0]!.checksum)) throw new Error(`${path.relative(root, file)} printed different checksums in different runs`);
  return runs[1]!;
}

/** Runs a compiled example once and reads its RESULT line. */
function runOnce(file: string, env: Record<string, string>): Result {
  const child = spawnSync(process.execPath, [file], { env: { ...process.env, ...env }, encoding: "utf8" });
  const line = child.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (child.status !== 0 || !line) throw new Error(`${path.relative(root, file)} failed:\n${child.stdout}\n${child.stderr}`);
  if (child.stderr.trim() !== "") process.stderr.write(child.stderr);
  return JSON.parse(line.slice("RESULT ".length)) as Result;
}

/** Writes the untransformed examples as JavaScript (the sequential programs to compare with). */
function buildSequential(target: string): void {
  for (const file of fs.readdirSync(examples, { recursive: true }) as string[]) {
    if (!file.endsWith(".ts")) continue;
    const text = fs.readFileSync(path.join(examples, file), "utf8");
    const js = ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.writeFileSync(path.join(target, file.replace(/\.ts$/, ".js")), js);
  }
}

function main(): void {
  fs.rmSync(out, { recursive: true, force: true });
  const build = spawnSync(process.execPath, [cli, "build", examples, "--out-dir", path.join(out, "parallel"), "--js"], { encoding: "utf8", stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  buildSequential(path.join(out, "sequential"));
  const threads = os.availableParallelism();
  const programs = fs.readdirSync(examples).filter((f) => f.endsWith(".ts") && f !== "timing.ts").sort();
  const rows = [["example", "sequential", "tsomp 1 thread", `tsomp ${threads} threads`, "speedup", "results"]];
  let allMatch = true;
  for (const program of programs) {
    const js = program.replace(/\.ts$/, ".js");
    process.stderr.write(`running ${program}…\n`);
    const seq = runExample(path.join(out, "sequential", js));
    const one = runExample(path.join(out, "parallel", js), { OMP_NUM_THREADS: "1" });
    const par = runExample(path.join(out, "parallel", js));
    const match = seq.checksum === par.checksum && seq.checksum === one.checksum;
    allMatch &&= match;
    rows.push([program.replace(/\.ts$/, ""), ms(seq.ms), ms(one.ms), ms(par.ms), `${(seq.ms / par.ms).toFixed(2)}×`, match ? "match" : `DIFFER (${seq.checksum} vs ${par.checksum})`]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  console.log(`\nmedian kernel times on ${threads} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), node ${process.version}`);
  if (!allMatch) process.exit(1);
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

main();
