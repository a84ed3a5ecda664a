import type MagicString from "magic-string";

/** Output text in order: generated strings, and snips of the original file that keep their source mapping. */
export type Piece = string | MagicString;

/** Collects pieces, merging adjacent strings. */
export class Pieces {
  readonly items: Piece[] = [];

  /** Appends generated text. */
  text(s: string): this {
    const last = this.items[this.items.length - 1];
    if (typeof last === "string") this.items[this.items.length - 1] = last + s;
    else this.items.push(s);
    return this;
  }

  /** Appends a snip of the original file. */
  snip(ms: MagicString): this {
    this.items.push(ms);
    return this;
  }

  /** Appends all pieces of another collection. */
  add(other: Pieces): this {
    for (const p of other.items) if (typeof p === "string") this.text(p);
    else this.snip(p);
    return this;
  }
}
