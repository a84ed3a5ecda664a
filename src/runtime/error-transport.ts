import { serialize } from "node:v8";

/** An error as it crosses from a worker to thread 0: what structured clone would drop, spelled out. */
interface PackedError {
  readonly packedError: true;
  readonly name: string;
  /** The name of the error's class, to give it back its prototype on thread 0 (see `adoptClass`). */
  readonly className: string | undefined;
  readonly message: string;
  readonly stack: string | undefined;
  /** The error's own enumerable properties that can be cloned (a `code`, an `index`…). */
  readonly properties: Record<string, unknown>;
  readonly cause: unknown;
}

const BUILT_IN: Record<string, ErrorConstructor> = { Error, RangeError, TypeError, SyntaxError, ReferenceError, EvalError, URIError };

/**
 * Describes a thrown value so that thread 0 can rebuild it: an Error keeps its name, message,
 * stack, cause and clonable own properties (structured clone would keep only some of these);
 * other values travel as they are, or as their string when they cannot be cloned.
 */
export function packError(value: unknown): unknown {
  if (!(value instanceof Error)) return cloneable(value) ? value : String(value);
  const properties: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (key !== "cause" && cloneable(v)) properties[key] = v;
  const packed: PackedError = { packedError: true, name: value.name, className: value.constructor?.name, message: value.message, stack: value.stack, properties, cause: "cause" in value ? packError(value.cause) : undefined };
  return packed;
}

/** Rebuilds what `packError` described: an Error of the built-in class its name names (else Error). */
export function unpackError(value: unknown): unknown {
  if (!value || typeof value !== "object" || !(value as PackedError).packedError) return value;
  const p = value as PackedError;
  const error = new (BUILT_IN[p.name] ?? Error)(p.message, p.cause === undefined ? undefined : { cause: unpackError(p.cause) });
  if (error.name !== p.name) Object.defineProperty(error, "name", { value: p.name, configurable: true, writable: true });
  if (p.stack !== undefined) error.stack = p.stack;
  Object.assign(error, p.properties);
  if (p.className && p.className !== error.constructor.name) Object.defineProperty(error, CLASS_NAME, { value: p.className });
  return error;
}

const CLASS_NAME = Symbol("tsomp.className");

/**
 * Worker threads run copies of a module's classes, so an error they throw is an instance of a
 * copy (or, after the trip to thread 0, of Error). Given the module's own classes, this gives an
 * error (and its causes) the prototype of the class of the same name, so that `instanceof` in the
 * code around the loop behaves as it does sequentially.
 */
export function adoptClass(error: unknown, classes: readonly (abstract new (...a: never[]) => unknown)[]): void {
  for (let e = error, depth = 0; e instanceof Object && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { [CLASS_NAME]?: string })[CLASS_NAME] ?? e.constructor?.name;
    const own = classes.find((c) => c.name === name);
    if (own && !(e instanceof own)) Object.setPrototypeOf(e, own.prototype);
  }
}

function cloneable(value: unknown): boolean {
  try {
    serialize(value);
    return true;
  } catch {
    return false;
  }
}
