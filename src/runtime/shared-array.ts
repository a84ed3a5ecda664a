/** A typed array constructor that can be given a length or a buffer (all of them can). */
type TypedArrayConstructor<T> = { new (length: number): T; new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

/**
 * `new T(length)`, allocated on a SharedArrayBuffer so that parallel regions share it without a
 * copy. The compiler writes this in place of `new Float64Array(n)` where the array can reach a
 * parallel loop. A length the constructor would reject goes to the constructor, which throws as before.
 */
export function sharedArray<T>(ctor: TypedArrayConstructor<T>, length: number): T {
  const n = typeof length === "number" ? Math.trunc(length) || 0 : -1;
  if (!(n >= 0 && n * ctor.BYTES_PER_ELEMENT <= Number.MAX_SAFE_INTEGER)) return new ctor(length);
  return new ctor(new SharedArrayBuffer(n * ctor.BYTES_PER_ELEMENT));
}
