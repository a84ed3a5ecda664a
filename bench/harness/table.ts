/** Prints rows as an aligned table: the first row is the header, the first column is left-aligned. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd());
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

/** Milliseconds with one decimal. */
export const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** Microseconds with two decimals. */
export const us = (x: number): string => `${x.toFixed(2)} µs`;

/** A ratio with two decimals. */
export const times = (x: number): string => `${x.toFixed(2)}×`;
