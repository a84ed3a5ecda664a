import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { renderForGolden } from "./compile-case.js";
import { ROOT } from "./fixture-files.js";
import { runNode, type NodeRun } from "./run-node.js";
import { compileFiles } from "../../transforms/project.js";

/**
 * Compiles a small program (`files`, with `main.ts` as the entry) with tsomp, writes it as
 * JavaScript under `.tmp/programs/<name>/` and runs it with node. Throws if it does not compile.
 */
export async function runProgram(name: string, files: Record<string, string>, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<NodeRun> {
  const dir = path.join(ROOT, ".tmp", "programs", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  const sources = Object.keys(files).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
  const { results } = compileFiles(sources, { cwd: dir });
  for (const r of results) {
    if (r.code === undefined) throw new Error(`${r.file} does not compile:\n${renderForGolden(r)}`);
    const js = ts.transpileModule(r.code, { fileName: r.file, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    fs.writeFileSync(path.join(dir, r.file.replace(/\.ts$/, ".js")), js);
  }
  return runNode([...nodeArgs, path.join(dir, "main.js")], env);
}
