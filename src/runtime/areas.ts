import { MAX_WORKERS } from "./control.js";
import { STRIDE } from "./value-tags.js";

/**
 * The two growable shared areas of a pool: values thread 0 hands to the workers when a region
 * starts (a tag and STRIDE float64 words each), and outputs the workers hand back (per worker
 * and output slot: a tag, a value and the position of a lastprivate assignment).
 */
export interface Areas {
  readonly values: SharedArrayBuffer;
  readonly results: SharedArrayBuffer;
  /** Output slots per worker in the results area. */
  readonly slots: number;
}

/** Typed views of the areas. */
export interface AreaViews {
  readonly valueTags: Int32Array;
  readonly valueData: Float64Array;
  readonly resultTags: Int32Array;
  readonly resultData: Float64Array;
  readonly slots: number;
}

/** Bytes of a values area for `capacity` values: the tags, padded to 8 bytes, then the data. */
const valueBytes = (capacity: number) => align8(capacity * 4) + capacity * STRIDE * 8;
/** Bytes of a results area for `slots` outputs per thread. */
const resultBytes = (slots: number) => align8((MAX_WORKERS + 1) * slots * 4) + (MAX_WORKERS + 1) * slots * 16;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The capacity in values of a values area. */
export function valueCapacity(areas: Areas): number {
  let c = Math.floor(areas.values.byteLength / (4 + 8 * STRIDE));
  while (valueBytes(c) > areas.values.byteLength) c--;
  return c;
}

/** Allocates areas for at least `values` values and `slots` outputs per worker. */
export function allocateAreas(values: number, slots: number): Areas {
  const v = Math.max(16, values);
  const s = Math.max(4, slots);
  return { values: new SharedArrayBuffer(valueBytes(v)), results: new SharedArrayBuffer(resultBytes(s)), slots: s };
}

/** Wraps areas in typed views. */
export function areaViews(areas: Areas): AreaViews {
  const capacity = valueCapacity(areas);
  const resultCount = (MAX_WORKERS + 1) * areas.slots;
  return {
    valueTags: new Int32Array(areas.values, 0, capacity),
    valueData: new Float64Array(areas.values, align8(capacity * 4), capacity * STRIDE),
    resultTags: new Int32Array(areas.results, 0, resultCount),
    resultData: new Float64Array(areas.results, align8(resultCount * 4), resultCount * 2),
    slots: areas.slots,
  };
}

/** Result tags: how a worker left one output. */
export const RESULT = { unset: 0, number: 1, boolean: 2, message: 3, undefined: 4, null: 5 } as const;

/** Index of worker `w`'s output `slot` in the result arrays (tags; data uses twice this plus 0 or 1). */
export function resultIndex(views: AreaViews, w: number, slot: number): number {
  return w * views.slots + slot;
}
