import type { DirectiveName } from "./ast.js";

/** How tsomp treats a known OpenMP directive name: compiled, accepted with no effect, or reported. */
export type DirectiveStatus = "compiled" | "accepted" | "not-yet" | "not-in-v1";

/** Every directive name tsomp recognises, longest first within a first word, with its status. */
const KNOWN: ReadonlyArray<readonly [string, DirectiveStatus]> = [
  ["parallel for simd", "compiled"],
  ["parallel for", "compiled"],
  ["parallel sections", "not-in-v1"],
  ["parallel loop", "not-in-v1"],
  ["parallel workshare", "not-in-v1"],
  ["parallel masked", "not-yet"],
  ["parallel master", "not-yet"],
  ["parallel", "compiled"],
  ["for simd", "compiled"],
  ["for", "compiled"],
  ["simd", "accepted"],
  ["critical", "compiled"],
  ["atomic", "compiled"],
  ["barrier", "compiled"],
  ["single", "compiled"],
  ["masked", "compiled"],
  ["master", "compiled"],
  ["ordered", "compiled"],
  ["assume independent", "accepted"],
  ["cancellation point", "not-in-v1"],
  ...[
    "task", "taskloop", "taskwait", "taskyield", "taskgroup", "sections", "section", "target", "teams",
    "distribute", "threadprivate", "cancel", "flush", "declare", "requires", "metadirective", "depobj",
    "scan", "scope", "loop", "tile", "unroll", "allocate", "interop", "dispatch", "error", "nothing",
    "workshare", "assume", "assumes",
  ].map((name) => [name, "not-in-v1"] as const),
];

/** The first words of all known directives, for "did you mean" suggestions. */
export const DIRECTIVE_FIRST_WORDS: readonly string[] = [...new Set(KNOWN.map(([name]) => name.split(" ")[0]!))];

/** The result of matching the words at the start of a directive against the known names. */
export interface DirectiveMatch {
  readonly name: string;
  readonly status: DirectiveStatus;
  /** How many of the given words the name uses. */
  readonly wordCount: number;
}

/** Finds the longest known directive name that the given leading words spell, if any. */
export function matchDirectiveName(words: readonly string[]): DirectiveMatch | undefined {
  for (const [name, status] of KNOWN) {
    const parts = name.split(" ");
    if (parts.every((p, i) => words[i] === p)) return { name, status, wordCount: parts.length };
  }
  return undefined;
}

/** True for directives that are checked and then have no effect (`simd`: JavaScript has no vector loops to ask for). */
export function isAccepted(name: string): boolean {
  return KNOWN.some(([n, s]) => n === name && s === "accepted");
}

/** The words that can follow `prefix` in a known directive name (`parallel` → for, sections, …). */
export function continuations(prefix: string): string[] {
  return [...new Set(KNOWN.filter(([n]) => n.startsWith(`${prefix} `)).map(([n]) => n.slice(prefix.length + 1).split(" ")[0]!))];
}

/** Narrows a matched name to the directives tsomp compiles. */
export function isCompiled(name: string): name is DirectiveName {
  return KNOWN.some(([n, s]) => n === name && s === "compiled");
}
