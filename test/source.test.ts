import path from "node:path";
import { describe, expect, it } from "vitest";
import { transformSource } from "../transforms/source.js";
import { ROOT } from "./helpers/fixture-files.js";

describe("transformSource (tsomp/source)", () => {
  const file = path.join(ROOT, ".tmp", "source", "kernel.ts");

  it("transforms text that is not on disk, with a source map back to it", () => {
    const code = `export function scale(a: Float64Array, k: number): void {\n  // @omp parallel for\n  for (let i = 0; i < a.length; i++) a[i] *= k;\n}\n`;
    const out = transformSource(code, file);
    expect(out.diagnostics).toEqual([]);
    expect(out.code).toContain("__omp.parallelFor(__omp_regions, 0, 0, a.length, 1, a, k);");
    expect(out.map?.sourcesContent?.[0]).toBe(code);
  });

  it("returns diagnostics and no code for a file with errors", () => {
    const code = `export function f(a: Float64Array): void {\n  // @omp parallel for nowait\n  for (let i = 0; i < a.length; i++) a[i] = 0;\n}\n`;
    const out = transformSource(code, file);
    expect(out.code).toBeUndefined();
    expect(out.diagnostics.map((d) => d.code)).toEqual([1005]);
  });
});
