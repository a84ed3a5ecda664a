/**
 * What `atomic` constructs compile to: indivisible reads, writes and updates of typed-array
 * elements. Integer arrays use `Atomics` directly where its arithmetic is the language's (adding
 * an integer); any other update is a compare-and-swap loop that computes the new value exactly as
 * `a[i] op= v` would. Float32Array and Float64Array elements are read, written and swapped
 * through an Int32Array or BigInt64Array view of their bits, as is Uint8ClampedArray (which
 * `Atomics` refuses) through a Uint8Array view.
 */

/** The operators of `a[i] op= v` that an atomic update may use. */
export type AtomicOperator = "+" | "-" | "*" | "/" | "%" | "**" | "&" | "|" | "^" | "<<" | ">>" | ">>>";

type IntegerArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;
type BigIntArray = BigInt64Array | BigUint64Array;
type Element = number | bigint;

/** A typed array that an atomic construct may work on. */
export type AtomicArray = IntegerArray | BigIntArray | Uint8ClampedArray | Float32Array | Float64Array;

/** The type of an element of `A`: bigint for the BigInt arrays, number for the others. */
export type AtomicElement<A extends AtomicArray> = A extends BigIntArray ? bigint : number;

/** Views of the bits of float and clamped arrays, made once per array. */
const bitViews = new WeakMap<AtomicArray, Int32Array | BigInt64Array | Uint8Array>();

/** One element of each kind, to give a computed value the element type's conversion. */
const scratch = new ArrayBuffer(8);
const f64 = new Float64Array(scratch);
const f32 = new Float32Array(scratch);
const i32 = new Int32Array(scratch);
const b64 = new BigInt64Array(scratch);

/** `a[i]`, read indivisibly. */
export function atomicLoad<A extends AtomicArray>(a: A, i: number): AtomicElement<A>;
export function atomicLoad(a: AtomicArray, i: number): Element {
  if (viaBits(a)) return fromBits(a, Atomics.load(bits(a) as Int32Array, i));
  return Atomics.load(a as Int32Array, i);
}

/** `a[i] = v`, written indivisibly. */
export function atomicStore<A extends AtomicArray>(a: A, i: number, v: AtomicElement<A>): void;
export function atomicStore(a: AtomicArray, i: number, v: Element): void {
  if (viaBits(a)) Atomics.store(bits(a) as Int32Array, i, toBits(a, converted(a, v) as number) as number);
  else Atomics.store(a as Int32Array, i, v as number);
}

/** `a[i] op= v` done indivisibly; returns what the expression `a[i] op= v` does: `a[i] op v`, before the element type's conversion. */
export function atomicUpdate<A extends AtomicArray>(a: A, i: number, op: AtomicOperator, v: AtomicElement<A>): AtomicElement<A>;
export function atomicUpdate(a: AtomicArray, i: number, op: AtomicOperator, v: Element): Element {
  return update(a, i, op, v, false);
}

/** `a[i] op= v` done indivisibly; returns the value before (for `x++` and `x--` in `atomic capture`). */
export function atomicFetch<A extends AtomicArray>(a: A, i: number, op: AtomicOperator, v: AtomicElement<A>): AtomicElement<A>;
export function atomicFetch(a: AtomicArray, i: number, op: AtomicOperator, v: Element): Element {
  return update(a, i, op, v, true);
}

/** True for the arrays `Atomics` cannot work on directly: the float arrays and Uint8ClampedArray. */
function viaBits(a: AtomicArray): a is Float64Array | Float32Array | Uint8ClampedArray {
  return a instanceof Float64Array || a instanceof Float32Array || a instanceof Uint8ClampedArray;
}

function update(a: AtomicArray, i: number, op: AtomicOperator, v: Element, old: boolean): Element {
  if (viaBits(a)) return swapBits(a, i, op, v, old);
  const direct = a instanceof BigInt64Array || a instanceof BigUint64Array || Number.isInteger(v);
  if (direct && (op === "+" || op === "-" || op === "&" || op === "|" || op === "^")) {
    const ints = a as Int32Array;
    const n = v as number;
    const before = op === "+" ? Atomics.add(ints, i, n) : op === "-" ? Atomics.sub(ints, i, n) : op === "&" ? Atomics.and(ints, i, n) : op === "|" ? Atomics.or(ints, i, n) : Atomics.xor(ints, i, n);
    return old ? before : apply(before, op, v);
  }
  for (;;) {
    const before = Atomics.load(a as Int32Array, i);
    const result = apply(before, op, v);
    if (Atomics.compareExchange(a as Int32Array, i, before, converted(a, result) as number) === before) return old ? before : result;
  }
}

/** The compare-and-swap loop on the bits of a float or clamped element. */
function swapBits(a: Float64Array | Float32Array | Uint8ClampedArray, i: number, op: AtomicOperator, v: Element, old: boolean): Element {
  const view = bits(a);
  for (;;) {
    const before = Atomics.load(view as Int32Array, i) as Element;
    const value = fromBits(a, before);
    const result = apply(value, op, v) as number;
    if (Atomics.compareExchange(view as Int32Array, i, before as number, toBits(a, converted(a, result) as number) as number) === before) return old ? value : result;
  }
}

/** The element value whose bits (as the bit view holds them) are `raw`. */
function fromBits(a: Float64Array | Float32Array | Uint8ClampedArray, raw: Element): number {
  if (a instanceof Float64Array) {
    b64[0] = raw as bigint;
    return f64[0]!;
  }
  if (a instanceof Float32Array) {
    i32[0] = raw as number;
    return f32[0]!;
  }
  return raw as number;
}

/** The bits of element value `value`, as the bit view holds them. */
function toBits(a: Float64Array | Float32Array | Uint8ClampedArray, value: number): Element {
  if (a instanceof Float64Array) {
    f64[0] = value;
    return b64[0]!;
  }
  if (a instanceof Float32Array) {
    f32[0] = value;
    return i32[0]!;
  }
  return value;
}

/** One-element arrays by element type, for `converted`. */
const ones = new Map<unknown, AtomicArray>();

/** `value` as an element of `a` holds it (wrapped, rounded or clamped to the element type). */
function converted(a: AtomicArray, value: Element): Element {
  let one = ones.get(a.constructor);
  if (!one) ones.set(a.constructor, (one = new (a.constructor as new (n: number) => AtomicArray)(1)));
  one[0] = value as never;
  return one[0]!;
}

/** `x op v`, as JavaScript computes it. */
function apply(x: Element, op: AtomicOperator, v: Element): Element {
  const a = x as number;
  const b = v as number;
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": return a / b;
    case "%": return a % b;
    case "**": return a ** b;
    case "&": return a & b;
    case "|": return a | b;
    case "^": return a ^ b;
    case "<<": return a << b;
    case ">>": return a >> b;
    case ">>>": return a >>> b;
  }
}

/** The view of `a`'s bits that Atomics can work on. */
function bits(a: AtomicArray): Int32Array | BigInt64Array | Uint8Array {
  let view = bitViews.get(a);
  if (!view) {
    const View = a instanceof Float64Array ? BigInt64Array : a instanceof Float32Array ? Int32Array : Uint8Array;
    view = new View(a.buffer as ArrayBuffer, a.byteOffset, a.length);
    bitViews.set(a, view);
  }
  return view;
}
