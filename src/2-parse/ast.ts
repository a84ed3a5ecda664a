import type ts from "typescript";
import type { Span } from "../diagnostics/diagnostic.js";

/** The directives tsomp compiles today. Other OpenMP directives are recognised and reported. */
export type DirectiveName =
  | "parallel for" | "parallel for simd" | "parallel" | "for" | "for simd" | "barrier" | "single" | "masked" | "master" | "critical" | "atomic" | "ordered";

/** What an `atomic` construct does to its typed-array element. */
export type AtomicForm = "read" | "write" | "update" | "capture";

/** A user-written expression inside a clause, e.g. the `n / 4` of `num_threads(n / 4)`. */
export interface ClauseExpression {
  readonly text: string;
  readonly span: Span;
  /** The expression parsed on its own (positions are relative to `text`, not to the file). */
  readonly node: ts.Expression;
  /** The value when the expression is a numeric literal, such as the `4` of `schedule(static, 4)`. */
  readonly literal?: number;
}

/** A variable named in a clause list, e.g. the `sum` of `reduction(+: sum)`. */
export interface VariableReference {
  readonly name: string;
  readonly span: Span;
  /** For a typed-array reduction over part of the array, `hist[lower:length]` (a missing lower bound is 0; a missing length runs to the end). */
  readonly section?: { readonly lower?: ClauseExpression; readonly length?: ClauseExpression };
}

/** The schedule kinds of OpenMP; SPEC §5 fixes what each one does. */
export type ScheduleKind = "static" | "dynamic" | "guided" | "auto" | "runtime";

/** Reduction operators with their OpenMP spelling. */
export type ReductionOperator = "+" | "*" | "-" | "&" | "|" | "^" | "&&" | "||" | "max" | "min";

interface ClauseBase {
  /** The clause from its name to its closing parenthesis. */
  readonly span: Span;
  /** The clause's name alone, where messages about the clause as a whole point. */
  readonly nameSpan: Span;
}

/** One parsed clause. Each variant holds exactly what its OpenMP clause says. */
export type Clause =
  | (ClauseBase & {
      readonly kind: "schedule";
      readonly modifier?: "monotonic" | "nonmonotonic";
      readonly schedule: ScheduleKind;
      readonly chunk?: ClauseExpression;
    })
  | (ClauseBase & { readonly kind: "num_threads"; readonly value: ClauseExpression })
  | (ClauseBase & { readonly kind: "if"; readonly value: ClauseExpression })
  /** `filter(t)` on `masked`: the number of the thread that runs the block. */
  | (ClauseBase & { readonly kind: "filter"; readonly value: ClauseExpression })
  | (ClauseBase & { readonly kind: "private" | "firstprivate" | "shared"; readonly variables: readonly VariableReference[] })
  | (ClauseBase & { readonly kind: "lastprivate"; readonly conditional: boolean; readonly variables: readonly VariableReference[] })
  | (ClauseBase & { readonly kind: "reduction"; readonly operator: ReductionOperator; readonly variables: readonly VariableReference[] })
  | (ClauseBase & { readonly kind: "default"; readonly value: "shared" | "none" })
  | (ClauseBase & { readonly kind: "collapse"; readonly depth: number })
  | (ClauseBase & { readonly kind: "ordered" | "nowait" })
  | (ClauseBase & { readonly kind: "proc_bind"; readonly value: string })
  | (ClauseBase & { readonly kind: "simd-hint"; readonly name: string })
  /** `hint(expr)` on `critical`: accepted, with no effect (OpenMP's hints never change what a program computes). */
  | (ClauseBase & { readonly kind: "hint" })
  /** `read`, `write`, `update` or `capture` on `atomic`. */
  | (ClauseBase & { readonly kind: "atomic-form"; readonly form: AtomicForm })
  /** `seq_cst`, `acq_rel`, `acquire`, `release`, `relaxed` on `atomic`: JavaScript's Atomics are sequentially consistent, which every order allows. */
  | (ClauseBase & { readonly kind: "memory-order"; readonly order: string });

/** The kind tag of a clause. */
export type ClauseKind = Clause["kind"];

/** A parsed `@omp` directive that tsomp compiles, with the statement it applies to. */
export interface Directive {
  readonly name: DirectiveName;
  /** From `@omp` to the end of the comment. */
  readonly span: Span;
  /** The directive's name words, e.g. `parallel for`. */
  readonly nameSpan: Span;
  readonly clauses: readonly Clause[];
  /** The name in parentheses after the directive's name: `critical(name)`. */
  readonly argument?: { readonly text: string; readonly span: Span };
  /** The directive as written after `@omp`, on one line, for comments in the output. */
  readonly source: string;
  readonly statement: ts.Statement | undefined;
  /** The comment the directive came from (its full extent in the file). */
  readonly comment: { readonly pos: number; readonly end: number };
}
