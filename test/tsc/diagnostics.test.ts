import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createHost } from "../../src/program.js";
import tsomp from "../../transforms/tsc/index.js";

const bad = `export function f(a: Float64Array): void {
  // @omp parallel for privte(x)
  for (let i = 0; i < a.length; i++) a[i] = i;
}
`;
const good = `export function g(a: Float64Array): void {
  // @omp parallel for
  for (let i = 0; i < a.length; i++) a[i] = i;
}
`;

/** A program of in-memory files, and the files its emits write. */
function program(files: Record<string, string>): { program: ts.Program; written: Map<string, string> } {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, outDir: "/out", types: [] };
  const overrides = new Map(Object.entries(files).map(([name, text]) => [path.resolve("/src", name), text]));
  const p = ts.createProgram({ rootNames: [...overrides.keys()], options, host: createHost(options, overrides) });
  const written = new Map<string, string>();
  return { program: p, written };
}

describe("tsc transformer diagnostics without ts-patch", () => {
  it("an error makes every emit throw, also a second one with the same transformer, and nothing is written", () => {
    const { program: p, written } = program({ "bad.ts": bad, "good.ts": good });
    const transformer = tsomp(p);
    const emit = () => p.emit(undefined, (name, text) => written.set(name, text), undefined, false, { before: [transformer] });
    expect(emit).toThrow(/OMP1004: Unknown clause 'privte'/);
    expect(emit).toThrow(/nothing was emitted/);
    expect([...written.keys()]).toEqual([]);
  });

  it("onDiagnostics receives the diagnostics once, as tsc diagnostics with TS99nnnn codes", () => {
    const { program: p, written } = program({ "bad.ts": bad, "good.ts": good });
    const received: ts.Diagnostic[][] = [];
    const transformer = tsomp(p, { onDiagnostics: (d) => received.push([...d]) });
    p.emit(undefined, (name, text) => written.set(name, text), undefined, false, { before: [transformer] });
    p.emit(undefined, (name, text) => written.set(name, text), undefined, false, { before: [transformer] });
    expect(received.map((list) => list.map((d) => d.code))).toEqual([[991004]]);
  });
});
