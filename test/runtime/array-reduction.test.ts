import { describe, expect, it } from "vitest";
import type { ReductionOperator } from "../../src/runtime/abi.js";
import { combineInto, privateCopy, type ReducedArray } from "../../src/runtime/array-reduction.js";
import { runProgram } from "../helpers/program.js";

/** Reduces `parts` into `start` through private copies, as the threads of a region do, and returns the array. */
function reduce(op: ReductionOperator, start: ReducedArray, parts: readonly (number | bigint)[][]): (number | bigint)[] {
  for (const part of parts) {
    const copy = privateCopy("here", "a", op, start, 0, start.length, undefined);
    part.forEach((v, k) => {
      const c = copy as unknown as (number | bigint)[];
      const x = c[k]!;
      // What the loop body would write: x op= v, as the sequential program does element by element.
      c[k] = op === "max" ? (v > x ? v : x) : op === "min" ? (v < x ? v : x) : op === "*" ? (x as number) * (v as number)
        : op === "&" ? (x as number) & (v as number) : op === "|" ? (x as number) | (v as number) : op === "^" ? (x as number) ^ (v as number)
        : op === "&&" ? x && v : op === "||" ? x || v : (x as number) + (v as number);
    });
    combineInto(op, { original: start, copy, lower: 0, length: start.length });
  }
  return [...(start as unknown as Iterable<number | bigint>)];
}

describe("typed-array reductions (SPEC §4)", () => {
  it.each([
    ["+", new Float64Array([1, 2]), [[1, 1], [0.5, 2]], [2.5, 5]],
    ["*", new Int32Array([2, 3]), [[2, 2], [5, 1]], [20, 6]],
    ["max", new Float64Array([0, 9]), [[4, 1], [3, 2]], [4, 9]],
    ["min", new Int16Array([5, 5]), [[7, 1], [6, -2]], [5, -2]],
    ["&", new Uint8Array([255, 15]), [[12, 7], [4, 3]], [4, 3]],
    ["|", new Int32Array([1, 0]), [[2, 0], [4, 8]], [7, 8]],
    ["^", new Int32Array([1, 0]), [[3, 5], [1, 5]], [3, 0]],
    ["&&", new Int8Array([1, 1]), [[1, 0], [1, 1]], [1, 0]],
    ["||", new Int8Array([0, 0]), [[0, 0], [0, 1]], [0, 1]],
    ["+", new BigInt64Array([1n, 2n]), [[1n, 1n], [5n, 0n]], [7n, 3n]],
    ["+", new Uint8ClampedArray([100, 5]), [[-3, -10], [-2, 0]], [95, 0]],
    ["max", new BigInt64Array([3n, -9n]), [[1n, -2n], [2n, -5n]], [3n, -2n]],
  ] as const)("%s on %o", (op, start, parts, expected) => {
    expect(reduce(op, start as unknown as ReducedArray, parts as unknown as (number | bigint)[][])).toEqual(expected);
  });

  it("a private copy starts at the identity over its section only, and is reused", () => {
    const original = new Float64Array([1, 2, 3, 4]) as unknown as ReducedArray;
    const copy = privateCopy("here", "a", "*", original, 1, 2, undefined);
    expect([...(copy as unknown as Float64Array)].slice(1, 3)).toEqual([1, 1]);
    expect(privateCopy("here", "a", "+", original, 0, 4, copy)).toBe(copy);
  });

  it("a section outside the array throws OMP4015 when the region starts", async () => {
    const source = `const a = new Int32Array(8);
const n = 10;
try {
  // @omp parallel for reduction(+:a[2:n])
  for (let i = 0; i < 4; i++) a[2 + i] += i;
  console.log("no error");
} catch (e) {
  console.log((e as Error).message, "|", ((e as Error).cause as Error | undefined)?.message);
}
`;
    const run = await runProgram("array-section-bounds", { "main.ts": source }, { OMP_NUM_THREADS: "2" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/OMP4015: The reduction over a\[2:10\] at main.ts:5:3 does not fit in the array, of length 8/);
  });
});
