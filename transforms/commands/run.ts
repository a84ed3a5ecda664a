import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { reportDiagnostics } from "../diagnostics-output.js";
import { createProgram } from "../../src/program.js";
import { compileInProgram, compilerOptions, localSources } from "../project.js";
import { toJavaScriptWithInlineMap } from "../to-javascript.js";
import { writeAtomic } from "../write-atomic.js";

const runtimeUrl = new URL("../../runtime/index.js", import.meta.url).href;
const registerUrl = new URL("../run/register.js", import.meta.url).href;

/**
 * `tsomp run <entry> [args…]`: compiles the entry file and the local TypeScript modules it
 * imports, then runs the entry with node (arguments passed through), loading each compiled
 * module in place of its source. Returns the program's exit code.
 */
export function run(entry: string, args: readonly string[], options: { project?: string } = {}): number {
  const cwd = process.cwd();
  const file = path.resolve(entry);
  if (!fs.existsSync(file)) throw new Error(`no such file: ${entry}`);
  const program = createProgram([file], compilerOptions([file], options.project));
  const local = localSources(program);
  const { results } = compileInProgram(program, local, { cwd, runtimeSpecifier: runtimeUrl });
  if (reportDiagnostics(results, "pretty", cwd) > 0) return 1;
  const cache = path.join(os.tmpdir(), `tsomp-run-${crypto.createHash("sha256").update(file).digest("hex").slice(0, 12)}-${process.pid}`);
  const manifest: Record<string, string> = {};
  results.forEach((r, i) => {
    const source = local[i]!;
    const target = path.join(cache, `${i}-${path.basename(source).replace(/\.(m|c)?tsx?$/, ".js")}`);
    writeAtomic(target, toJavaScriptWithInlineMap(r.code!, r.map, source, r.sourceFile.text));
    manifest[source] = target;
  });
  const manifestFile = path.join(cache, "manifest.json");
  writeAtomic(manifestFile, JSON.stringify(manifest));
  try {
    const child = spawnSync(process.execPath, ["--enable-source-maps", "--import", registerUrl, file, ...args], {
      stdio: "inherit",
      env: { ...process.env, TSOMP_RUN_MANIFEST: manifestFile },
    });
    if (child.error) throw child.error;
    return child.status ?? 1;
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
}
