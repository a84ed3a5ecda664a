import { describe, expect, it } from "vitest";
import { tripCount } from "../../src/runtime/iteration-space.js";

describe("trip counts (SPEC §3)", () => {
  it.each([
    ["<", 0, 10, 1, 10],
    ["<", 0, 10, 3, 4],
    ["<", 10, 0, 1, 0],
    ["<=", 0, 10, 1, 11],
    ["<=", 0, 10, 3, 4],
    ["<=", 5, 4, 1, 0],
    [">", 10, 0, -1, 10],
    [">", 10, 0, -3, 4],
    [">=", 10, 0, -3, 4],
    [">=", 0, 0, -1, 1],
    ["!=", 0, 5, 1, 5],
    ["!=", 5, 0, -1, 5],
    ["<", -(2 ** 40), 2 ** 40, 2 ** 20, 2 ** 21],
  ] as const)("%s from %d to %d by %d runs %d times", (rel, lb, ub, step, n) => {
    expect(tripCount("t.ts:1:1", rel, lb, ub, step)).toBe(n);
  });

  it.each([
    ["a fractional bound", "<", 0, 1.5, 1, "OMP4001"],
    ["a string bound", "<", 0, "9", 1, "OMP4001"],
    ["an unsafe bound", "<", 0, 2 ** 60, 1, "OMP4001"],
    ["NaN", "<", NaN, 1, 1, "OMP4001"],
    ["a zero step", "<", 0, 10, 0, "OMP4002"],
    ["a step away from the bound", "<", 0, 10, -1, "OMP4002"],
    ["a step away from a > bound", ">", 10, 0, 2, "OMP4002"],
    ["!= with a step of 2", "!=", 0, 10, 2, "OMP4002"],
    ["!= going the wrong way", "!=", 10, 0, 1, "OMP4002"],
  ] as const)("rejects %s before any iteration", (_, rel, lb, ub, step, code) => {
    expect(() => tripCount("t.ts:1:1", rel, lb, ub, step)).toThrow(expect.objectContaining({ code }));
  });

  it("names the loop in the message", () => {
    expect(() => tripCount("kernel.ts:12:3", "<", 0, 0.5, 1)).toThrow("OMP4001: The parallel loop at kernel.ts:12:3 has upper bound 0.5, which is not a safe integer. Bounds and steps of a parallel loop must be integers: round a computed bound with Math.floor or Math.ceil.");
  });
});
