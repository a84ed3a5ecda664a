import ts from "../typescript.cjs";
import type { DirectiveComment } from "../1-scan/directive-comment.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Clause, Directive } from "./ast.js";
import {
  ATOMIC_CLAUSES, CRITICAL_CLAUSES, FOR_CLAUSES, LOOP_CLAUSES, MASKED_CLAUSES, PARALLEL_CLAUSES, SIMD_CLAUSES, SIMD_ONLY_CLAUSES, SINGLE_CLAUSES, type ClauseContext, type ClauseParser,
} from "./clauses.js";
import { DirectiveCursor, type Word } from "./cursor.js";
import { continuations, DIRECTIVE_FIRST_WORDS, isAccepted, isCompiled, matchDirectiveName } from "./directive-names.js";
import { suggest } from "./suggest.js";
import { validateClauses } from "./validate-clauses.js";

/** The directives tsomp will compile, and every problem found in the directive comments. */
export interface ParseResult {
  readonly directives: readonly Directive[];
  /** Offsets of `@omp` in valid directives that have no effect (`simd`), which the output renames too. */
  readonly accepted: readonly number[];
  /** The statements under `// @omp assume independent`: the race check does not warn about them. */
  readonly assumed: readonly ts.Statement[];
  /** The loops under a `simd` directive (accepted; their dependences are still worth a warning). */
  readonly simdLoops: readonly ts.Statement[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses each directive comment: its name, then its clauses. Unknown and unsupported directives,
 * malformed clauses and directives that stand before the wrong statement are reported; only
 * well-formed directives on a `for` loop come back.
 */
export function parseDirectives(comments: readonly DirectiveComment[], file: string): ParseResult {
  const directives: Directive[] = [];
  const accepted: number[] = [];
  const assumed: ts.Statement[] = [];
  const simdLoops: ts.Statement[] = [];
  const diagnostics: Diagnostic[] = [];
  const firstOnStatement = new Map<ts.Statement, string>();
  // Statements that a directive other than `barrier` applies to: a barrier may stand above them.
  const directed = new Set(comments.filter((c) => !/@omp\s+barrier\b/.test(c.text)).map((c) => c.statement));
  for (const comment of comments) {
    const report = (d: Diagnostic) => diagnostics.push(d);
    const at = comment.text.indexOf("@omp");
    const cursor = new DirectiveCursor(comment.text, comment.pos, file, at + 4);
    const name = readName(cursor, report, cursor.span(at, at + 4));
    if (!name) continue;
    // `barrier` applies to no statement, and `assume independent` may stand above another directive's.
    if (comment.statement && name.text !== "barrier" && name.text !== "assume independent") {
      const first = firstOnStatement.get(comment.statement);
      if (first) {
        report(createDiagnostic("StackedDirective", { first }, cursor.span(at, trimmedEnd(comment.text))));
        continue;
      }
      firstOnStatement.set(comment.statement, name.text);
    }
    if (!isCompiled(name.text) && !isAccepted(name.text)) continue;
    const before = diagnostics.length;
    const argument = name.text === "critical" ? readCriticalName(cursor, report) : undefined;
    if (argument === null) continue;
    const clauses = readClauses(cursor, name.text, report);
    validateClauses(clauses, name.text, report);
    const directive: Directive = {
      name: name.text as Directive["name"],
      span: cursor.span(at, trimmedEnd(comment.text)),
      nameSpan: name.span,
      clauses,
      ...(argument ? { argument } : {}),
      source: comment.text.slice(at + 4).replace(/\s+/g, " ").trim(),
      statement: comment.statement,
      comment: { pos: comment.pos, end: comment.end },
    };
    if (!checkPlacement(directive, directed, report) || diagnostics.slice(before).some((d) => d.category === "error")) continue;
    if (name.text === "assume independent") assumed.push(directive.statement!);
    if (name.text === "simd" && directive.statement) simdLoops.push(directive.statement);
    if (isAccepted(name.text)) accepted.push(comment.pos + at);
    else directives.push(directive);
  }
  return { directives, accepted, assumed, simdLoops, diagnostics };
}

const trimmedEnd = (text: string) => text.replace(/\s+$/, "").length;

/** Reads the directive's name words; reports unknown and unsupported names and returns undefined for them. */
function readName(cursor: DirectiveCursor, report: (d: Diagnostic) => void, ompSpan: Word["span"]): Word | undefined {
  const start = cursor.position;
  const words: Word[] = [];
  for (let w = cursor.word(); w && words.length < 3; w = cursor.peek() === "(" ? undefined : cursor.word()) words.push(w);
  if (words.length === 0) {
    report(createDiagnostic("EmptyDirective", undefined, ompSpan));
    return undefined;
  }
  const match = matchDirectiveName(words.map((w) => w.text));
  if (!match) {
    const first = words[0]!;
    report(createDiagnostic("UnknownDirective", { name: first.text, suggestion: suggest(first.text, DIRECTIVE_FIRST_WORDS) }, first.span));
    return undefined;
  }
  const last = words[match.wordCount - 1]!;
  const span = { ...words[0]!.span, length: last.span.start + last.span.length - words[0]!.span.start };
  cursor.seek(start);
  for (let i = 0; i < match.wordCount; i++) cursor.word();
  if (misspeltContinuation(cursor, match.name, words[0]!.span, report)) return undefined;
  if (match.status === "not-yet") report(createDiagnostic("DirectiveNotSupportedYet", { name: match.name }, span));
  if (match.status === "not-in-v1") report(createDiagnostic("DirectiveNotInV1", { name: match.name }, span));
  return { text: match.name, span };
}

/**
 * `parallel fro` and `parallel-for` are typos of `parallel for`, not uses of `parallel`: when the
 * word after a matched name is close to a word that can follow it (and is no clause), report the
 * typo with the full name as the suggestion.
 */
function misspeltContinuation(cursor: DirectiveCursor, name: string, start: Word["span"], report: (d: Diagnostic) => void): boolean {
  const at = cursor.position;
  const joined = /^[-_]/.test(cursor.text.slice(at));
  if (joined) cursor.seek(at + 1);
  const next = cursor.word();
  cursor.seek(at);
  if (!next || (!joined && next.text in (CLAUSES[name] ?? LOOP_CLAUSES))) return false;
  const fit = suggest(next.text, continuations(name));
  if (!fit) return false;
  const span = { ...start, length: next.span.start + next.span.length - start.start };
  report(createDiagnostic("UnknownDirective", { name: cursor.text.slice(start.start - cursor.base, next.span.start + next.span.length - cursor.base), suggestion: `${name} ${fit}` }, span));
  return true;
}

/** The clauses each directive that tsomp compiles or accepts takes, by its name. */
const CLAUSES: Readonly<Record<string, Readonly<Record<string, ClauseParser>>>> = {
  "parallel for": LOOP_CLAUSES,
  "parallel for simd": { ...LOOP_CLAUSES, ...SIMD_CLAUSES },
  parallel: PARALLEL_CLAUSES,
  for: FOR_CLAUSES,
  "for simd": { ...FOR_CLAUSES, ...SIMD_CLAUSES },
  barrier: {},
  single: SINGLE_CLAUSES,
  masked: MASKED_CLAUSES,
  master: {},
  "assume independent": {},
  simd: SIMD_ONLY_CLAUSES,
  critical: CRITICAL_CLAUSES,
  atomic: ATOMIC_CLAUSES,
  ordered: {},
};

/** Reads clauses until the end of the directive, skipping optional commas between them. */
function readClauses(cursor: DirectiveCursor, directive: string, report: (d: Diagnostic) => void): Clause[] {
  const table = CLAUSES[directive]!;
  const ctx: ClauseContext = { directive, report };
  const clauses: Clause[] = [];
  while (!cursor.atEnd()) {
    cursor.eat(",");
    const name = cursor.word();
    if (!name) {
      const next = cursor.describeNext();
      report(createDiagnostic("Expected", { expected: "a clause name", found: next.text }, next.span));
      return clauses;
    }
    const parse = table[name.text];
    if (!parse) {
      report(createDiagnostic("UnknownClause", { name: name.text, directive, suggestion: suggest(name.text, Object.keys(table)) }, name.span));
      if (cursor.eat("(")) {
        do cursor.expression(true);
        while (cursor.eat(",") || cursor.eat(":"));
        cursor.eat(")");
      }
      continue;
    }
    const clause = parse(cursor, name, ctx);
    if (!clause) return clauses;
    clauses.push(clause);
  }
  return clauses;
}

/** `critical(name)`: the name, undefined when there is none, null after reporting a malformed one. */
function readCriticalName(cursor: DirectiveCursor, report: (d: Diagnostic) => void): Directive["argument"] | null | undefined {
  if (!cursor.eat("(")) return undefined;
  const name = cursor.word();
  if (!name || !/^[A-Za-z_$][\w$]*$/.test(name.text)) {
    const next = name ?? cursor.describeNext();
    report(createDiagnostic("Expected", { expected: "the name of the critical section", found: name ? `'${name.text}'` : next.text }, next.span));
    return null;
  }
  if (!cursor.eat(")")) {
    const next = cursor.describeNext();
    report(createDiagnostic("Expected", { expected: "')'", found: next.text }, next.span));
    return null;
  }
  return { text: name.text, span: name.span };
}

/**
 * A loop directive must stand before a `for (…; …; …)` statement (labels allowed in between);
 * `critical` and `ordered` before a statement that declares nothing (its body becomes a block of
 * its own); `atomic` before an expression statement.
 */
function checkPlacement(directive: Directive, directed: ReadonlySet<ts.Statement | undefined>, report: (d: Diagnostic) => void): boolean {
  let statement = directive.statement;
  const span = { file: directive.span.file, start: directive.comment.pos, length: directive.comment.end - directive.comment.pos };
  if (directive.name === "barrier") {
    if (statement && !isInStatementList(statement)) {
      report(createDiagnostic("BarrierNotInList", undefined, span));
      return false;
    }
    if (!statement || !ts.isBlock(statement) || directed.has(statement)) return true;
    report(createDiagnostic("BarrierAboveBlock", undefined, span));
    return false;
  }
  while (statement && ts.isLabeledStatement(statement)) statement = statement.statement;
  if (!statement) {
    report(createDiagnostic("DirectiveAppliesToNothing", { directive: directive.name }, span));
    return false;
  }
  if ((directive.name as string) === "assume independent") return true;
  if (directive.name === "atomic") {
    if (ts.isExpressionStatement(statement) || ts.isBlock(statement)) return true;
    report(createDiagnostic("AtomicNeedsExpression", { found: describeStatement(statement) }, span));
    return false;
  }
  if (directive.name === "parallel" || directive.name === "single" || directive.name === "masked" || directive.name === "master") {
    if (ts.isBlock(statement)) return true;
    report(createDiagnostic("DirectiveNeedsBlock", { directive: directive.name, found: describeStatement(statement) }, span));
    return false;
  }
  if (directive.name === "critical" || directive.name === "ordered") {
    if (!declares(statement)) return true;
    report(createDiagnostic("DirectiveNeedsStatement", { directive: directive.name, found: describeStatement(statement) }, span));
    return false;
  }
  if (!ts.isForStatement(statement)) {
    report(createDiagnostic("DirectiveNeedsForLoop", { directive: directive.name, found: describeStatement(statement) }, span));
    return false;
  }
  return true;
}

/** True when a statement stands in a list of statements (a block, a case, a file), not as the body of an `if` or a loop. */
export function isInStatementList(statement: ts.Statement): boolean {
  const p = statement.parent;
  return ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isModuleBlock(p);
}

/** True for a statement that declares a name in the scope around it, which a block around it would hide. */
function declares(node: ts.Statement): boolean {
  return ts.isVariableStatement(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node);
}

/** A short description of a statement for messages: "a 'while' loop", "a block". */
function describeStatement(node: ts.Statement): string {
  if (ts.isForOfStatement(node)) return "a 'for…of' loop";
  if (ts.isForInStatement(node)) return "a 'for…in' loop";
  if (ts.isWhileStatement(node)) return "a 'while' loop";
  if (ts.isDoStatement(node)) return "a 'do…while' loop";
  if (ts.isBlock(node)) return "a block";
  if (ts.isFunctionDeclaration(node)) return "a function declaration";
  if (ts.isVariableStatement(node)) return "a variable declaration";
  if (ts.isIfStatement(node)) return "an 'if' statement";
  return "this statement";
}
