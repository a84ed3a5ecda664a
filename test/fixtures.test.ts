import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compile } from "../src/compile.js";
import { compileCase, programOf, renderForGolden, typeErrors } from "./helpers/compile-case.js";
import { caseOptions, FIXTURES, findCases } from "./helpers/fixture-files.js";
import type { CompileOptions } from "../src/compile.js";

/**
 * Golden fixtures: every `fixtures/<area>/<case>/input.ts` is compiled (with the compile options
 * of its `options.json`, if any); its diagnostics must match
 * `diagnostics.txt` (absent: none) and its output `output.ts` (absent when there are errors).
 * Every output must parse, type-check (unless the case is compiled `isolated`, without its
 * imports), contain no directive, and compile to itself again. Exec cases (fixtures/exec) are
 * checked the same way but keep no output golden: test/exec.test.ts and test/exec-validation.test.ts run them.
 */
describe("fixtures", () => {
  for (const name of findCases()) {
    it(name, async () => {
      const dir = path.join(FIXTURES, name);
      const options = caseOptions<CompileOptions>(dir);
      const { program, results } = compileCase(dir, options);
      const result = results.get("input.ts")!;
      const rendered = renderForGolden(result);
      const diagnosticsFile = path.join(dir, "diagnostics.txt");
      if (rendered !== "" || fs.existsSync(diagnosticsFile)) await expect(rendered).toMatchFileSnapshot(diagnosticsFile);
      const outputFile = path.join(dir, "output.ts");
      if (result.code === undefined) {
        expect(fs.existsSync(outputFile), "a case with errors has no output.ts").toBe(false);
        return;
      }
      if (!name.startsWith("exec/")) await expect(result.code).toMatchFileSnapshot(outputFile);
      expect(result.code).not.toMatch(/(\/\/|\/\*)[ \t]*@omp\b/);
      const syntax = ts.transpileModule(result.code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
      expect(syntax.diagnostics ?? []).toEqual([]);
      if (result.changed) {
        if (!options.isolated) expect(typeErrors(program, path.join(dir, "input.ts"))).toEqual([]);
        const outputs = new Map([...results.values()].map((r) => [path.join(dir, `${r.file}`), r.code ?? r.sourceFile.text]));
        const outProgram = programOf(outputs);
        if (!options.isolated) expect(typeErrors(outProgram, path.join(dir, "input.ts"))).toEqual([]);
        const again = compile(outProgram, [{ sourceFile: outProgram.getSourceFile(path.join(dir, "input.ts"))!, file: "input.ts" }])[0]!;
        expect(again.diagnostics).toEqual([]);
        expect(again.code).toBe(result.code);
      }
    });
  }
});
