import { spawnSync } from "node:child_process";
import path from "node:path";

/** What a benchmark program printed on its `RESULT {…}` lines, one object per line. */
export type ResultLine = Record<string, number | string>;

/** A program to run: a JavaScript file for node, or a native executable. */
export interface Program {
  readonly file: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly node?: readonly string[];
  readonly native?: boolean;
}

/** Runs a program once in a child process and returns its RESULT lines; throws with its output if it fails. */
export function runOnce(program: Program, root: string): ResultLine[] {
  return runChild(program, root).results;
}

/** Runs a program once in a child process and returns its RESULT lines and its whole output; throws with its output if it fails. */
export function runChild(program: Program, root: string): { results: ResultLine[]; stdout: string } {
  const command = program.native ? program.file : process.execPath;
  const args = program.native ? [...(program.args ?? [])] : [...(program.node ?? []), program.file, ...(program.args ?? [])];
  const child = spawnSync(command, args, { env: { ...process.env, ...program.env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const lines = child.stdout.split("\n").filter((l) => l.startsWith("RESULT "));
  if (child.status !== 0 || lines.length === 0) {
    throw new Error(`${path.relative(root, program.file)} ${(program.args ?? []).join(" ")} failed (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
  }
  if (child.stderr.trim() !== "") process.stderr.write(child.stderr);
  return { results: lines.map((l) => JSON.parse(l.slice("RESULT ".length)) as ResultLine), stdout: child.stdout };
}

/**
 * Runs a program in `processes` separate processes (V8's tiering varies from process to process)
 * and returns, for each RESULT line, the line of the process whose measurement is the median.
 */
export function runMedian(program: Program, root: string, processes: number): ResultLine[] {
  const runs = Array.from({ length: processes }, () => runOnce(program, root));
  return runs[0]!.map((_, i) => median(runs.map((r) => r[i]!), measurement));
}

/** A result line's measurement: its `ms`, `us` or `ns` field, whichever it has. */
export function measurement(line: ResultLine): number {
  return Number(line.ms ?? line.us ?? line.ns);
}

/** The middle element by `by` (the lower middle for an even count). */
export function median<T>(items: readonly T[], by: (item: T) => number): T {
  const sorted = [...items].sort((x, y) => by(x) - by(y));
  return sorted[(sorted.length - 1) >> 1]!;
}

/** Runs each program in `processes` processes, one process of each program per round; returns each program's first RESULT lines, one per process. */
export function runInRounds(programs: readonly Program[], root: string, processes: number): ResultLine[][] {
  const runs: ResultLine[][] = programs.map(() => []);
  for (let round = 0; round < processes; round++) programs.forEach((program, i) => runs[i]!.push(runOnce(program, root)[0]!));
  return runs;
}

/** One kernel measurement: median time per run (ms) and the checksum that run printed. */
export interface Timing {
  readonly ms: number;
  readonly checksum: number;
}

/**
 * Kernel programs' median times per run (ms) and the checksums those runs printed (their first
 * RESULT line), over `processes` processes each, taken in rounds: one process of each program, then
 * the next round. A machine whose speed changes during the run (a VM's core that a neighbour takes
 * for a while) then slows every program alike, and the ratios between them stay meaningful.
 */
export function timeKernels(programs: readonly Program[], root: string, processes: number): Timing[] {
  return runInRounds(programs, root, processes).map((lines) => {
    const line = median(lines, measurement);
    return { ms: Number(line.ms), checksum: Number(line.checksum) };
  });
}
