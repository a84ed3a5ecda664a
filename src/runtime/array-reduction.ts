import type { ReductionOperator } from "./abi.js";
import { ompError } from "./errors.js";

/** A typed array of any element type, as a reduction sees it: indexed values, numbers or bigints. */
export type ReducedArray = { [index: number]: number | bigint; readonly length: number } & ArrayBufferView;

/** One thread's private copy of a reduced array, and the section of the original it stands for. */
export interface ArrayCopy {
  original: ReducedArray;
  copy: ReducedArray;
  lower: number;
  length: number;
}

const NUMBER_IDENTITY: Record<ReductionOperator, number | undefined> = { "+": 0, "-": 0, "*": 1, "&": -1, "|": 0, "^": 0, "&&": 1, "||": 0, max: -Infinity, min: Infinity };
const BIGINT_IDENTITY: Record<ReductionOperator, bigint | undefined> = { "+": 0n, "-": 0n, "*": 1n, "&": -1n, "|": 0n, "^": 0n, "&&": undefined, "||": undefined, max: undefined, min: undefined };
/** The least and greatest element of integer arrays: the identities of max and min there (±Infinity would store as 0). */
const INTEGER_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  Int8Array: [-128, 127], Uint8Array: [0, 255], Uint8ClampedArray: [0, 255], Int16Array: [-32768, 32767],
  Uint16Array: [0, 65535], Int32Array: [-2147483648, 2147483647], Uint32Array: [0, 4294967295],
};

/**
 * Makes (or reuses, when `reuse` has the same type and length) a thread's private copy of a
 * reduced typed array, its section [lower, lower + length) at the operator's identity (for max and
 * min on integer arrays, the element type's least or greatest value); a bigint array under max or
 * min, which have no identity, starts from the original's values. The section
 * must lie inside the array (OMP4015 otherwise).
 */
export function privateCopy(at: string, name: string, op: ReductionOperator, original: ReducedArray, lower: number, length: number, reuse: ReducedArray | undefined): ReducedArray {
  if (!(Number.isSafeInteger(lower) && Number.isSafeInteger(length) && lower >= 0 && length >= 0 && lower + length <= original.length)) {
    throw ompError("SectionOutOfBounds", { at, section: `${name}[${lower}:${length}]`, length: original.length });
  }
  // A clamped array's copy would clamp negative partial sums to 0: partial results go in doubles instead.
  const ctor = (original instanceof Uint8ClampedArray ? Float64Array : original.constructor) as new (n: number) => ReducedArray;
  const copy = reuse && reuse.constructor === ctor && reuse.length === original.length ? reuse : new ctor(original.length);
  const big = original instanceof BigInt64Array || original instanceof BigUint64Array;
  const range = INTEGER_RANGE[ctor.name];
  const identity = big ? BIGINT_IDENTITY[op] : range && op === "max" ? range[0] : range && op === "min" ? range[1] : NUMBER_IDENTITY[op];
  for (let k = lower; k < lower + length; k++) copy[k] = identity ?? original[k]!;
  return copy;
}

/** Combines a private copy into its original, element by element over the section: `original[k] = original[k] op copy[k]`. */
export function combineInto(op: ReductionOperator, { original, copy, lower, length }: ArrayCopy): void {
  const o = original as unknown as number[];
  const c = copy as unknown as number[];
  const end = lower + length;
  switch (op) {
    case "+": case "-": for (let k = lower; k < end; k++) o[k] += c[k]!; break;
    case "*": for (let k = lower; k < end; k++) o[k] *= c[k]!; break;
    case "&": for (let k = lower; k < end; k++) o[k] &= c[k]!; break;
    case "|": for (let k = lower; k < end; k++) o[k] |= c[k]!; break;
    case "^": for (let k = lower; k < end; k++) o[k] ^= c[k]!; break;
    case "&&": for (let k = lower; k < end; k++) o[k] = o[k]! && c[k]!; break;
    case "||": for (let k = lower; k < end; k++) o[k] = o[k]! || c[k]!; break;
    case "max": for (let k = lower; k < end; k++) if (c[k]! > o[k]! || Number.isNaN(c[k])) o[k] = c[k]!; break;
    case "min": for (let k = lower; k < end; k++) if (c[k]! < o[k]! || Number.isNaN(c[k])) o[k] = c[k]!; break;
  }
}
