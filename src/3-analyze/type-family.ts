import ts from "../typescript.cjs";

/** How a value of some type can reach other threads. */
export type TypeFamily =
  | "number"
  | "bigint"
  | "boolean"
  /** Strings, null, undefined and unions of scalars: passed by value. */
  | "scalar"
  /** Typed arrays, DataViews and SharedArrayBuffers: shared memory. */
  | "typed-array"
  /** Plain arrays, objects, Maps, Sets, Dates…: copied by structured clone. */
  | "clone"
  | "function"
  /** Class instances: a copy would lose their methods and accessors. */
  | "instance"
  /** Promises, weak collections, symbols: structured clone refuses them. */
  | "uncloneable"
  /** `any` and `unknown`: the runtime decides from the value. */
  | "dynamic";

const NUMBER_ARRAYS = new Set(["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array"]);
const BIGINT_ARRAYS = new Set(["BigInt64Array", "BigUint64Array"]);
const SHARED = new Set([...NUMBER_ARRAYS, "Float16Array", ...BIGINT_ARRAYS, "DataView", "SharedArrayBuffer"]);
const UNCLONEABLE = new Set(["Promise", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Symbol", "Generator", "Iterator"]);

/** True when a symbol comes from TypeScript's lib files (so `Float64Array` is the real one). */
function fromLib(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some((d) => /[\\/]lib\.[^\\/]*\.d\.ts$|[\\/]@types[\\/]node[\\/]/.test(d.getSourceFile().fileName));
}

/**
 * The type a generic type stands for at least: the base constraint of a type parameter or other
 * generic type (`number` for `T extends number`), `unknown` for one without a constraint; any
 * other type is itself.
 */
export function baseType(type: ts.Type, checker: ts.TypeChecker): ts.Type {
  if (!(type.flags & ts.TypeFlags.InstantiableNonPrimitive)) return type;
  const constraint = checker.getBaseConstraintOfType(type);
  return constraint && constraint !== type ? constraint : checker.getUnknownType();
}

/** True when every value of the type is a number (a generic type by its constraint). */
export function isNumberType(type: ts.Type, checker: ts.TypeChecker): boolean {
  const base = baseType(type, checker);
  return !!(base.flags & ts.TypeFlags.NumberLike) || (base.isUnion() && base.types.every((t) => t.flags & ts.TypeFlags.NumberLike));
}

/** Classifies a type into the family that decides how its values travel between threads. */
export function typeFamily(type: ts.Type, checker: ts.TypeChecker): TypeFamily {
  if (type.flags & ts.TypeFlags.InstantiableNonPrimitive) return typeFamily(baseType(type, checker), checker);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return "dynamic";
  if (type.isUnion()) return unionFamily(type.types.map((t) => typeFamily(t, checker)));
  // A branded typed array (`Int32Array & { [brand]: … }`, as omp_lock_t) is a typed array.
  if (type.isIntersection() && type.types.some((t) => typeFamily(t, checker) === "typed-array")) return "typed-array";
  if (type.flags & ts.TypeFlags.NumberLike) return "number";
  if (type.flags & ts.TypeFlags.BigIntLike) return "bigint";
  if (type.flags & ts.TypeFlags.BooleanLike) return "boolean";
  if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return "scalar";
  if (type.flags & ts.TypeFlags.ESSymbolLike) return "uncloneable";
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol && fromLib(symbol)) {
    if (SHARED.has(symbol.name)) return "typed-array";
    if (UNCLONEABLE.has(symbol.name)) return "uncloneable";
    return checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0 ? "function" : "clone";
  }
  if (checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0) return "function";
  if (symbol && symbol.flags & ts.SymbolFlags.Class) return hasBehaviour(type, checker) ? "instance" : "clone";
  return holdsFunction(type, checker, 3) ? "uncloneable" : "clone";
}

/**
 * True when an object type of the program (not a lib type such as an array or a Map, which
 * structured clone copies) has a function among its properties, a few levels down.
 */
function holdsFunction(type: ts.Type, checker: ts.TypeChecker, depth: number): boolean {
  if (depth === 0 || !(type.flags & ts.TypeFlags.Object)) return false;
  const own = type.getSymbol();
  if (own && fromLib(own)) return false;
  for (const p of checker.getPropertiesOfType(type)) {
    const declaration = p.valueDeclaration ?? p.declarations?.[0];
    if (!declaration) continue;
    const t = checker.getTypeOfSymbolAtLocation(p, declaration);
    if (checker.getSignaturesOfType(t, ts.SignatureKind.Call).length > 0 || holdsFunction(t, checker, depth - 1)) return true;
  }
  return false;
}

/** A union is as good as its worst member; nullish members do not count. */
function unionFamily(members: readonly TypeFamily[]): TypeFamily {
  const real = members.filter((m) => m !== "scalar");
  if (real.length === 0) return "scalar";
  const unique = [...new Set(real)];
  if (unique.length === 1) return members.length === real.length ? unique[0]! : unique[0] === "typed-array" ? "typed-array" : "scalar";
  if (unique.every((u) => u === "number" || u === "bigint" || u === "boolean")) return "scalar";
  for (const worst of ["uncloneable", "instance", "function", "dynamic", "clone"] as const) if (unique.includes(worst)) return worst;
  return "clone";
}

/** True when a class instance has methods or accessors, which a structured-clone copy would lose. */
function hasBehaviour(type: ts.Type, checker: ts.TypeChecker): boolean {
  return checker.getPropertiesOfType(type).some((p) => p.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Accessor));
}

/** The element type of a typed array type (`number`, or `bigint` for BigInt64Array and BigUint64Array); undefined for other types, DataView included. */
export function typedArrayElement(type: ts.Type, checker: ts.TypeChecker): "number" | "bigint" | undefined {
  if (type.flags & ts.TypeFlags.InstantiableNonPrimitive) return typedArrayElement(baseType(type, checker), checker);
  if (type.isIntersection()) return type.types.map((t) => typedArrayElement(t, checker)).find((e) => e !== undefined);
  if (type.isUnion()) {
    const elements = new Set(type.types.map((t) => typedArrayElement(t, checker)));
    return elements.size === 1 ? [...elements][0] : undefined;
  }
  const name = (type.getSymbol() ?? type.aliasSymbol)?.name ?? "";
  return NUMBER_ARRAYS.has(name) ? "number" : BIGINT_ARRAYS.has(name) ? "bigint" : undefined;
}
