import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { CompileOptions } from "../../src/compile.js";
import { renderForGolden, compileCase } from "./compile-case.js";
import { ROOT } from "./fixture-files.js";

/** A case written out as runnable JavaScript: the untransformed program and the transformed one. */
export interface BuiltCase {
  readonly sequential: string;
  readonly parallel: string;
  readonly diagnostics: string;
}

const toJs = (code: string, fileName: string) =>
  ts.transpileModule(code, { fileName, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, rewriteRelativeImportExtensions: true } }).outputText;

/**
 * Compiles a case and writes both versions under `.tmp/exec/<name>/` inside the repository (so
 * that `tsomp/runtime` resolves to this package's build). Throws if the case does not compile.
 */
export function buildCase(dir: string, name: string, options: CompileOptions = {}): BuiltCase {
  const { results } = compileCase(dir, options);
  const out = path.join(ROOT, ".tmp", "exec", name);
  fs.rmSync(out, { recursive: true, force: true });
  let diagnostics = "";
  for (const r of results.values()) {
    diagnostics += renderForGolden(r);
    if (r.code === undefined) throw new Error(`${name}/${r.file} does not compile:\n${renderForGolden(r)}`);
    const js = r.file.replace(/\.ts$/, ".js");
    for (const [kind, code] of [["seq", r.sourceFile.text], ["par", r.code]] as const) {
      fs.mkdirSync(path.join(out, kind), { recursive: true });
      fs.writeFileSync(path.join(out, kind, js), toJs(code, r.file));
    }
  }
  return { sequential: path.join(out, "seq", "input.js"), parallel: path.join(out, "par", "input.js"), diagnostics };
}
