import type { OutputInfo } from "./abi.js";

/** Combines two partial results of a reduction. */
export type Combiner = (a: unknown, b: unknown) => unknown;

/** The combiner of a reduction output (SPEC §4): `-` combines by addition; bigint max/min compare. */
export function combinerOf(output: OutputInfo): Combiner | undefined {
  if (!("reduce" in output)) return undefined;
  const big = output.type === "bigint";
  switch (output.reduce) {
    case "+": case "-": return (a, b) => (a as number) + (b as number);
    case "*": return (a, b) => (a as number) * (b as number);
    case "&": return (a, b) => (a as number) & (b as number);
    case "|": return (a, b) => (a as number) | (b as number);
    case "^": return (a, b) => (a as number) ^ (b as number);
    case "&&": return (a, b) => a && b;
    case "||": return (a, b) => a || b;
    case "max": return big ? (a, b) => ((a as bigint) > (b as bigint) ? a : b) : (a, b) => Math.max(a as number, b as number);
    case "min": return big ? (a, b) => ((a as bigint) < (b as bigint) ? a : b) : (a, b) => Math.min(a as number, b as number);
  }
}
