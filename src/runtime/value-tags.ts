import type { FailurePlace } from "./failure.js";
import type { WorkerSource } from "./modules.js";

/** How each value travels from thread 0 to the workers when a region starts (see values-writer.ts). */
export const TAG = {
  number: 1,
  boolean: 2,
  undefined: 3,
  null: 4,
  /** A typed array or DataView on a SharedArrayBuffer: buffer id, element type, byte offset, length. */
  view: 5,
  /** A SharedArrayBuffer: its id. */
  buffer: 6,
  /** Anything else: sent as a message (structured clone), in order. */
  message: 7,
} as const;

/** Float64 words per value in the values area. */
export const STRIDE = 4;

/** The element types a shared view can have, by code. */
export const VIEW_TYPES = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
] as const;

const CODES = new Map<unknown, number>(VIEW_TYPES.map((T, code) => [T, code]));

/** The code of a view's type in VIEW_TYPES, or -1. */
export function viewTypeCode(view: ArrayBufferView): number {
  return CODES.get(view.constructor) ?? -1;
}

/** Length of a view in its own units (elements, or bytes for a DataView). */
export function viewLength(view: ArrayBufferView): number {
  return view instanceof DataView ? view.byteLength : (view as unknown as { length: number }).length;
}

/** Messages thread 0 posts to a worker's port before ringing its doorbell. */
export type ToWorker =
  | { readonly t: "buffer"; readonly id: number; readonly sab: SharedArrayBuffer }
  | { readonly t: "release"; readonly ids: readonly number[] }
  | { readonly t: "areas"; readonly values: SharedArrayBuffer; readonly results: SharedArrayBuffer; readonly slots: number }
  | { readonly t: "module"; readonly id: number; readonly source: WorkerSource }
  | { readonly t: "values"; readonly values: readonly unknown[] };

/** Messages a worker posts back after a region, when numbers in shared memory do not say enough. */
export type FromWorker =
  | { readonly t: "outputs"; readonly values: readonly unknown[] }
  | ({ readonly t: "error"; readonly error: unknown } & FailurePlace)
  /** A worker's last words: what made it exit (a module it could not load, say). */
  | { readonly t: "fatal"; readonly error: unknown };
