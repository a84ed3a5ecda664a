import ts from "typescript";
import { expect } from "vitest";
import { scanDirectives } from "../../src/1-scan/scan-directives.js";
import type { DirectiveComment } from "../../src/1-scan/directive-comment.js";
import type { Clause, Directive } from "../../src/2-parse/ast.js";
import { parseDirectives } from "../../src/2-parse/parse-directives.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatCode } from "../../src/diagnostics/messages.js";
import { renderDiagnostics } from "../../src/diagnostics/render.js";

export const FILE = "input.ts";

/** What the front end (scan + parse) makes of one source text. */
export interface Parsed {
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly comments: readonly DirectiveComment[];
  readonly directives: readonly Directive[];
  /** Scan diagnostics first, then parse diagnostics, in the order they were reported. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Runs scan + parse on `text` as the file `input.ts`. */
export function parse(text: string): Parsed {
  const sourceFile = ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true);
  const scan = scanDirectives(sourceFile, FILE);
  const parsed = parseDirectives(scan.comments, FILE);
  return {
    text,
    sourceFile,
    comments: scan.comments,
    directives: parsed.directives,
    diagnostics: [...scan.diagnostics, ...parsed.diagnostics],
  };
}

/** The source a directive is tested in: the directive's line comment, then a canonical loop. */
export function loop(directive: string): string {
  return `// @omp ${directive}\nfor (let i = 0; i < n; i++) {\n  s += i;\n}\n`;
}

/** The text of the source that a diagnostic underlines. */
export function underlined(text: string, d: { start: number; length: number }): string {
  return text.slice(d.start, d.start + d.length);
}

/** A diagnostic as `[code, underlined text]`, e.g. `["OMP1004", "privte"]`. */
export function summarize(p: Parsed): [string, string][] {
  return p.diagnostics.map((d) => [formatCode(d.code), underlined(p.text, d)]);
}

/** Renders the diagnostics of `p` like the CLI does (without colour). */
export function render(p: Parsed): string {
  return renderDiagnostics(p.diagnostics, { getText: () => p.text });
}

/** A clause in one compact canonical spelling, e.g. `reduction(+:s,t)`, `schedule(monotonic:dynamic,4)`. */
export function clauseText(c: Clause): string {
  switch (c.kind) {
    case "schedule":
      return `schedule(${c.modifier ? `${c.modifier}:` : ""}${c.schedule}${c.chunk ? `,${c.chunk.text}` : ""})`;
    case "num_threads":
    case "if":
    case "filter":
      return `${c.kind}(${c.value.text})`;
    case "private":
    case "firstprivate":
    case "shared":
      return `${c.kind}(${c.variables.map((v) => v.name).join(",")})`;
    case "lastprivate":
      return `lastprivate(${c.conditional ? "conditional:" : ""}${c.variables.map((v) => v.name).join(",")})`;
    case "reduction":
      return `reduction(${c.operator}:${c.variables.map((v) => v.name + (v.section ? `[${v.section.lower?.text ?? ""}:${v.section.length?.text ?? ""}]` : "")).join(",")})`;
    case "default":
      return `default(${c.value})`;
    case "collapse":
      return `collapse(${c.depth})`;
    case "ordered":
    case "nowait":
      return c.kind;
    case "proc_bind":
      return `proc_bind(${c.value})`;
    case "simd-hint":
      return c.name;
    case "hint":
      return "hint";
    case "atomic-form":
      return c.form;
    case "memory-order":
      return c.order;
  }
}

const OPEN = "«";
const CLOSE = "»";

/**
 * Where a diagnostic is expected in `loop(directive)`. Either the directive marks the span with
 * `«…»` (which may be empty: `«»`), or `text` names the underlined text, which must then occur
 * exactly once inside the comment so that the position is not ambiguous.
 */
function expectedSpan(directive: string, text: string | undefined): { directive: string; start: number; length: number } {
  const open = directive.indexOf(OPEN);
  const prefix = "// @omp ".length;
  if (open >= 0) {
    const close = directive.indexOf(CLOSE);
    const plain = directive.replace(OPEN, "").replace(CLOSE, "");
    return { directive: plain, start: prefix + open, length: close - open - 1 };
  }
  if (text === undefined) throw new Error("expectError: give the underlined text or mark it with «…»");
  const comment = `// @omp ${directive}`;
  const first = comment.indexOf(text);
  if (first < 0 || comment.indexOf(text, first + 1) >= 0) {
    throw new Error(`expectError: '${text}' must occur exactly once in '${comment}'; mark the span with «…» instead`);
  }
  return { directive, start: first, length: text.length };
}

type Expectation = { code: string; text?: string; message?: string | RegExp };

function checkOne(directive: string, category: Diagnostic["category"], e: Expectation): Parsed {
  const span = expectedSpan(directive, e.text);
  const p = parse(loop(span.directive));
  const got = summarize(p);
  const want: [string, string] = [e.code, p.text.slice(span.start, span.start + span.length)];
  expect(got, render(p)).toEqual([want]);
  const d = p.diagnostics[0]!;
  expect({ start: d.start, length: d.length, category: d.category, file: d.file }, render(p)).toEqual({
    start: span.start,
    length: span.length,
    category,
    file: FILE,
  });
  if (typeof e.message === "string") expect(d.message).toContain(e.message);
  else if (e.message) expect(d.message).toMatch(e.message);
  return p;
}

/**
 * `parallel for <clauses>` above a loop reports exactly one diagnostic, an error with `code`,
 * underlining exactly `text` (or the «marked» span) inside the comment. (That no directive comes
 * back after an error is checked once, in its own table in clauses.test.ts, so that one cause
 * does not fail every case here.)
 */
export function expectError(directive: string, code: string, text?: string, message?: string | RegExp): Parsed {
  return checkOne(directive, "error", { code, ...(text !== undefined ? { text } : {}), ...(message ? { message } : {}) });
}

/** Like expectError for a warning or note: the directive still comes back, with `clauses`. */
export function expectWarning(
  directive: string,
  category: "warning" | "note",
  code: string,
  text: string | undefined,
  clauses: readonly string[],
  message?: string | RegExp,
): Parsed {
  const p = checkOne(directive, category, { code, ...(text !== undefined ? { text } : {}), ...(message ? { message } : {}) });
  expect(p.directives).toHaveLength(1);
  expect(p.directives[0]!.clauses.map(clauseText)).toEqual(clauses);
  return p;
}

/**
 * `parallel for <clauses>` (the directive as written after `@omp`) parses without any diagnostic
 * into exactly `clauses`, in compact canonical spelling (see `clauseText`).
 */
export function expectClauses(directive: string, clauses: readonly string[]): Directive {
  const p = parse(loop(directive));
  expect(summarize(p), render(p)).toEqual([]);
  expect(p.directives).toHaveLength(1);
  const d = p.directives[0]!;
  expect(d.clauses.map(clauseText)).toEqual(clauses);
  // Every clause's spans lie inside the comment and start at its name.
  const comment = p.comments[0]!;
  for (const c of d.clauses) {
    expect(c.span.start).toBeGreaterThanOrEqual(comment.pos);
    expect(c.span.start + c.span.length).toBeLessThanOrEqual(comment.end);
    expect(c.nameSpan.start).toBe(c.span.start);
    expect(underlined(p.text, c.span).startsWith(underlined(p.text, c.nameSpan))).toBe(true);
  }
  return d;
}

/** `loop(directive)` reports exactly these `[code, underlined text]` pairs, in order. */
export function expectDiagnostics(directive: string, expected: readonly [string, string][]): Parsed {
  const p = parse(loop(directive));
  expect(summarize(p), render(p)).toEqual(expected);
  const comment = p.comments[0];
  for (const d of p.diagnostics) {
    expect(comment, "diagnostics about clauses lie inside the comment").toBeDefined();
    expect(d.start).toBeGreaterThanOrEqual(comment!.pos);
    expect(d.start + d.length).toBeLessThanOrEqual(comment!.end);
  }
  return p;
}

/** The kind of the statement each directive came back with, e.g. `ForStatement`. */
export function statementKinds(p: Parsed): string[] {
  return p.directives.map((d) => (d.statement ? ts.SyntaxKind[d.statement.kind] : "none"));
}

/** A canonical loop, for sources written out in full. */
export const FOR = "for (let i = 0; i < n; i++) {}";

/** `text` parses without any diagnostic into directives applying to statements of these kinds. */
export function expectAppliesTo(text: string, kinds: readonly string[]): Parsed {
  const p = parse(text);
  expect(summarize(p), render(p)).toEqual([]);
  expect(statementKinds(p)).toEqual(kinds);
  return p;
}

/** `text` holds no directive at all: nothing found, nothing reported. */
export function expectNoDirective(text: string): Parsed {
  const p = parse(text);
  expect(summarize(p), render(p)).toEqual([]);
  expect(p.comments).toEqual([]);
  expect(p.directives).toEqual([]);
  return p;
}

/** `text` reports exactly these `[code, underlined text]` pairs, in order, and no directive comes back. */
export function expectReports(text: string, expected: readonly [string, string][]): Parsed {
  const p = parse(text);
  expect(summarize(p), render(p)).toEqual(expected);
  expect(p.directives, "no directive comes back after an error").toEqual([]);
  return p;
}
