import { describe, expect, it } from "vitest";
import { guidedSize, staticChunkStart, staticStart } from "../../src/runtime/schedule.js";

/** Thread t's block under static without a chunk. */
const staticBlock = (n: number, p: number, t: number) => [staticStart(n, p, t), staticStart(n, p, t + 1)];

/** All chunks thread t gets under static,c. */
function staticChunks(n: number, p: number, t: number, c: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; ; k++) {
    const a = staticChunkStart(n, p, t, c, k);
    const b = Math.min(a + c, n);
    if (a >= b) return out;
    out.push([a, b]);
  }
}

/** The guided chunk sizes for n iterations on p threads with minimum c. */
function guided(n: number, p: number, c: number): number[] {
  const out: number[] = [];
  for (let next = 0; next < n; ) {
    const size = guidedSize(n, p, c, next);
    out.push(size);
    next += size;
  }
  return out;
}

describe("static without a chunk: the first n mod p threads get one more (SPEC §5)", () => {
  it.each([
    [10, 4, [[0, 3], [3, 6], [6, 8], [8, 10]]],
    [9, 4, [[0, 3], [3, 5], [5, 7], [7, 9]]],
    [8, 4, [[0, 2], [2, 4], [4, 6], [6, 8]]],
    [3, 4, [[0, 1], [1, 2], [2, 3], [3, 3]]],
    [0, 2, [[0, 0], [0, 0]]],
    [1000, 1, [[0, 1000]]],
  ])("n=%i p=%i", (n, p, blocks) => {
    expect(Array.from({ length: p }, (_, t) => staticBlock(n, p, t))).toEqual(blocks);
  });
});

describe("static with a chunk: chunk j goes to thread j mod p", () => {
  it.each([
    [10, 2, 0, 3, [[0, 3], [6, 9]]],
    [10, 2, 1, 3, [[3, 6], [9, 10]]],
    [5, 4, 3, 2, []],
    [7, 1, 0, 7, [[0, 7]]],
  ])("n=%i p=%i t=%i c=%i", (n, p, t, c, chunks) => {
    expect(staticChunks(n, p, t, c)).toEqual(chunks);
  });
});

describe("guided: ceil(remaining / p), at least c, capped at what remains", () => {
  it("n=1000 p=4 c=1", () => expect(guided(1000, 4, 1)).toEqual([250, 188, 141, 106, 79, 59, 45, 33, 25, 19, 14, 11, 8, 6, 4, 3, 3, 2, 1, 1, 1, 1]));
  it("n=100 p=4 c=7", () => expect(guided(100, 4, 7)).toEqual([25, 19, 14, 11, 8, 7, 7, 7, 2]));
  it("n=5 p=8 c=1", () => expect(guided(5, 8, 1)).toEqual([1, 1, 1, 1, 1]));
});
