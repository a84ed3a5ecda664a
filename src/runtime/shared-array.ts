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

/**
 * `array` itself when it already lives on a SharedArrayBuffer, otherwise a copy of it on one (same
 * type and contents). The compiler wraps expressions that make typed arrays reaching a parallel
 * loop in this (`Float64Array.from(…)`, `a.map(…)`, `new Float64Array([…])`).
 */
export function shared<T extends ArrayBufferView>(array: T): T {
  if (!ArrayBuffer.isView(array) || array.buffer instanceof SharedArrayBuffer) return array;
  const View = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new View(new SharedArrayBuffer(array.byteLength));
  new Uint8Array(copy.buffer).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return copy;
}
