import type ts from "typescript";
import type { Directive, ReductionOperator, ScheduleKind, ClauseExpression, VariableReference } from "../2-parse/ast.js";
import type { Reference } from "./references.js";

/** The comparison of a canonical loop test, written as `variable REL bound`. */
export type Relation = "<" | "<=" | ">" | ">=" | "!=";

/** How the loop variable moves each iteration. */
export interface Step {
  /** The step's expression, or undefined for `++`/`--`. */
  readonly expression: ts.Expression | undefined;
  /** True for `-=` and `= v - s`: the step value is minus the expression. */
  readonly negated: boolean;
  /** The step's value when the source gives it as a literal (`i++` is 1, `i -= 2` is -2). */
  readonly literal: number | undefined;
}

/** One loop of a (possibly collapsed) canonical loop nest. */
export interface LoopLevel {
  readonly loop: ts.ForStatement;
  readonly variable: string;
  readonly lower: ts.Expression;
  readonly upper: ts.Expression;
  readonly relation: Relation;
  readonly step: Step;
  /** Labels written directly on this loop, kept on the generated loop so `continue label` still works. */
  readonly labels: readonly string[];
}

/** The shape of a parallel loop: its collapsed levels (outermost first) and the innermost body. */
export interface LoopShape {
  readonly levels: readonly LoopLevel[];
  readonly body: ts.Statement;
}

/** The type family of a value, as far as moving it between threads is concerned. */
export type ValueKind = "number" | "bigint" | "boolean" | "scalar" | "typed-array" | "clone" | "dynamic";

/** A variable of the enclosing function(s) that the loop uses and that each thread receives as a parameter. */
export interface Capture {
  readonly name: string;
  readonly symbol: ts.Symbol;
  readonly kind: ValueKind;
  /** The TypeScript type to declare the parameter with, in the printed output. */
  readonly typeText: string;
}

/** The value a reduction's private copy starts from (`0`, `1n`, `-Infinity`, `true`). */
export type ReductionIdentity = number | bigint | boolean;

/** A reduction variable with what combining it needs. */
export interface Reduction {
  readonly name: string;
  readonly symbol: ts.Symbol;
  readonly operator: ReductionOperator;
  readonly type: "number" | "bigint" | "boolean";
  /** The private copy's starting value, or undefined to start from the original value. */
  readonly identity: ReductionIdentity | undefined;
  readonly typeText: string;
}

/**
 * A typed array in a `reduction` clause (whole, or a section `a[lower:length]`): each thread
 * works on a private copy whose elements start at the identity, combined into the array element
 * by element when the thread is done.
 */
export interface ArrayReduction {
  readonly name: string;
  readonly symbol: ts.Symbol;
  readonly operator: ReductionOperator;
  readonly section: VariableReference["section"] | undefined;
}

/** A `private`/`lastprivate` variable, declared fresh in every thread. */
export interface PrivateVariable {
  readonly name: string;
  readonly symbol: ts.Symbol;
  readonly typeText: string;
  /** Set for lastprivate: how the final value is chosen. */
  readonly last?: "last-iteration" | "last-assignment";
  /** True when the copy starts from the original value (also firstprivate). */
  readonly initialized: boolean;
}

/** A local function or class the loop calls, copied into the region with its declaration text. */
export interface CarriedLocal {
  readonly name: string;
  readonly declaration: ts.Node;
}

/** A worksharing `for` inside a `parallel` block: its loop nest, schedule, and what each thread gets of the variables its clauses name. */
export interface WorkshareAnalysis {
  readonly directive: Directive;
  readonly statement: ts.ForStatement;
  readonly shape: LoopShape;
  readonly schedule: LoopAnalysis["schedule"];
  readonly nowait: boolean;
  readonly ordered: boolean;
  /** Fresh copies for the loop: `private` ones start undefined, `firstprivate` ones from the value before the loop. */
  readonly privates: readonly { readonly name: string; readonly typeText: string; readonly firstprivate: boolean }[];
  /** Reductions of variables of the enclosing function, combined for every thread after the loop. */
  readonly reductions: readonly Reduction[];
  /** Lastprivates of variables of the enclosing function (assigned in every iteration), handed to every thread after the loop. */
  readonly lastprivates: readonly { readonly name: string; readonly symbol: ts.Symbol; readonly typeText: string; readonly firstprivate: boolean }[];
}

/** Everything the later phases need to know about one region: a `parallel for`, or a `parallel` block (no loop levels). */
export interface LoopAnalysis {
  readonly directive: Directive;
  /** The loop of a `parallel for`; the block of a `parallel` block. */
  readonly statement: ts.Statement;
  readonly shape: LoopShape;
  /** With `modifier: "nonmonotonic"`, a `dynamic` schedule steals work (see the runtime's team-thread.ts). */
  readonly schedule: { readonly kind: ScheduleKind; readonly chunk: ClauseExpression | undefined; readonly modifier: "monotonic" | "nonmonotonic" | undefined };
  readonly numThreads: ClauseExpression | undefined;
  readonly ifCondition: ClauseExpression | undefined;
  /** Values passed to every thread at the region's start, in parameter order. */
  readonly captures: readonly Capture[];
  readonly reductions: readonly Reduction[];
  /** Typed arrays reduced element by element (their arrays are among the captures too). */
  readonly arrayReductions: readonly ArrayReduction[];
  readonly privates: readonly PrivateVariable[];
  /** Local functions and classes copied into the region, in source order. */
  readonly carriedLocals: readonly CarriedLocal[];
  /** Local type declarations that the body's annotations use, copied so the output type-checks. */
  readonly localTypes: readonly ts.Node[];
  /** Type parameters of the enclosing functions, declared again on the region function. */
  readonly typeParameters: readonly ts.TypeParameterDeclaration[];
  /** Uses of module-level declarations and imports, by the loop or by the local functions it carries. */
  readonly moduleReferences: readonly Reference[];
  /** True when an iteration may throw, so the generated loop records the current iteration. */
  readonly mayThrow: boolean;
  /** Assignments to lastprivate variables whose final value comes from the last iteration that assigned them. */
  readonly trackedAssignments: readonly { readonly node: ts.Expression; readonly name: string }[];
  /** A `parallel` block's worksharing loops, in source order (their index is their number in RegionInfo.loops). */
  readonly workshares: readonly WorkshareAnalysis[];
  /** Variables of the enclosing function that a `for` in a `parallel` block reduces or lastprivatizes: every thread holds them; thread 0's go back. */
  readonly teamOutputs: readonly { readonly name: string; readonly symbol: ts.Symbol }[];
}
