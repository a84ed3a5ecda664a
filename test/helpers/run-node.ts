import { spawn } from "node:child_process";

/** What a node process printed and how it ended. */
export interface NodeRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A node process still running: what it printed so far, its end, and a way to signal it. */
export interface RunningNode {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly kill: (signal: NodeJS.Signals) => void;
}

/** Starts `node <args>` with extra environment variables, without waiting for it to end. */
export function spawnNode(args: readonly string[], env: Record<string, string> = {}, cwd?: string): RunningNode {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  return { stdout: () => stdout, stderr: () => stderr, exited, kill: (signal) => child.kill(signal) };
}

/** Runs `node <args>` with extra environment variables, collecting its output (killed after `timeout` ms). */
export async function runNode(args: readonly string[], env: Record<string, string> = {}, timeout = 60_000, cwd?: string): Promise<NodeRun> {
  const child = spawnNode(args, env, cwd);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
  const { code } = await child.exited.finally(() => clearTimeout(timer));
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}
