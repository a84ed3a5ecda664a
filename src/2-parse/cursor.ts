import type { Span } from "../diagnostics/diagnostic.js";

/** A token of directive text with its span in the file. */
export interface Word {
  readonly text: string;
  readonly span: Span;
}

/**
 * Reads directive text left to right. Offsets into `text` plus `base` are offsets into the file,
 * so every span it makes points at the exact characters inside the comment.
 */
export class DirectiveCursor {
  private index: number;

  constructor(
    readonly text: string,
    readonly base: number,
    readonly file: string,
    start: number,
  ) {
    this.index = start;
  }

  /** The current offset into `text`. */
  get position(): number {
    return this.index;
  }

  /** A span of `text` offsets [from, to) as file offsets. */
  span(from: number, to: number): Span {
    return { file: this.file, start: this.base + from, length: Math.max(0, to - from) };
  }

  /** Moves back (or forward) to a position previously read from `position`. */
  seek(to: number): void {
    this.index = to;
  }

  /** Skips white space (including the newlines of continued lines). */
  skipSpace(): void {
    while (this.index < this.text.length && /\s/.test(this.text[this.index]!)) this.index++;
  }

  /** The next non-space character without consuming it ("" at the end). */
  peek(): string {
    this.skipSpace();
    return this.text[this.index] ?? "";
  }

  /** True at the end of the directive text. */
  atEnd(): boolean {
    return this.peek() === "";
  }

  /** Consumes `s` if the text continues with it (after white space). */
  eat(s: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(s, this.index)) return false;
    this.index += s.length;
    return true;
  }

  /** Reads an identifier (letters, digits, `_`, `$`), or undefined if none starts here. */
  word(): Word | undefined {
    this.skipSpace();
    const m = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.index));
    if (!m) return undefined;
    const from = this.index;
    this.index += m[0].length;
    return { text: m[0], span: this.span(from, this.index) };
  }

  /** Reads the next "thing" for error messages: a word, or one character, or "the end of the directive". */
  describeNext(): Word {
    this.skipSpace();
    const from = this.index;
    const w = /^[A-Za-z_$][\w$]*|^\d+|^./.exec(this.text.slice(from))?.[0];
    if (w) return { text: `'${w}'`, span: this.span(from, from + w.length) };
    const end = this.text.replace(/\s+$/, "").length;
    return { text: "the end of the directive", span: this.span(end, end) };
  }

  /**
   * Reads raw expression text up to a `,`, `:` (when `stopAtColon`) or `)` at bracket depth zero,
   * skipping over strings and template literals. Returns the trimmed text and its span.
   */
  expression(stopAtColon = false): Word {
    this.skipSpace();
    const from = this.index;
    let depth = 0;
    let ternaries = 0;
    while (this.index < this.text.length) {
      const c = this.text[this.index]!;
      if (c === '"' || c === "'" || c === "`") {
        this.skipString(c);
        continue;
      }
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && c === ",") break;
      else if (depth === 0 && c === "?" && this.text[this.index + 1] !== "?" && this.text[this.index + 1] !== ".") ternaries++;
      else if (depth === 0 && c === ":") {
        if (ternaries > 0) ternaries--;
        else if (stopAtColon) break;
      }
      this.index++;
    }
    let to = this.index;
    while (to > from && /\s/.test(this.text[to - 1]!)) to--;
    return { text: this.text.slice(from, to), span: this.span(from, to) };
  }

  private skipString(quote: string): void {
    this.index++;
    while (this.index < this.text.length && this.text[this.index] !== quote) {
      if (this.text[this.index] === "\\") this.index++;
      this.index++;
    }
    this.index++;
  }
}
