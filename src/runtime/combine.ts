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

/** Operators that combine plain numbers, by code (see `numericOperator` and `combineNumbers`). */
const NUMERIC_OPERATORS = ["+", "-", "*", "&", "|", "^", "max", "min"] as const;

/** The code of a reduction output's operator when it combines numbers (type `number`), or −1. */
export function numericOperator(output: OutputInfo): number {
  if (!("reduce" in output) || output.type !== "number") return -1;
  return NUMERIC_OPERATORS.indexOf(output.reduce as (typeof NUMERIC_OPERATORS)[number]);
}

/**
 * `a op b` for a numeric operator code, on doubles: inlined into the join, so that combining the
 * threads' partial results boxes no number (a call through a combiner closure would).
 */
export function combineNumbers(op: number, a: number, b: number): number {
  switch (op) {
    case 0: case 1: return a + b;
    case 2: return a * b;
    case 3: return a & b;
    case 4: return a | b;
    case 5: return a ^ b;
    case 6: return Math.max(a, b);
    default: return Math.min(a, b);
  }
}
