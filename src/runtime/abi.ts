/**
 * The contract between generated code and the runtime (the "ABI"). Generated code imports
 * `tsomp/runtime` as `__omp` and uses only what this file describes; docs/architecture.md
 * explains it with an example. Changing anything here changes every golden fixture.
 */

/** A loop test written as `variable REL bound`. */
export type Relation = "<" | "<=" | ">" | ">=" | "!=";

/** The OpenMP schedule kinds (SPEC §5). */
export type ScheduleKind = "static" | "dynamic" | "guided" | "auto" | "runtime";

/** Reduction operators (SPEC §4). */
export type ReductionOperator = "+" | "*" | "-" | "&" | "|" | "^" | "&&" | "||" | "max" | "min";

/** A value the region hands back to the variables of the code around it. */
export type OutputInfo =
  /** A reduction: the original value combined with every thread's partial result. */
  | { readonly name: string; readonly reduce: ReductionOperator; readonly type: "number" | "bigint" | "boolean" }
  /**
   * A lastprivate: the value after logical iteration N−1 ("iteration"), or after the last iteration
   * that assigned it ("assignment"); or, of a `parallel` block, a variable that a `for` inside it
   * reduces or lastprivatizes, which every thread then holds alike ("team": thread 0's goes back).
   */
  | { readonly name: string; readonly last: "iteration" | "assignment" | "team" };

/**
 * What the runtime knows statically about a loop, written by the compiler as an object literal:
 * a `parallel for` region's loop, or a worksharing `for` inside a `parallel` block.
 */
export interface LoopInfo {
  /** `file:line:column` of the directive, for messages. */
  readonly at: string;
  /** The loop variables, outermost first. */
  readonly vars: readonly string[];
  /** The loop tests, one per loop. */
  readonly tests: readonly Relation[];
  readonly schedule?: ScheduleKind;
  /** A literal chunk size, or "arg" when the call passes it. */
  readonly chunk?: number | "arg";
  /**
   * True for `schedule(nonmonotonic: dynamic)`, which steals work (see team-thread.ts); for
   * `schedule(runtime)`, the clause's modifier (true or false), which overrides OMP_SCHEDULE's.
   */
  readonly nonmonotonic?: boolean;
  /** True for a loop with the `ordered` clause, whose `ordered` blocks run in iteration order. */
  readonly ordered?: boolean;
  /**
   * For a `for` inside a `parallel` block: its reductions and lastprivates (numbers and booleans),
   * which every thread receives after the loop (`Thread.loopResult`).
   */
  readonly outputs?: readonly OutputInfo[];
}

/**
 * What the runtime knows statically about a region, written by the compiler as an object literal:
 * a `parallel for` (its loop's LoopInfo fields) or a `parallel` block (no `vars`: every thread
 * runs the body once; `loops` describes the worksharing loops inside it).
 *
 * `parallelFor(regions, index, ...values)` (and `parallel`, the same function) receives its values in this order:
 * 1. the `if` condition, when `if` is true; the `num_threads` value, when `numThreads` is true;
 *    the chunk size, when `chunk` is "arg";
 * 2. `lower, upper, step` for each loop of the (collapsed) nest, outermost first;
 * 3. the current value of each output, in `outputs` order;
 * 4. the captured values, in `captures` order.
 */
export interface RegionInfo extends Partial<Pick<LoopInfo, "vars" | "tests">>, Omit<LoopInfo, "vars" | "tests" | "outputs"> {
  readonly if?: boolean;
  readonly numThreads?: boolean;
  readonly outputs?: readonly OutputInfo[];
  /** Names of the captured values, for messages. */
  readonly captures: readonly string[];
  /** True when the body stores the current iteration in `Thread.at` (its iterations may throw). */
  readonly tracks?: boolean;
  /** True when the call has more values than fit as separate arguments: the last argument is an array of the rest. */
  readonly spill?: boolean;
  /** The worksharing loops of a `parallel` block, numbered as `Thread.forLoop` gets them. */
  readonly loops?: readonly LoopInfo[];
  /** The typed arrays the region reduces element by element, numbered as `Thread.arrayReduction` gets them. */
  readonly arrays?: readonly ArrayReductionInfo[];
}

/** A typed array in a region's `reduction` clause: its name, for messages, and its operator. */
export interface ArrayReductionInfo {
  readonly name: string;
  readonly reduce: ReductionOperator;
}

/**
 * The per-thread view of a running region that the generated loop drives:
 * `while (t.next()) for (let i = t.lo, end = t.hi; i < end; i += step) { t.at = i; …body… }`.
 */
export interface Thread {
  /** Claims the next chunk (or row of a collapsed chunk); false when this thread has no more work. */
  next(): boolean;
  /** First value of the innermost loop variable in the current chunk. */
  readonly lo: number;
  /** The innermost loop variable's end value (exclusive) for the current chunk. */
  readonly hi: number;
  /** The step of the innermost loop, for steps that are not literals. */
  readonly step: number;
  /** For collapsed loops: the values of the outer loop variables for the current row, outermost first. */
  readonly index: readonly number[];
  /** The innermost loop variable's current value, stored by loops whose body may throw. */
  at: number;
  /** The original value of output `slot` (bigint min/max reductions start from it). */
  initial(slot: number): unknown;
  /** Hands this thread's partial result of a reduction to the join. */
  reduce(slot: number, value: unknown): void;
  /** Hands a lastprivate value to the join; kept only from the thread that ran logical iteration N−1. */
  last(slot: number, value: unknown): void;
  /** Hands a lastprivate value and the logical position (from `position`) of the assignment that produced it. */
  lastAssigned(slot: number, value: unknown, position: number): void;
  /** The logical iteration number of the innermost loop value `value` in the current row. */
  position(value: number): number;
  /** Waits until every logical iteration before the one where the innermost loop variable is `value` has passed its `ordered` block (or had none). */
  orderedEnter(value: number): void;
  /** Ends the `ordered` block entered last: the next iteration's turn. */
  orderedExit(): void;
  /**
   * In a `parallel` block: starts worksharing loop `loop` (RegionInfo.loops), with the chunk size
   * when its info says "arg" (else 0) and `lower, upper, step` per loop, outermost first; `next()`
   * then claims its chunks.
   */
  forLoop(loop: number, chunk: number, ...bounds: number[]): void;
  /** Waits for every thread of the team (`barrier`; the end of `for` and `single` without `nowait`). */
  barrier(): void;
  /** `single`: true on the one thread that runs the block. */
  single(): boolean;
  /** `masked filter(t)`: true on thread `t`. */
  masked(filter: number): boolean;
  /** Hands this thread's partial result of a `for`'s reduction output `slot` (LoopInfo.outputs) to the other threads. */
  loopReduce(slot: number, value: number | boolean): void;
  /** Hands a `for`'s lastprivate output `slot` to the other threads, if this thread ran the loop's last iteration. */
  loopLast(slot: number, value: number | boolean): void;
  /** After the `for`'s barrier: output `slot` combined (a reduction, with the variable's value `original`) or the last iteration's value (a lastprivate; `original` if there was none). */
  loopResult<T extends number | boolean>(slot: number, original: T): T;
  /** Hands the value of a variable that every thread of a `parallel` block holds alike (output `slot`, "team") to the join. */
  keep(slot: number, value: unknown): void;
  /**
   * This thread's private copy of reduced array `slot` (RegionInfo.arrays), `original`, whose
   * section [lower, lower + length) (default: all of it) starts at the operator's identity.
   */
  arrayReduction<T extends ArrayBufferView>(slot: number, original: T, lower?: number, length?: number): T;
  /** Combines this thread's private copies into their arrays (one thread at a time). */
  reduceArrays(): void;
}

/** A region's body as compiled: `(thread, ...captures) => void`. */
export type RegionBody = (thread: Thread, ...captures: never[]) => void;

/** A compiled region: its static description and its body. */
export interface Region {
  readonly info: RegionInfo;
  readonly body: RegionBody;
}

/** A module's worker factory: called once per thread with the module's imported bindings (thread 0 also with its classes), returns its regions. */
export type RegionFactory = (...imports: never[]) => readonly Region[];

/** `[specifier, exported name]` of an import the regions use; the name is `default` or `*` for those forms. */
export type ImportSpec = readonly [specifier: string, exportName: string];

/** What `register` learns about a module's regions besides the factory and `import.meta`. */
export interface ModuleOptions {
  /** The imports the regions use, in the factory's parameter order. */
  readonly imports?: readonly ImportSpec[];
  /** Thread 0's values of those imports (a function, so that it is read after the imports are initialised). */
  readonly bindings?: () => readonly unknown[];
  /**
   * The module's classes that the worker code copies, in the factory's parameter order after the
   * imports: thread 0 passes them, so that its regions use the originals (and their current static
   * state), while workers copy them. Errors of those classes get their prototype back at the join.
   */
  readonly classes?: () => readonly (abstract new (...args: never[]) => unknown)[];
}

/** What a module tells the runtime about itself: its URL and how to resolve its imports (ESM `import.meta`, or `commonJsMeta` in CommonJS). */
export interface ModuleMeta {
  readonly url: string;
  readonly resolve?: (specifier: string) => string;
  /** True for a CommonJS module: its default and namespace imports follow the `__esModule` convention of ES modules compiled to CommonJS. */
  readonly commonJs?: boolean;
}
