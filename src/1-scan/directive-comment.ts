import type ts from "typescript";

/**
 * One `@omp` directive as written: one block comment, or one line comment plus the `//` lines that
 * its trailing `\` continues onto. `text` has the same length as the source it covers
 * (`source.slice(pos, end)`), with comment markers and continuation backslashes blanked out, so
 * that an offset into `text` plus `pos` is an offset into the file.
 */
export interface DirectiveComment {
  readonly kind: "line" | "block";
  /** Offset of the first comment's `//` or `/*`. */
  readonly pos: number;
  /** Offset just past the last comment. */
  readonly end: number;
  /** The covered source with markers blanked; `text.indexOf("@omp")` is where the directive starts. */
  readonly text: string;
  /** The statement the directive applies to, or undefined when it applies to nothing. */
  readonly statement: ts.Statement | undefined;
}
