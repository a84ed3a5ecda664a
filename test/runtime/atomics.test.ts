import { describe, expect, it } from "vitest";
import { atomicFetch, atomicLoad, atomicStore, atomicUpdate, type AtomicArray, type AtomicOperator } from "../../src/runtime/atomics.js";

const NUMBER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
const OPERATORS: AtomicOperator[] = ["+", "-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>", ">>>"];
const START = [0, 1, -7, 100, 3.75, 250];
const VALUES = [1, 2, -3, 0.5, 1.5, 200, 31];

/** `a[0] op= v` as JavaScript does it, on a fresh array: the expression's value and what the element holds after. */
function plain(Array: new (n: number) => AtomicArray, start: number, op: AtomicOperator, v: number): [number, number] {
  const a = new Array(1) as unknown as number[];
  a[0] = start;
  const value = new Function("a", "v", `return (a[0] ${op}= v);`)(a, v) as number;
  return [value, a[0]!];
}

describe("atomic updates compute what a[i] op= v computes (SPEC §2 atomic)", () => {
  for (const Array of NUMBER_ARRAYS) {
    it(Array.name, () => {
      for (const op of OPERATORS) {
        for (const start of START) {
          for (const v of VALUES) {
            const a = new Array(new SharedArrayBuffer(Array.BYTES_PER_ELEMENT * 2) as never) as AtomicArray;
            a[1] = start;
            const [value, stored] = plain(Array, start, op, v);
            const before = a[1];
            expect([op, start, v, atomicUpdate(a, 1, op, v), a[1]]).toEqual([op, start, v, value, stored]);
            a[1] = before as number;
            expect([op, start, v, atomicFetch(a, 1, op, v), a[1]]).toEqual([op, start, v, before, stored]);
          }
        }
      }
    });
  }

  it.each([BigInt64Array, BigUint64Array])("%o", (Array) => {
    const a = new Array(new SharedArrayBuffer(16) as unknown as ArrayBuffer);
    a[0] = 5n;
    expect(atomicUpdate(a, 0, "+", 3n)).toBe(8n);
    expect(atomicFetch(a, 0, "*", 4n)).toBe(8n);
    expect(a[0]).toBe(32n);
    expect(atomicUpdate(a, 0, "-", 40n)).toBe(-8n);
    expect(a[0]).toBe(Array === BigInt64Array ? -8n : 2n ** 64n - 8n);
  });

  it("reads and writes whole elements, floats through their bits", () => {
    const f = new Float64Array(new SharedArrayBuffer(16));
    atomicStore(f, 1, Math.PI);
    expect(f[1]).toBe(Math.PI);
    expect(atomicLoad(f, 1)).toBe(Math.PI);
    const g = new Float32Array(2);
    atomicStore(g, 0, 0.1);
    expect(atomicLoad(g, 0)).toBe(Math.fround(0.1));
    const c = new Uint8ClampedArray(1);
    atomicStore(c, 0, 300);
    expect(atomicLoad(c, 0)).toBe(255);
    const n = new Int16Array(1);
    atomicStore(n, 0, 70000);
    expect(atomicLoad(n, 0)).toBe(4464);
  });
});
