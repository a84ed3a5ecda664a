import type { LoopLevel, ReductionIdentity } from "../3-analyze/types.js";
import type { WorksharePlan } from "../4-plan/types.js";

/** A fresh variable a `for` of a `parallel` block declares for each thread: uninitialized, a copy of the value before the loop, or a reduction's identity. */
export interface FreshVariable {
  readonly name: string;
  readonly typeText: string;
  readonly init: { readonly kind: "none" } | { readonly kind: "copy"; readonly from: string } | { readonly kind: "identity"; readonly value: ReductionIdentity };
}

/** What both printers write around a `for` of a `parallel` block, besides the loop itself. */
export interface WorkshareParts {
  /** `const copy = name;` before the loop, for firstprivate copies (the fresh variable shadows the name). */
  readonly copies: readonly { readonly name: string; readonly copy: string }[];
  readonly declarations: readonly FreshVariable[];
  /** After the chunks: `__omp_t.loopReduce(slot, name)` / `__omp_t.loopLast(slot, name)`. */
  readonly handOver: readonly { readonly method: "loopReduce" | "loopLast"; readonly slot: number; readonly name: string }[];
  /** Whether `__omp_t.barrier()` follows: without `nowait`, and always when outputs must be combined. */
  readonly barrier: boolean;
  /** After the barrier: `name = __omp_t.loopResult(slot, name)`. */
  readonly results: readonly { readonly name: string; readonly slot: number }[];
}

/** The parts of a `for` of a `parallel` block (see WorkshareParts). */
export function workshareParts(w: WorksharePlan): WorkshareParts {
  const a = w.analysis;
  const copyName = (name: string) => `__omp_${w.loop}_${name}`;
  const firstprivate = [...a.privates.filter((p) => p.firstprivate).map((p) => p.name), ...a.lastprivates.filter((l) => l.firstprivate).map((l) => l.name)];
  const declarations: FreshVariable[] = [
    ...a.privates.map((p): FreshVariable => ({ name: p.name, typeText: p.typeText, init: p.firstprivate ? { kind: "copy", from: copyName(p.name) } : { kind: "none" } })),
    ...a.reductions.map((r): FreshVariable => ({ name: r.name, typeText: r.typeText, init: { kind: "identity", value: r.identity! } })),
    ...a.lastprivates.map((l): FreshVariable => ({ name: l.name, typeText: l.typeText, init: l.firstprivate ? { kind: "copy", from: copyName(l.name) } : { kind: "none" } })),
  ];
  const handOver = [
    ...a.reductions.map((r) => ({ method: "loopReduce" as const, slot: w.slots.get(r.name)!, name: r.name })),
    ...a.lastprivates.map((l) => ({ method: "loopLast" as const, slot: w.slots.get(l.name)!, name: l.name })),
  ];
  return {
    copies: firstprivate.map((name) => ({ name, copy: copyName(name) })),
    declarations,
    handOver,
    barrier: !a.nowait || handOver.length > 0,
    results: handOver.map((h) => ({ name: h.name, slot: h.slot })),
  };
}

/** The loop over a chunk's innermost row: `for (let v = __omp_t.lo, __omp_end = __omp_t.hi; v TEST __omp_end; UPDATE)`, with the outer variables of a collapsed nest from `__omp_t.index`. */
export interface ChunkLoop {
  readonly variable: string;
  /** The literal step, or undefined for a step the runtime holds (`__omp_t.step`). */
  readonly step: number | undefined;
  readonly test: "<" | ">" | "!==";
  readonly update: string;
  readonly labels: readonly string[];
  readonly outer: readonly { readonly name: string; readonly index: number }[];
}

/** The chunk loop of a loop nest (see ChunkLoop). */
export function chunkLoop(levels: readonly LoopLevel[]): ChunkLoop {
  const level = levels[levels.length - 1]!;
  const v = level.variable;
  const step = level.step.literal;
  return {
    variable: v,
    step,
    test: step === undefined ? "!==" : step > 0 ? "<" : ">",
    update: step === 1 ? `${v}++` : step === -1 ? `${v}--` : step === undefined ? `${v} += __omp_t.step` : step > 0 ? `${v} += ${step}` : `${v} -= ${-step}`,
    labels: level.labels,
    outer: levels.slice(0, -1).map((l, index) => ({ name: l.variable, index })),
  };
}
