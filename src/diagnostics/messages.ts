/**
 * The catalog: every message tsomp shows a user, with its stable code and category.
 * Codes: OMP1xxx directive syntax, OMP2xxx loop shape and control flow, OMP3xxx data sharing,
 * OMP4xxx run time. A code is never reused for another meaning; `test/catalog.test.ts` keeps the
 * codes unique and sorted and checks that each one has a fixture (or, for run-time codes, a test).
 */

/** How serious a diagnostic is: an error stops emission for its file, a warning or note does not. */
export type Category = "error" | "warning" | "note";

/** One catalog entry: a code, a category and a function that renders the message text. */
export interface MessageSpec<A> {
  readonly code: number;
  readonly category: Category;
  readonly text: (args: A) => string;
}

const m = <A = void>(code: number, category: Category, text: (args: A) => string): MessageSpec<A> => ({
  code,
  category,
  text,
});

const didYouMean = (s: string | undefined) => (s ? ` Did you mean '${s}'?` : "");
/** How a reduction variable is updated with its operator: `x += …`, or `x = Math.max(x, …)`. */
const reductionUpdate = (name: string, op: string) => (op === "max" || op === "min" ? `${name} = Math.${op}(${name}, …)` : `${name} ${op}= …`);

/** The catalog. Keys are PascalCase sentences; the object is ordered by code. */
export const Messages = {
  // 1xxx: directive syntax and placement
  UnknownDirective: m<{ name: string; suggestion?: string }>(1001, "error", (a) =>
    `Unknown directive '${a.name}'.${didYouMean(a.suggestion)}`),
  DirectiveNotSupportedYet: m<{ name: string }>(1002, "error", (a) =>
    `'${a.name}' is not supported by tsomp yet; it is reported rather than ignored, since ignoring it could change what the program computes.`),
  DirectiveNotInV1: m<{ name: string }>(1003, "error", (a) =>
    `'${a.name}' is not part of tsomp: tasks, sections, target, teams, threadprivate, cancel and flush are not supported.`),
  UnknownClause: m<{ name: string; directive: string; suggestion?: string }>(1004, "error", (a) =>
    `Unknown clause '${a.name}' on '${a.directive}'.${didYouMean(a.suggestion)}`),
  ClauseNotAllowed: m<{ name: string; directive: string; reason: string }>(1005, "error", (a) =>
    `Clause '${a.name}' is not allowed on '${a.directive}': ${a.reason}`),
  DuplicateClause: m<{ name: string }>(1006, "error", (a) =>
    `Clause '${a.name}' appears more than once.`),
  Expected: m<{ expected: string; found: string }>(1007, "error", (a) =>
    `Expected ${a.expected} but found ${a.found}.`),
  EmptyDirective: m(1008, "error", () =>
    `Expected a directive name after '@omp', such as 'parallel for'.`),
  UnknownScheduleKind: m<{ name: string; suggestion?: string }>(1009, "error", (a) =>
    `Unknown schedule kind '${a.name}': expected static, dynamic, guided, auto or runtime.${didYouMean(a.suggestion)}`),
  ChunkNotAllowed: m<{ kind: string }>(1010, "error", (a) =>
    `schedule(${a.kind}) takes no chunk size: the ${a.kind === "runtime" ? "chunk comes from OMP_SCHEDULE" : "runtime chooses the chunks"}.`),
  NotPositive: m<{ what: string; value: string; literal?: boolean; zero?: boolean }>(1011, "error", (a) =>
    `The ${a.what} must be ${a.zero ? "an integer of at least 0" : a.literal ? "written as a positive integer, such as 2" : "a positive integer"}; '${a.value}' is not.`),
  BadModifier: m<{ modifier: string; clause: string; expected: string }>(1012, "error", (a) =>
    `'${a.modifier}' is not a modifier of '${a.clause}': expected ${a.expected}.`),
  UnknownReductionOperator: m<{ op: string }>(1013, "error", (a) =>
    `Unknown reduction operator '${a.op}': expected one of + * - & | ^ && || max min.`),
  MinusReductionDeprecated: m(1014, "warning", () =>
    `The '-' reduction is deprecated since OpenMP 5.2; it combines the partial results by addition. Write 'reduction(+: …)' instead.`),
  BadDefault: m<{ value: string }>(1015, "error", (a) =>
    `default(${a.value}): expected 'shared' or 'none'.`),
  BadExpression: m<{ text: string; clause: string }>(1016, "error", (a) =>
    `'${a.text}' is not a valid expression for '${a.clause}'.`),
  ProcBindHasNoEffect: m(1017, "note", () =>
    `proc_bind has no effect: JavaScript cannot bind worker threads to cores.`),
  StackedDirective: m<{ first: string }>(1018, "error", (a) =>
    `Only one directive can apply to a statement, and '${a.first}' already applies to this one.`),
  DirectiveNotOnOwnLine: m(1019, "error", () =>
    `A directive comment must stand on its own line, before the statement it applies to.`),
  DirectiveAppliesToNothing: m<{ directive: string }>(1020, "error", (a) =>
    `'${a.directive}' must be followed by the statement it applies to.`),
  DirectiveNeedsForLoop: m<{ directive: string; found: string }>(1021, "error", (a) =>
    `'${a.directive}' applies to a 'for (let …; …; …)' loop, not to ${a.found}.`),
  ArrayReductionNotSupportedYet: m<{ item: string }>(1022, "error", (a) =>
    `'${a.item}': a 'for' inside a 'parallel' block cannot reduce a typed array yet; put the reduction on the 'parallel' block, or use a 'parallel for'.`),
  BadProcBind: m<{ value: string }>(1023, "error", (a) =>
    `proc_bind(${a.value}): expected primary, master, close or spread.`),
  ClauseConflict: m<{ first: string; second: string }>(1024, "error", (a) =>
    `'${a.second}' cannot be combined with '${a.first}'.`),
  SourceSyntaxError: m<{ message: string }>(1025, "error", (a) =>
    `This file is not valid TypeScript, so tsomp leaves it alone: ${a.message}`),
  ContinuationRepeatsOmp: m<{ rest: string }>(1026, "error", (a) =>
    `A line after a '\\' continues the directive above it, so it does not start with '@omp' again: write '// ${a.rest}'.`),
  DirectiveNeedsStatement: m<{ directive: string; found: string }>(1027, "error", (a) =>
    `'${a.directive}' applies to a block or a statement that declares nothing, not to ${a.found}: what it declares would not be visible after it. Declare the variable before the directive.`),
  CriticalNested: m<{ name: string }>(1028, "error", (a) =>
    `This critical section is inside another one ${a.name ? `named '${a.name}'` : "without a name"}, the same lock: a thread would wait for itself. Give one of them another name.`),
  AtomicNeedsExpression: m<{ found: string }>(1029, "error", (a) =>
    `'atomic' applies to one expression statement on a typed-array element, such as 'a[i] += x;', not to ${a.found}.`),
  AtomicForm: m<{ form: string; expected: string }>(1030, "error", (a) =>
    `'atomic ${a.form}' needs ${a.expected}.`),
  AtomicNotTypedArrayElement: m<{ text: string; type: string }>(1031, "error", (a) =>
    `'atomic' works on an element of a typed array, and '${a.text}' is of type '${a.type}'. Only typed-array memory is shared between threads.`),
  OrderedOutsideLoop: m(1032, "error", () =>
    `'ordered' must be in the body of a parallel loop with the 'ordered' clause, in the loop's own function.`),
  OrderedWithoutClause: m<{ directive: string }>(1033, "error", (a) =>
    `'ordered' needs its loop to have the 'ordered' clause: write '// @omp ${a.directive} ordered'.`),
  DirectiveNeedsBlock: m<{ directive: string; found: string }>(1034, "error", (a) =>
    `'${a.directive}' applies to a block '{ … }', not to ${a.found}.`),
  BarrierAboveBlock: m(1035, "error", () =>
    "'barrier' stands alone and applies to no statement, so a block after it runs as it would without it. Put the barrier inside the block, or after it."),
  BarrierNotInList: m(1036, "error", () =>
    "'barrier' must stand among the statements of a block, not as the body of an 'if', an 'else' or a loop: put braces around it."),
  ClauseNameNotLocal: m<{ name: string; clause: string }>(1037, "error", (a) =>
    `'${a.name}' in ${a.clause}(…) must be a variable of this function, or a global such as Math: each thread of the 'parallel' block evaluates it. Read the value into a local const before the block.`),

  // 2xxx: loop shape and control flow
  LoopInitNotCanonical: m(2001, "error", () =>
    `A parallel loop must declare one loop variable with 'let', as in 'for (let i = lower; …; …)'.`),
  LoopTestNotCanonical: m<{ name: string }>(2002, "error", (a) =>
    `The loop condition must compare '${a.name}' with a bound using <, <=, >, >= or !=.`),
  LoopUpdateNotCanonical: m<{ name: string }>(2003, "error", (a) =>
    `The loop update must be '${a.name}++', '${a.name}--', '${a.name} += step', '${a.name} -= step' or '${a.name} = ${a.name} ± step'.`),
  LoopVariableAssigned: m<{ name: string }>(2004, "error", (a) =>
    `The loop variable '${a.name}' must not be assigned in the body of a parallel loop.`),
  NotEqualNeedsUnitStep: m(2005, "error", () =>
    `A loop tested with '!=' must step by exactly 1 or -1.`),
  StepAgainstBound: m<{ name: string; step: string; test: string }>(2006, "error", (a) =>
    `The step ${a.step} moves '${a.name}' away from the bound of '${a.test}', so the loop would never end.`),
  ZeroStep: m(2007, "error", () =>
    `The loop step is zero, so the loop would never end.`),
  BreakOutOfParallelLoop: m(2008, "error", () =>
    `'break' cannot leave a parallel loop: its iterations run on several threads. Use 'continue' to skip an iteration.`),
  ReturnInParallelLoop: m(2009, "error", () =>
    `'return' cannot leave a parallel loop: its iterations run on several threads.`),
  ContinueToOuterLoop: m<{ label: string }>(2010, "error", (a) =>
    `'continue ${a.label}' jumps out of the parallel loop's iteration space.`),
  YieldInParallelLoop: m(2011, "error", () =>
    `'yield' cannot appear in a parallel loop: the loop runs to completion on other threads.`),
  AwaitInParallelLoop: m(2012, "error", () =>
    `'await' cannot appear in a parallel loop: the loop is a synchronous statement run on several threads.`),
  ArgumentsInParallelLoop: m(2013, "error", () =>
    `'arguments' cannot be used in a parallel loop: the body runs outside the enclosing function. Copy what you need into a local variable before the loop.`),
  ThisInParallelLoop: m<{ keyword: string }>(2014, "error", (a) =>
    `'${a.keyword}' cannot be used in a parallel loop: the body runs on other threads, without the object. Copy what you need into local variables before the loop.`),
  CollapseNeedsNestedLoops: m<{ depth: number; found: number }>(2015, "error", (a) =>
    `collapse(${a.depth}) needs ${a.depth} perfectly nested 'for' loops, with nothing else between them; found ${a.found}.`),
  CollapseBoundDependsOnOuter: m<{ name: string }>(2016, "error", (a) =>
    `The bounds of a collapsed loop must not depend on the outer loop variable '${a.name}'.`),
  LoopVariableNotNumber: m<{ name: string; type: string }>(2017, "error", (a) =>
    `The loop variable '${a.name}' has type '${a.type}'; a parallel loop counts with numbers.`),
  BoundNotNumber: m<{ what: string; type: string }>(2018, "error", (a) =>
    `The loop ${a.what} has type '${a.type}'; it must be an integer number.`),
  ConstructOutsideParallel: m<{ directive: string }>(2019, "error", (a) =>
    `'${a.directive}' must be inside a 'parallel' block of the same function: tsomp does not support orphaned '${a.directive}' constructs (in a function that a parallel region calls), whose team is known only at run time.`),
  ConstructNested: m<{ directive: string; outer: string; reason: string }>(2020, "error", (a) =>
    `'${a.directive}' cannot be inside ${a.outer}: ${a.reason}`),
  JumpOutOfConstruct: m<{ jump: string; construct: string }>(2021, "error", (a) =>
    `'${a.jump}' cannot leave the '${a.construct}' block: every thread runs it to its end (threads that left would miss the barriers the others wait at).`),

  // 3xxx: data sharing
  WriteToOuterScalar: m<{ name: string }>(3001, "error", (a) =>
    `'${a.name}' is declared outside the parallel loop and assigned inside it; every thread would write its own copy. Declare it inside the loop, or list it in private, firstprivate, lastprivate or reduction.`),
  SharedArrayReassigned: m<{ name: string }>(3002, "error", (a) =>
    `'${a.name}' is shared by all threads; its elements may be written, but the variable itself may not be reassigned in a parallel loop.`),
  WriteToCopiedValue: m<{ name: string; kind: string; array?: string; hoisted?: string }>(3003, "error", (a) =>
    `'${a.name}' is ${a.kind}; each thread gets its own copy, so this write would be lost. Only typed-array elements can be written from a parallel loop.` +
    (a.array ? ` '${a.array}' is a typed array: read it into a variable before the loop (const ${a.hoisted} = ${a.array};) and write to ${a.hoisted}[…] in the loop.` : "")),
  ValueCopiedPerRegion: m<{ name: string; kind: string }>(3004, "note", (a) =>
    `'${a.name}' is ${a.kind}; it is copied to every worker thread (structured clone) each time the loop starts. Use a typed array to share it without a copy.`),
  CannotShare: m<{ name: string; type: string }>(3005, "error", (a) =>
    `shared(${a.name}): only typed arrays, DataViews and SharedArrayBuffers can be shared between threads, and '${a.name}' has type '${a.type}'.`),
  ConflictingClauses: m<{ name: string; first: string; second: string }>(3006, "error", (a) =>
    `'${a.name}' cannot be both ${a.first} and ${a.second}.`),
  ReductionVariableRead: m<{ name: string; op: string }>(3007, "error", (a) =>
    `The reduction variable '${a.name}' can only be updated here (as in '${reductionUpdate(a.name, a.op)}'); reading it elsewhere in the loop would see a partial result.`),
  ReductionUpdateMismatch: m<{ name: string; op: string; found: string }>(3008, "error", (a) =>
    a.found === "="
      ? `'${a.name}' is a '${a.op}' reduction, but this overwrites it: each thread's copy would take the value and the copies would then be combined, which the code without tsomp does not do. Update it with '${a.op}' (as in '${reductionUpdate(a.name, a.op)}').`
      : `'${a.name}' is a '${a.op}' reduction, but this updates it with '${a.found}'.`),
  ReductionTypeInvalid: m<{ name: string; type: string; op: string }>(3009, "error", (a) =>
    `'${a.name}' has type '${a.type}', which a '${a.op}' reduction cannot combine; reduction variables are numbers, bigints or booleans.`),
  UnknownVariable: m<{ name: string; clause: string }>(3010, "error", (a) =>
    `'${a.name}' in ${a.clause}(…) is not a variable in scope here.`),
  ClauseVariableDeclaredInLoop: m<{ name: string; clause: string }>(3011, "error", (a) =>
    `'${a.name}' is declared inside the loop, so it is private already; remove it from ${a.clause}(…).`),
  DefaultNoneUnlisted: m<{ name: string }>(3012, "error", (a) =>
    `'${a.name}' must be listed in a data-sharing clause because of default(none).`),
  ModuleVariableWritten: m<{ name: string }>(3013, "error", (a) =>
    `'${a.name}' is a module-level variable; each thread works on a copy, so this write would be lost.`),
  FunctionNotCarriable: m<{ name: string; reason: string }>(3014, "error", (a) =>
    `'${a.name}' cannot run on worker threads: ${a.reason}.`),
  ValueNotTransferable: m<{ name: string; type: string; reason: string }>(3015, "error", (a) =>
    `'${a.name}' of type '${a.type}' cannot be passed to worker threads: ${a.reason}.`),
  LoopVariableInClause: m<{ name: string; clause: string }>(3016, "error", (a) =>
    `'${a.name}' is the loop variable, which is private already; remove it from ${a.clause}(…).`),
  PrivateReadBeforeWrite: m<{ name: string; clause: string }>(3017, "warning", (a) =>
    `'${a.name}' is ${a.clause}, but this reads it before the iteration assigns it: each thread's copy ${a.clause === "private" ? "starts undefined" : "keeps the value of that thread's previous iteration"}, unlike the sequential loop.`),
  ConstInClause: m<{ name: string; clause: string }>(3018, "error", (a) =>
    `'${a.name}' is a constant, so it cannot appear in ${a.clause}(…), which assigns it.`),
  GlobalWritten: m<{ name: string }>(3019, "error", (a) =>
    `'${a.name}' is a global; each thread has its own globals, so this write would not be seen by the others.`),
  NotASharedVariable: m<{ name: string; clause: string; kind: string }>(3020, "error", (a) =>
    `'${a.name}' cannot appear in ${a.clause}(…): it is ${a.kind}, not a local variable of the code around the loop.`),
  PrivateReadAfterLoop: m<{ name: string; line: number }>(3021, "warning", (a) =>
    `'${a.name}' is private in the parallel loop on line ${a.line}, so here it still holds its value from before the loop, where the sequential loop would leave the last iteration's. List it in lastprivate(…) to keep that value.`),
  TypeUnknownInIsolation: m<{ name: string; use: "capture" | "reduction" }>(3022, "note", (a) =>
    `'${a.name}' has no known type here: this file is compiled on its own (isolatedModules, transpileModule), so types that come from other modules are unknown. ` +
    (a.use === "capture" ? "The loop shares it if it is a typed array when the loop starts, and copies it otherwise." : `Annotate it (let ${a.name}: number = …) so that it can be reduced.`)),
  ChangedStateCopied: m<{ name: string; imported: boolean; changed: string }>(3023, "error", (a) =>
    `'${a.name}' is ${a.imported ? "imported again by worker threads" : "copied into the worker code"}, where it starts again from its declaration, but the program changes ${a.changed} while it runs, so worker threads would not see the change. Read what the loop needs into a local const before the loop, and use that in the loop.`),
  StaleModuleState: m<{ name: string; state?: string; module: string }>(3024, "warning", (a) =>
    (a.state ? `'${a.name}' reads '${a.state}' of ${a.module}` : `'${a.name}' is module-level state of ${a.module}`) +
    `, which the program changes while it runs; worker threads import ${a.module} again and see ${a.state ? `'${a.state}'` : "it"} as that import made it, not as it is now. ` +
    (a.state ? `Read the value before the loop and pass it to '${a.name}' as an argument.` : `Read it into a local const before the loop, and use that in the loop.`)),
  GlobalDeclaredInProgram: m<{ name: string }>(3025, "warning", (a) =>
    `'${a.name}' is a global that this program declares itself: worker threads have globals of their own, where '${a.name}' exists only if code that every worker runs sets it up too (else they throw a ReferenceError). Import it from a module instead, or read a value into a local const before the loop.`),
  WorkshareVariablePrivate: m<{ name: string; clause: string }>(3026, "error", (a) =>
    `'${a.name}' is private to each thread of the enclosing 'parallel' block (declared in it, or named in its private, firstprivate or reduction clause): '${a.clause}' on a 'for' inside the block must name a variable of the enclosing function, which the threads share.`),
  WorkshareOutputType: m<{ name: string; type: string; clause: string }>(3027, "error", (a) =>
    `'${a.name}' has type '${a.type}': '${a.clause}' on a 'for' inside a 'parallel' block hands every thread a number or a boolean only. Use a 'parallel for', or keep the value in a typed array.`),
  WorkshareLastAssignment: m<{ name: string; conditional: boolean }>(3028, "error", (a) =>
    `${a.conditional ? `lastprivate(conditional: ${a.name}) is not supported on a 'for' inside a 'parallel' block` : `'${a.name}' is not assigned on every path of an iteration`}: lastprivate on a 'for' inside a 'parallel' block takes the last iteration's value, which needs an assignment in every iteration (a 'parallel for' also keeps the value of the last iteration that assigned it).`),
  WorkshareTooManyOutputs: m<{ count: number; limit: number }>(3029, "error", (a) =>
    `This 'for' reduces or lastprivatizes ${a.count} variables; a 'for' inside a 'parallel' block can hand the threads at most ${a.limit}.`),
  SectionNotTypedArray: m<{ name: string }>(3030, "error", (a) =>
    `'${a.name}' is not a typed array: only a typed array can be reduced by a section, '${a.name}[lower:length]'.`),
  RaceProven: m<{ detail: string; fix: string }>(3031, "error", (a) =>
    `Data race: ${a.detail} ${a.fix}`),
  RaceUnproven: m<{ access: string; reason: string; units: string }>(3032, "warning", (a) =>
    `tsomp cannot prove that different ${a.units} write different elements with '${a.access}': ${a.reason}. If they do, write '// @omp assume independent' above the statement (or the loop); if not, use a reduction, 'atomic' or 'critical'.`),
  SimdDependence: m<{ detail: string }>(3033, "warning", (a) =>
    `'simd' says that the iterations of this loop are independent, but ${a.detail} tsomp runs a simd loop in order, so it computes what the loop without 'simd' computes; a compiler that vectorizes it would not. Remove 'simd', or make the iterations independent.`),
  VarUsedOutsideRegion: m<{ name: string; region: string }>(3034, "error", (a) =>
    `'${a.name}' is declared with 'var' inside the ${a.region} and used outside it, where it would not exist: each thread runs the body as its own function. Declare it with 'let' before the ${a.region} and list it in lastprivate (or reduction), or use it only inside.`),

  // 4xxx: run time (thrown or warned by tsomp/runtime)
  BoundNotSafeInteger: m<{ at: string; what: string; value: string }>(4001, "error", (a) =>
    `The parallel loop at ${a.at} has ${a.what} ${a.value}, which is not a safe integer. Bounds and steps of a parallel loop must be integers: round a computed bound with Math.floor or Math.ceil.`),
  StepDoesNotReachBound: m<{ at: string; step: string }>(4002, "error", (a) =>
    `The parallel loop at ${a.at} steps by ${a.step}, which never reaches its bound.`),
  ClauseValueInvalid: m<{ at: string; clause: string; value: string }>(4003, "error", (a) =>
    `The parallel loop at ${a.at} has ${a.clause} ${a.value}; it must be a positive integer.`),
  IterationFailed: m<{ at: string; iteration: string; message: string }>(4004, "error", (a) =>
    `The parallel loop at ${a.at} failed at ${a.iteration}: ${a.message}`),
  WorkerDied: m<{ at: string; detail: string }>(4005, "error", (a) =>
    `A worker thread died while running the parallel loop at ${a.at} (${a.detail}).`),
  ArrayCopiedInAndOut: m<{ at: string; names: string }>(4006, "warning", (a) =>
    `The parallel loop at ${a.at} copies ${a.names} into shared memory and back each time it runs, because its buffer is not a SharedArrayBuffer: tsomp could not follow it from where it is made to the loop (through a Map, an array of arrays or a module tsomp does not compile). Keep it in a variable, parameter or property between where it is made and the loop, or make it on a SharedArrayBuffer yourself (new Float64Array(new SharedArrayBuffer(n * 8))).`),
  ValueNotCloneable: m<{ at: string; name: string; message: string }>(4007, "error", (a) =>
    `The parallel loop at ${a.at} cannot pass '${a.name}' to worker threads: ${a.message}`),
  BadEnvironment: m<{ name: string; value: string; expected: string }>(4008, "warning", (a) =>
    `${a.name}='${a.value}' is ignored: expected ${a.expected}.`),
  WorkerFailedToStart: m<{ detail: string }>(4009, "error", (a) =>
    `A tsomp worker thread could not start: ${a.detail}`),
  BadRuntimeArgument: m<{ fn: string; detail: string }>(4010, "error", (a) =>
    `${a.fn}: ${a.detail}`),
  LockMisused: m<{ fn: string; detail: string }>(4011, "error", (a) =>
    `${a.fn}: ${a.detail}.`),
  OrderedTwice: m<{ iteration: string }>(4012, "error", (a) =>
    `An iteration of a loop ran two 'ordered' blocks (at ${a.iteration}): each iteration may run one.`),
  RegionFailed: m<{ at: string; thread: number; message: string }>(4013, "error", (a) =>
    `The parallel region at ${a.at} failed in thread ${a.thread}: ${a.message}`),
  LoopTooLongInBlock: m<{ at: string }>(4014, "error", (a) =>
    `The loop at ${a.at} has more than 2^31 chunks, more than a 'for' inside a 'parallel' block can count; use a larger chunk size, or a 'parallel for'.`),
  SectionOutOfBounds: m<{ at: string; section: string; length: number }>(4015, "error", (a) =>
    `The reduction over ${a.section} at ${a.at} does not fit in the array, of length ${a.length}: a section [lower:length] needs integers with 0 ≤ lower and lower + length ≤ the array's length.`),
  MaskedFilterInvalid: m<{ at: string; value: string }>(4016, "error", (a) =>
    `A 'masked' block of the parallel block at ${a.at} has filter ${a.value}; a filter is a thread number, an integer 0 or more.`),
} as const;

/** The name of a catalog entry. */
export type MessageKey = keyof typeof Messages;

/** The argument type that a catalog entry's text needs. */
export type MessageArgs<K extends MessageKey> = (typeof Messages)[K] extends MessageSpec<infer A> ? A : never;

/** Renders a code as users see it, e.g. `OMP3001`. */
export function formatCode(code: number): string {
  return `OMP${code}`;
}
