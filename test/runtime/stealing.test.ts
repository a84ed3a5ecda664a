import { describe, expect, it } from "vitest";
import { CONTROL_BYTES, controlViews, KIND } from "../../src/runtime/control.js";
import { prepareStealing, TeamThread } from "../../src/runtime/team-thread.js";

/** A team of `p` threads about to run `n` iterations under `schedule(nonmonotonic: dynamic, c)`, in one control block. */
function team(n: number, p: number, c: number): TeamThread[] {
  const ctl = controlViews(new SharedArrayBuffer(CONTROL_BYTES));
  prepareStealing(ctl.i32, n, c, p);
  return Array.from({ length: p }, (_, t) => {
    const thread = new TeamThread();
    thread.lower[0] = 0;
    thread.steps[0] = 1;
    thread.counts[0] = n;
    thread.start(ctl, t, p, KIND.stealing, c, 1, 0, false);
    return thread;
  });
}

/** The next chunk `thread` claims as [first, end), or undefined when it has none. */
function claim(thread: TeamThread): [number, number] | undefined {
  return thread.next() ? [thread.lo, thread.hi] : undefined;
}

/** Lets the threads claim in turn, `turns[k]` claiming k-th, until every one has run out; returns each one's chunks in claim order. */
function run(threads: TeamThread[], turns: number[]): [number, number][][] {
  const got: [number, number][][] = threads.map(() => []);
  const done = threads.map(() => false);
  for (let k = 0; !done.every(Boolean); k++) {
    const t = turns[k % turns.length]!;
    if (done[t]) {
      if (turns.every((u) => done[u])) turns = threads.map((_, u) => u);
      continue;
    }
    const chunk = claim(threads[t]!);
    if (chunk) got[t]!.push(chunk);
    else done[t] = true;
  }
  return got;
}

/** Every iteration 0..n−1 appears in exactly one chunk. */
function coversOnce(got: [number, number][][], n: number): boolean {
  const hits = new Array<number>(n).fill(0);
  for (const chunks of got) for (const [a, b] of chunks) for (let i = a; i < b; i++) hits[i]!++;
  return hits.every((h) => h === 1);
}

describe("work stealing: nonmonotonic dynamic", () => {
  it("threads taking turns run their own ranges; the final chunk goes to the first that runs out", () => {
    const got = run(team(9, 2, 1), [0, 1]);
    expect(got).toEqual([
      [[0, 1], [1, 2], [2, 3], [3, 4], [8, 9]],
      [[4, 5], [5, 6], [6, 7], [7, 8]],
    ]);
  });

  it("a thread that never claims (a worker still starting) has its whole range stolen, and the final chunk is the last one run", () => {
    const threads = team(10, 2, 2);
    const got = run(threads, [0]);
    expect(got[0]).toEqual([[0, 2], [2, 4], [4, 6], [6, 8], [8, 10]]);
    expect(threads[0]!.ranLast).toBe(true);
  });

  it("a fast thread steals from the slow one; whoever runs the final chunk runs it last", () => {
    const threads = team(20, 2, 1);
    const got = run(threads, [0, 0, 0, 1]);
    expect(coversOnce(got, 20)).toBe(true);
    expect(got[0]!.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => [i, i + 1]));
    expect(got[0]!.some(([a]) => a >= 10 && a < 19)).toBe(true);
    const last = got.findIndex((chunks) => chunks.some(([, b]) => b === 20));
    expect(got[last]!.at(-1)).toEqual([19, 20]);
    expect(threads.map((t) => t.ranLast)).toEqual(threads.map((_, t) => t === last));
  });

  it("more chunks than an int32 head can count safely: chunks come from the locked Float64 counter, in order", () => {
    const n = 2 ** 31;
    const [a, b] = team(n, 2, 1);
    expect([claim(a!), claim(b!), claim(a!), claim(b!)]).toEqual([[0, 1], [1, 2], [2, 3], [3, 4]]);
  });

  it.each([
    [1, 4, 1],
    [7, 3, 0],
    [100, 4, 7],
    [101, 3, 10],
    [5, 8, 1],
  ])("n=%i p=%i c=%i: each iteration runs once, chunks of c but the last", (n, p, c) => {
    const got = run(team(n, p, c), [2, 0, 0, 1, 3, 2].filter((t) => t < p));
    expect(coversOnce(got, n)).toBe(true);
    const size = Math.max(1, c);
    for (const chunks of got) for (const [a, b] of chunks) expect(a % size === 0 && (b - a === size || b === n)).toBe(true);
  });
});
