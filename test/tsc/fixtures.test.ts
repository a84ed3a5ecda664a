import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { CompileOptions } from "../../src/compile.js";
import { formatCode } from "../../src/diagnostics/messages.js";
import { TS_CODE_OFFSET } from "../../transforms/tsc/index.js";
import { compileCase } from "../helpers/compile-case.js";
import { caseOptions, FIXTURES, findCases } from "../helpers/fixture-files.js";
import { emitCase, transpileCase } from "../helpers/tsc-case.js";

/** The tokens of a JavaScript text (as parsed), without comments, and without a trailing comma before a closing bracket. */
function tokens(js: string): string[] {
  const sourceFile = ts.createSourceFile("output.js", js, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJSDoc(node)) return;
    const children = node.getChildren(sourceFile);
    if (children.length === 0 && node.kind !== ts.SyntaxKind.SyntaxList) out.push(node.getText(sourceFile));
    children.forEach(visit);
  };
  visit(sourceFile);
  const kept = out.filter((t, i) => t !== "" && !(t === "," && [")", "]", "}"].includes(out[i + 1]!)));
  return kept.filter((t, i) => !(t === "(" && kept[i + 2] === ")" && kept[i + 3] === "=>") && !(t === ")" && kept[i + 1] === "=>" && kept[i - 2] === "("));
}

/** A script (a file without imports or exports) that tsomp turns into a module keeps the `"use strict"` tsc gave it; modules are strict anyway. */
function withoutUseStrict(js: string): string {
  return js.replace(/^"use strict";\n/, "");
}

/** The first place two token lists differ, with some context, for a readable failure. */
function firstDifference(a: string[], b: string[]): string | undefined {
  const at = a.findIndex((t, i) => t !== b[i]);
  if (at < 0 && a.length === b.length) return undefined;
  const i = at < 0 ? Math.min(a.length, b.length) : at;
  return `text path: …${a.slice(Math.max(0, i - 12), i + 12).join(" ")}\ntsc path:  …${b.slice(Math.max(0, i - 12), i + 12).join(" ")}`;
}

/**
 * One behaviour, two printers: every fixture also goes through the tsc transformer (program.emit
 * with `before: [tsomp(program)]`; `isolated` cases through transpileModule with `tsomp()`, as
 * ts-jest's isolatedModules runs it). It must report the same diagnostics (as TS99nnnn, with the
 * OMP code in the text), and emit the same JavaScript, token for token, as the text printer's
 * TypeScript compiled to JavaScript.
 */
describe("tsc transformer on the fixtures", () => {
  for (const name of findCases()) {
    it(name, () => {
      const dir = path.join(FIXTURES, name);
      const options = caseOptions<CompileOptions>(dir);
      const text = compileCase(dir, options).results.get("input.ts")!;
      const emitted = options.isolated ? transpileCase(dir, options) : emitCase(dir, path.join(dir, "out"), "esm", options);
      const own = emitted.diagnostics.filter((d) => d.file && path.resolve(dir, d.file.fileName) === path.join(dir, "input.ts"));
      expect(own.map((d) => [d.code - TS_CODE_OFFSET, d.start, d.length, String(d.messageText)])).toEqual(
        text.diagnostics.map((d) => [d.code, d.start, d.length, `${formatCode(d.code)}: ${d.message}`]),
      );
      const js = emitted.outputs.get(path.join(dir, "out", "input.js"))!;
      if (text.code !== undefined) expect(js).not.toMatch(/(\/\/|\/\*)[ \t]*@omp\b/);
      const reference = text.code ?? text.sourceFile.text;
      const compiled = ts.transpileModule(reference, { fileName: "input.ts", compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, rewriteRelativeImportExtensions: true } }).outputText;
      expect(firstDifference(tokens(compiled), tokens(withoutUseStrict(js)))).toBeUndefined();
    });
  }
});
