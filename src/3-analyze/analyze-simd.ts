import ts from "../typescript.cjs";
import type { LoopContext } from "./analyze-loop.js";
import { analyzeLoopShape } from "./loop-shape.js";
import { checkRaces } from "./races/check-races.js";

/**
 * Warns (OMP3033) where the iterations of a `simd` loop provably depend on each other, which
 * `simd` says they do not. tsomp runs such a loop in order, so the program computes what it would
 * without `simd`; the warning is for the reader, and for compilers that vectorize it. A loop that
 * is not canonical, or whose dependences are not provable, is left alone.
 */
export function checkSimdLoop(statement: ts.Statement, ctx: LoopContext): void {
  if (!ts.isForStatement(statement)) return;
  const shape = analyzeLoopShape(statement, 1, { ...ctx, report: () => undefined });
  if (shape) checkRaces(shape, new Set(), { ...ctx, simd: true });
}
