import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Clause, ClauseExpression, ReductionOperator, ScheduleKind, VariableReference } from "./ast.js";
import { parseClauseExpression } from "./clause-expression.js";
import type { DirectiveCursor, Word } from "./cursor.js";
import { suggest } from "./suggest.js";

/** What a clause parser needs besides the cursor: where to report, and which directive it is on. */
export interface ClauseContext {
  readonly directive: string;
  readonly report: (d: Diagnostic) => void;
}

/** Parses one clause after its name, or reports why it cannot. */
export type ClauseParser = (cursor: DirectiveCursor, name: Word, ctx: ClauseContext) => Clause | undefined;

const SCHEDULE_KINDS: readonly ScheduleKind[] = ["static", "dynamic", "guided", "auto", "runtime"];
const REDUCTION_OPERATORS: readonly ReductionOperator[] = ["&&", "||", "+", "*", "-", "&", "|", "^"];

/** Reports "expected X but found Y" at the cursor and returns undefined, for parsers to bail out with. */
function expected(cursor: DirectiveCursor, what: string, ctx: ClauseContext): undefined {
  const next = cursor.describeNext();
  ctx.report(createDiagnostic("Expected", { expected: what, found: next.text }, next.span));
  return undefined;
}

/** Consumes `(`; reports and returns false when it is missing. */
function open(cursor: DirectiveCursor, name: Word, ctx: ClauseContext): boolean {
  return cursor.eat("(") || expected(cursor, `'(' after '${name.text}'`, ctx) === true;
}

/** Consumes `)` and returns the clause's spans, or reports a missing `)`. */
function close(cursor: DirectiveCursor, name: Word, ctx: ClauseContext) {
  if (!cursor.eat(")")) return expected(cursor, `')' to close '${name.text}('`, ctx);
  return { nameSpan: name.span, span: { ...name.span, length: cursor.base + cursor.position - name.span.start } };
}

/** Reads one clause argument as an expression, reporting text that does not parse. */
function expression(cursor: DirectiveCursor, clause: string, ctx: ClauseContext, stopAtColon = false): ClauseExpression | undefined {
  const raw = cursor.expression(stopAtColon);
  if (raw.text === "") return expected(cursor, `an expression in '${clause}'`, ctx);
  const parsed = parseClauseExpression(raw);
  if (!parsed) ctx.report(createDiagnostic("BadExpression", { text: raw.text, clause }, raw.span));
  return parsed;
}

/** Reports a literal that is not a positive integer (`0`, `-1`, `1.5`); expressions are checked at run time. */
function checkPositive(value: ClauseExpression, what: string, ctx: ClauseContext): void {
  if (value.literal !== undefined && !(Number.isInteger(value.literal) && value.literal > 0)) {
    ctx.report(createDiagnostic("NotPositive", { what, value: value.text }, value.span));
  }
}

/** Reads `a, b, c` up to the closing parenthesis. */
function variableList(cursor: DirectiveCursor, clause: string, ctx: ClauseContext): VariableReference[] | undefined {
  const list: VariableReference[] = [];
  do {
    const w = cursor.word();
    if (!w) return expected(cursor, `a variable name in '${clause}'`, ctx);
    if (cursor.peek() === "[" || cursor.peek() === ".") {
      return expected(cursor, `',' or ')' after '${w.text}' (${clause} takes plain variable names)`, ctx);
    }
    list.push({ name: w.text, span: w.span });
  } while (cursor.eat(","));
  return list;
}

const listClause =
  (kind: "private" | "firstprivate" | "shared"): ClauseParser =>
  (cursor, name, ctx) => {
    if (!open(cursor, name, ctx)) return undefined;
    const variables = variableList(cursor, kind, ctx);
    if (!variables) return undefined;
    const spans = close(cursor, name, ctx);
    return spans && { kind, variables, ...spans };
  };

const expressionClause =
  (kind: "num_threads" | "if" | "filter"): ClauseParser =>
  (cursor, name, ctx) => {
    if (!open(cursor, name, ctx)) return undefined;
    if (kind === "if") skipDirectiveNameModifier(cursor, ctx);
    const value = expression(cursor, kind, ctx);
    if (!value) return undefined;
    const spans = close(cursor, name, ctx);
    if (spans && kind === "num_threads") checkPositive(value, "number of threads", ctx);
    if (spans && kind === "filter" && value.literal !== undefined && !(Number.isInteger(value.literal) && value.literal >= 0)) {
      ctx.report(createDiagnostic("NotPositive", { what: "thread number", value: value.text, zero: true }, value.span));
    }
    return spans && { kind, value, ...spans };
  };

/** `if(parallel: cond)` names the construct the condition is for: a word of the directive's name that takes `if`. */
function skipDirectiveNameModifier(cursor: DirectiveCursor, ctx: ClauseContext): void {
  const start = cursor.position;
  const w = cursor.word();
  if (w && cursor.peek() === ":" && cursor.text[cursor.position + 1] !== ":") {
    cursor.eat(":");
    const fits = ["parallel", "simd"].filter((m) => ctx.directive.split(" ").includes(m));
    if (!fits.includes(w.text)) {
      ctx.report(createDiagnostic("BadModifier", { modifier: w.text, clause: "if", expected: fits.map((f) => `'${f}'`).join(" or ") }, w.span));
    }
    return;
  }
  cursor.seek(start);
}

const schedule: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  let modifier: "monotonic" | "nonmonotonic" | undefined;
  let kindWord = cursor.word();
  while (kindWord && (cursor.peek() === ":" || cursor.peek() === ",") && isModifierPosition(cursor)) {
    if (kindWord.text === "monotonic" || kindWord.text === "nonmonotonic") {
      if (modifier && modifier !== kindWord.text) {
        ctx.report(createDiagnostic("ClauseConflict", { first: modifier, second: kindWord.text }, kindWord.span));
      } else if (modifier) {
        ctx.report(createDiagnostic("DuplicateClause", { name: kindWord.text }, kindWord.span));
      }
      modifier = kindWord.text;
    } else if (kindWord.text !== "simd") {
      ctx.report(createDiagnostic("BadModifier", { modifier: kindWord.text, clause: "schedule", expected: "'monotonic' or 'nonmonotonic'" }, kindWord.span));
    }
    cursor.eat(",") || cursor.eat(":");
    kindWord = cursor.word();
  }
  if (!kindWord) return expected(cursor, "a schedule kind (static, dynamic, guided, auto or runtime)", ctx);
  const kind = SCHEDULE_KINDS.find((k) => k === kindWord!.text);
  if (!kind) {
    ctx.report(createDiagnostic("UnknownScheduleKind", { name: kindWord.text, suggestion: suggest(kindWord.text, SCHEDULE_KINDS) }, kindWord.span));
    return undefined;
  }
  let chunk: ClauseExpression | undefined;
  if (cursor.eat(",")) {
    chunk = expression(cursor, "schedule", ctx);
    if (!chunk) return undefined;
    if (kind === "auto" || kind === "runtime") ctx.report(createDiagnostic("ChunkNotAllowed", { kind }, chunk.span));
    else checkPositive(chunk, "chunk size", ctx);
  }
  const spans = close(cursor, name, ctx);
  if (!spans) return undefined;
  const base = { kind: "schedule" as const, schedule: kind, ...spans };
  return { ...base, ...(modifier ? { modifier } : {}), ...(chunk ? { chunk } : {}) };
};

/** In `schedule(a, b: c)` the words before the colon are modifiers; in `schedule(a, 4)` there is none. */
function isModifierPosition(cursor: DirectiveCursor): boolean {
  const rest = cursor.text.slice(cursor.position);
  return /^\s*(:|,\s*[A-Za-z_]+\s*:)/.test(rest) && !/^\s*:\s*:/.test(rest);
}

const lastprivate: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  let conditional = false;
  const save = cursor.position;
  const w = cursor.word();
  if (w && cursor.peek() === ":") {
    cursor.eat(":");
    if (w.text === "conditional") conditional = true;
    else ctx.report(createDiagnostic("BadModifier", { modifier: w.text, clause: "lastprivate", expected: "'conditional'" }, w.span));
  } else {
    cursor.seek(save);
  }
  const variables = variableList(cursor, "lastprivate", ctx);
  if (!variables) return undefined;
  const spans = close(cursor, name, ctx);
  return spans && { kind: "lastprivate", conditional, variables, ...spans };
};

/** An array section after a reduction item's name, `[lower:length]`, either bound optional (`[:n]`, `[k:]`, `[:]`). */
function arraySection(cursor: DirectiveCursor, ctx: ClauseContext): VariableReference["section"] | undefined {
  cursor.eat("[");
  cursor.skipSpace();
  const hasLower = cursor.peek() !== ":";
  const lower = hasLower ? expression(cursor, "reduction", ctx, true) : undefined;
  if (hasLower && !lower) return undefined;
  if (!cursor.eat(":")) return expected(cursor, "':' in the array section '[lower:length]'", ctx);
  cursor.skipSpace();
  const hasLength = cursor.peek() !== "]";
  const length = hasLength ? expression(cursor, "reduction", ctx) : undefined;
  if (hasLength && !length) return undefined;
  if (!cursor.eat("]")) return expected(cursor, "']' to close the array section", ctx);
  return { ...(lower ? { lower } : {}), ...(length ? { length } : {}) };
}

const reduction: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  const save = cursor.position;
  const modifier = cursor.word();
  if (modifier && cursor.peek() === ",") {
    cursor.eat(",");
    if (modifier.text !== "default") {
      ctx.report(createDiagnostic("BadModifier", { modifier: modifier.text, clause: "reduction", expected: "'default' (inscan and task reductions are not supported)" }, modifier.span));
    }
  } else {
    cursor.seek(save);
  }
  if (cursor.atEnd() || cursor.peek() === ")") return expected(cursor, "a reduction operator", ctx);
  cursor.skipSpace();
  const opStart = cursor.position;
  const token = /^(?:[+*\-&|^~!%/<>=]+|[A-Za-z_$][\w$]*|.)/.exec(cursor.text.slice(opStart))![0];
  const operator = REDUCTION_OPERATORS.find((op) => op === token) ?? (token === "max" || token === "min" ? token : undefined);
  if (!operator) {
    ctx.report(createDiagnostic("UnknownReductionOperator", { op: token }, cursor.span(opStart, opStart + token.length)));
    return undefined;
  }
  cursor.seek(opStart + token.length);
  if (operator === "-") {
    ctx.report(createDiagnostic("MinusReductionDeprecated", undefined, cursor.span(opStart, opStart + 1)));
  }
  if (!cursor.eat(":")) return expected(cursor, `':' after the reduction operator '${operator}'`, ctx);
  const variables: VariableReference[] = [];
  do {
    const w = cursor.word();
    if (!w) return expected(cursor, "a variable name in 'reduction'", ctx);
    if (cursor.peek() === "[") {
      const section = arraySection(cursor, ctx);
      if (!section) return undefined;
      variables.push({ name: w.text, span: { ...w.span, length: cursor.base + cursor.position - w.span.start }, section });
      continue;
    }
    variables.push({ name: w.text, span: w.span });
  } while (cursor.eat(","));
  const spans = close(cursor, name, ctx);
  return spans && { kind: "reduction", operator, variables, ...spans };
};

const defaultClause: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  const w = cursor.word();
  if (!w) return expected(cursor, "'shared' or 'none'", ctx);
  const spans = close(cursor, name, ctx);
  if (!spans) return undefined;
  if (w.text !== "shared" && w.text !== "none") {
    ctx.report(createDiagnostic("BadDefault", { value: w.text }, w.span));
    return undefined;
  }
  return { kind: "default", value: w.text, ...spans };
};

const collapse: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  if (cursor.peek() === ")" || cursor.atEnd()) return expected(cursor, "the number of loops to collapse", ctx);
  const raw = cursor.expression();
  const spans = close(cursor, name, ctx);
  if (!spans) return undefined;
  const depth = /^\d+$/.test(raw.text) ? Number(raw.text) : NaN;
  if (!(depth >= 1)) {
    ctx.report(createDiagnostic("NotPositive", { what: "collapse depth", value: raw.text, literal: true }, raw.span));
    return undefined;
  }
  return { kind: "collapse", depth, ...spans };
};

const flag =
  (kind: "ordered" | "nowait"): ClauseParser =>
  (cursor, name, ctx) => {
    if (cursor.peek() === "(") {
      ctx.report(createDiagnostic("ClauseNotAllowed", { name: `${kind}(…)`, directive: ctx.directive, reason: kind === "ordered" ? "doacross loops (ordered(n)) are not supported." : "it takes no argument." }, name.span));
      cursor.eat("(");
      cursor.expression();
      cursor.eat(")");
      return undefined;
    }
    return { kind, nameSpan: name.span, span: name.span };
  };

const procBind: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  const w = cursor.word();
  if (!w) return expected(cursor, "primary, master, close or spread", ctx);
  const spans = close(cursor, name, ctx);
  if (!spans) return undefined;
  if (!["primary", "master", "close", "spread"].includes(w.text)) {
    ctx.report(createDiagnostic("BadProcBind", { value: w.text }, w.span));
    return undefined;
  }
  ctx.report(createDiagnostic("ProcBindHasNoEffect", undefined, spans.span));
  return { kind: "proc_bind", value: w.text, ...spans };
};

/** `safelen(n)`, `simdlen(n)`: a positive integer; accepted and without effect, like `simd` itself. */
const simdLength: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  const value = expression(cursor, name.text, ctx);
  if (!value) return undefined;
  const spans = close(cursor, name, ctx);
  if (spans) checkPositive(value, `${name.text} value`, ctx);
  return spans && { kind: "simd-hint", name: name.text, ...spans };
};

/** `aligned(list[: n])`, `nontemporal(list)`: variables; accepted and without effect. */
const simdList: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  if (!variableList(cursor, name.text, ctx)) return undefined;
  if (name.text === "aligned" && cursor.eat(":") && !expression(cursor, name.text, ctx)) return undefined;
  const spans = close(cursor, name, ctx);
  return spans && { kind: "simd-hint", name: name.text, ...spans };
};

/** The clauses of `parallel for`, keyed by name. */
export const LOOP_CLAUSES: Readonly<Record<string, ClauseParser>> = {
  schedule,
  num_threads: expressionClause("num_threads"),
  if: expressionClause("if"),
  private: listClause("private"),
  firstprivate: listClause("firstprivate"),
  shared: listClause("shared"),
  lastprivate,
  reduction,
  default: defaultClause,
  collapse,
  ordered: flag("ordered"),
  nowait: flag("nowait"),
  proc_bind: procBind,
};

/** `hint(expr)` on `critical`: a synchronization hint, checked as an expression and then ignored. */
const hint: ClauseParser = (cursor, name, ctx) => {
  if (!open(cursor, name, ctx)) return undefined;
  if (!expression(cursor, name.text, ctx)) return undefined;
  const spans = close(cursor, name, ctx);
  return spans && { kind: "hint", ...spans };
};

/** The clauses of `critical`. */
export const CRITICAL_CLAUSES: Readonly<Record<string, ClauseParser>> = { hint };

/** A word on `atomic` that takes no argument: its form, or a memory order. */
const atomicWord: ClauseParser = (cursor, name, ctx) => {
  if (cursor.peek() === "(") {
    ctx.report(createDiagnostic("ClauseNotAllowed", { name: `${name.text}(…)`, directive: ctx.directive, reason: "it takes no argument." }, name.span));
    return undefined;
  }
  const spans = { nameSpan: name.span, span: name.span };
  if (name.text === "read" || name.text === "write" || name.text === "update" || name.text === "capture") return { kind: "atomic-form", form: name.text, ...spans };
  return { kind: "memory-order", order: name.text, ...spans };
};

/** The clauses of `atomic`: its form (update when none is given), a memory order, a hint. */
export const ATOMIC_CLAUSES: Readonly<Record<string, ClauseParser>> = {
  read: atomicWord,
  write: atomicWord,
  update: atomicWord,
  capture: atomicWord,
  seq_cst: atomicWord,
  acq_rel: atomicWord,
  acquire: atomicWord,
  release: atomicWord,
  relaxed: atomicWord,
  hint,
};

/** The clauses of a `parallel` block. */
export const PARALLEL_CLAUSES: Readonly<Record<string, ClauseParser>> = {
  num_threads: LOOP_CLAUSES.num_threads!,
  if: LOOP_CLAUSES.if!,
  private: LOOP_CLAUSES.private!,
  firstprivate: LOOP_CLAUSES.firstprivate!,
  shared: LOOP_CLAUSES.shared!,
  reduction,
  default: defaultClause,
  proc_bind: procBind,
};

/** The clauses of a `for` inside a `parallel` block. */
export const FOR_CLAUSES: Readonly<Record<string, ClauseParser>> = {
  schedule,
  private: LOOP_CLAUSES.private!,
  firstprivate: LOOP_CLAUSES.firstprivate!,
  lastprivate,
  reduction,
  collapse,
  ordered: flag("ordered"),
  nowait: flag("nowait"),
};

/** The clauses of `single`. */
export const SINGLE_CLAUSES: Readonly<Record<string, ClauseParser>> = { nowait: flag("nowait") };

/** The clauses of `masked`: the thread that runs the block. */
export const MASKED_CLAUSES: Readonly<Record<string, ClauseParser>> = { filter: expressionClause("filter") };

/** The extra clauses of the `simd` forms: accepted, with no effect. */
export const SIMD_CLAUSES: Readonly<Record<string, ClauseParser>> = {
  safelen: simdLength,
  simdlen: simdLength,
  aligned: simdList,
  nontemporal: simdList,
};

/** The clauses of `simd` on its own (which tsomp checks and then ignores). */
export const SIMD_ONLY_CLAUSES: Readonly<Record<string, ClauseParser>> = {
  ...SIMD_CLAUSES,
  private: LOOP_CLAUSES.private!,
  lastprivate: LOOP_CLAUSES.lastprivate!,
  reduction: LOOP_CLAUSES.reduction!,
  collapse: LOOP_CLAUSES.collapse!,
  if: LOOP_CLAUSES.if!,
};
