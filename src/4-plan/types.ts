import type ts from "typescript";
import type { AtomicAnalysis } from "../3-analyze/analyze-atomic.js";
import type { ConstantAccess } from "../3-analyze/const-enum.js";
import type { ImportedBinding, ModuleValue } from "../3-analyze/module-analysis.js";
import type { SharedAllocation } from "../3-analyze/shared-allocation.js";
import type { ClauseExpression } from "../2-parse/ast.js";
import type { LoopAnalysis, WorkshareAnalysis } from "../3-analyze/types.js";
import type { RegionInfo } from "../runtime/abi.js";

/** A parameter of a generated function, with the type it is declared with in TypeScript output. */
export interface Parameter {
  readonly name: string;
  readonly typeText: string;
}

/** A variable of the code around a loop, named at the call: the printers write its name; the tsc printer also links it to its declaration, so that later transforms (CommonJS exports) see which variable it is. */
export interface VariableRef {
  readonly name: string;
  readonly declaration: ts.Declaration | undefined;
}

/** A value the call passes to the region, in ABI order. */
export type CallValue =
  /**
   * A bound or step of the loop (`clause` false: a node of the source file), or a chunk, `if` or
   * `num_threads` expression (`clause` true: parsed on its own from the directive's text);
   * `negated` for `-(s)`, a step written `i -= s`.
   */
  | { readonly kind: "expression"; readonly node: ts.Expression; readonly text: string; readonly clause: boolean; readonly negated: boolean }
  /** A literal step. */
  | { readonly kind: "number"; readonly value: number }
  /** An output's current value or a captured variable. */
  | { readonly kind: "variable"; readonly variable: VariableRef }
  /** The values past the last positional argument, passed as one array. */
  | { readonly kind: "array"; readonly items: readonly CallValue[] };

/** One parallel loop, decided down to the names and values the printers write. */
export interface RegionPlan {
  readonly index: number;
  readonly analysis: LoopAnalysis;
  /** The statement the call replaces: the loop with the labels written on it. */
  readonly statement: ts.Statement;
  /** Offset of `@omp` in the directive comment, which becomes `tsomp:`. */
  readonly directiveAt: number;
  readonly info: RegionInfo;
  /** The call's arguments after `(regions, index, `, in ABI order. */
  readonly values: readonly CallValue[];
  /** Variables assigned from the call's result, in `info.outputs` order. */
  readonly outputs: readonly VariableRef[];
  /** The region function's parameters after the thread. */
  readonly parameters: readonly Parameter[];
  /** Module-level values assigned at the region's start: `name = parameter`. */
  readonly moduleValueAssignments: readonly { readonly name: string; readonly parameter: string }[];
  /** Names for the iteration recorded by last-assignment lastprivates, by variable name. */
  readonly positionVariables: ReadonlyMap<string, string>;
  /** The slot of each output variable, by name. */
  readonly slots: ReadonlyMap<string, number>;
  /**
   * The reduced typed arrays: each thread declares `const name = __omp_t.arrayReduction(slot, parameter[, lower[, length]])`
   * first and calls `__omp_t.reduceArrays()` last; the array arrives as `parameter`.
   */
  readonly arrays: readonly { readonly name: string; readonly parameter: string; readonly slot: number; readonly bounds: readonly ClauseExpression[] }[];
}

/** A `critical` construct, as the printers write it: `__omp.enterCritical(slot); try { … } finally { __omp.exitCritical(slot); }`. */
export interface CriticalPlan {
  readonly statement: ts.Statement;
  /** Offset of `@omp` in the directive comment, which becomes `tsomp:`. */
  readonly directiveAt: number;
  readonly slot: number;
}

/**
 * A `for` inside a `parallel` block, as the printers write it in place:
 * `__omp_t.forLoop(loop, chunk, …bounds); { …fresh copies; while (__omp_t.next()) for (…) body; …hand outputs over } __omp_t.barrier(); x = __omp_t.loopResult(slot, x);`.
 */
export interface WorksharePlan {
  readonly analysis: WorkshareAnalysis;
  /** Offset of `@omp` in the directive comment, which becomes `tsomp:`. */
  readonly directiveAt: number;
  /** The loop's number in its region's RegionInfo.loops. */
  readonly loop: number;
  /** The chunk size (a literal 0 when the info has it), then lower, upper and step of each level. */
  readonly values: readonly CallValue[];
  /** Slots of the loop's outputs (LoopInfo.outputs): reductions, then lastprivates. */
  readonly slots: ReadonlyMap<string, number>;
  /** The statement the code replaces: the loop with the labels written on it. */
  readonly statement: ts.Statement;
}

/** A `barrier`, `single` or `masked`/`master` construct of a `parallel` block, as the printers write it. */
export type TeamPlan =
  /** `__omp_t.barrier();` where the directive stands, before `follower` (or last in its block). */
  | { readonly kind: "barrier"; readonly directiveAt: number; readonly source: string; readonly follower: ts.Statement | undefined; readonly commentEnd: number; readonly container: ts.Node }
  /** `if (__omp_t.single()) { … }`, then `__omp_t.barrier();` unless `nowait`. */
  | { readonly kind: "single"; readonly directiveAt: number; readonly statement: ts.Block; readonly nowait: boolean }
  /** `if (__omp_t.masked(filter)) { … }`. */
  | { readonly kind: "masked"; readonly directiveAt: number; readonly statement: ts.Block; readonly filter: ClauseExpression | undefined };

/** An `atomic` construct, as analysed, with where its `@omp` is (which becomes `tsomp:`). */
export type AtomicPlan = AtomicAnalysis & { readonly directiveAt: number };

/** An `ordered` construct, as the printers write it: `{ __omp_t.orderedEnter(i); try { … } finally { __omp_t.orderedExit(); } }`. */
export interface OrderedPlan {
  readonly statement: ts.Statement;
  /** Offset of `@omp` in the directive comment, which becomes `tsomp:`. */
  readonly directiveAt: number;
  /** The innermost loop variable of the construct's parallel loop. */
  readonly variable: string;
}

/** Everything the printers write for one module. */
export interface ModulePlan {
  readonly regions: readonly RegionPlan[];
  /** The factory's parameters: one per imported binding the worker code uses. */
  readonly imports: readonly ImportedBinding[];
  /** Module-level declarations copied into the factory, in source order. */
  readonly carried: readonly ts.Node[];
  /**
   * The carried module-level classes, which thread 0 passes to the factory after the imports so
   * that it runs the originals (workers, which pass nothing, make copies); each gets a type alias.
   */
  readonly classes: readonly ts.ClassDeclaration[];
  /** Module-level bindings passed by value; each gets a type alias and a factory-scope `let`. */
  readonly values: readonly ModuleValue[];
  /** Const-enum member accesses in code that moves into the factory, printed as their values. */
  readonly constants: readonly ConstantAccess[];
  /** Typed-array allocations moved onto shared memory. */
  readonly allocations: readonly SharedAllocation[];
  /** The `critical` constructs: each statement runs between entering and leaving its lock slot. */
  readonly criticals: readonly CriticalPlan[];
  /** The `atomic` constructs: each expression becomes a call of tsomp/runtime's atomics. */
  readonly atomics: readonly AtomicPlan[];
  /** The `ordered` constructs: each statement runs between `__omp_t.orderedEnter(i)` and `__omp_t.orderedExit()`. */
  readonly ordered: readonly OrderedPlan[];
  /** The `for` loops inside `parallel` blocks. */
  readonly workshares: readonly WorksharePlan[];
  /** The `barrier`, `single` and `masked` constructs. */
  readonly team: readonly TeamPlan[];
  /** Offsets of `@omp` in directives without effect (`simd`), renamed `tsomp:` like the others. */
  readonly renamed: readonly number[];
  readonly runtimeSpecifier: string;
}
