import ts from "../../typescript.cjs";
import { skipParens } from "../loop-shape.js";

/**
 * An index as a polynomial over names: monomial (names sorted and joined by `*`; "" for the
 * constant) → coefficient (a fraction after a division by a number). `i * n + j + 1` is
 * { "i*n": 1, "j": 1, "": 1 }.
 */
export type Polynomial = ReadonlyMap<string, number>;

/** What a name in an index stands for, as the race analysis sees it from inside one loop. */
export type NameRole =
  /** A variable of the parallel loop nest (distinct across iterations), or the thread number in a team (`name` then says which: its monomial). */
  | { readonly kind: "parallel"; readonly name?: string }
  /**
   * Varies inside one iteration (an inner loop's variable), with the range [lower, upper) when
   * known; with `from`, it reads as `from + v'` for a name `v'` in [0, upper − lower).
   */
  | { readonly kind: "inner"; readonly name: string; readonly lower?: Polynomial; readonly upper?: Polynomial; readonly from?: Polynomial; readonly approximate?: boolean }
  /** The same in every iteration (`name`: its monomial, for a call such as `omp_get_num_threads()`). */
  | { readonly kind: "invariant"; readonly name?: string }
  /** A const of the body whose initializer stands for it. */
  | { readonly kind: "alias"; readonly initializer: ts.Expression }
  /** Something else: the index is not a polynomial. */
  | { readonly kind: "unknown"; readonly why: string };

/** Why an index is not a polynomial over the loop's names, for the warning. */
export interface NotPolynomial {
  readonly why: string;
}

const CONSTANT = "";

/** The polynomial an index expression is, or why it is not one. */
export function indexPolynomial(e: ts.Expression, role: (id: ts.Identifier) => NameRole, depth = 0): Polynomial | NotPolynomial {
  const x = skipParens(e);
  if (ts.isNumericLiteral(x)) {
    const v = Number(x.text);
    return Number.isInteger(v) ? new Map([[CONSTANT, v]]) : { why: `'${x.text}' is not an integer` };
  }
  if (ts.isIdentifier(x)) {
    const r = role(x);
    if (r.kind === "alias") return depth > 8 ? { why: `'${x.text}' is defined through too many constants` } : indexPolynomial(r.initializer, role, depth + 1);
    if (r.kind === "unknown") return { why: r.why };
    if (r.kind === "inner" && r.from) return add(r.from, new Map([[`${r.name}'`, 1]]));
    return new Map([[(r.kind === "parallel" || r.kind === "invariant" || r.kind === "inner") && r.name ? r.name : x.text, 1]]);
  }
  if (ts.isPrefixUnaryExpression(x) && (x.operator === ts.SyntaxKind.MinusToken || x.operator === ts.SyntaxKind.PlusToken)) {
    const inner = indexPolynomial(x.operand, role, depth);
    return isPolynomial(inner) && x.operator === ts.SyntaxKind.MinusToken ? scale(inner, -1) : inner;
  }
  if (ts.isBinaryExpression(x)) {
    const op = x.operatorToken.kind;
    if (op === ts.SyntaxKind.BarToken && ts.isNumericLiteral(skipParens(x.right)) && Number((skipParens(x.right) as ts.NumericLiteral).text) === 0) return indexPolynomial(x.left, role, depth);
    const divisor = skipParens(x.right);
    // Division by a number scales (a typed array's index is an integer, so equal quotients mean equal numerators).
    if (op === ts.SyntaxKind.SlashToken && ts.isNumericLiteral(divisor) && Number(divisor.text) !== 0) {
      const left = indexPolynomial(x.left, role, depth);
      return isPolynomial(left) ? scale(left, 1 / Number(divisor.text)) : left;
    }
    if (op !== ts.SyntaxKind.PlusToken && op !== ts.SyntaxKind.MinusToken && op !== ts.SyntaxKind.AsteriskToken) {
      return { why: `'${x.getText()}' uses '${ts.tokenToString(op) ?? "an operator"}', which is not a sum or a product` };
    }
    const left = indexPolynomial(x.left, role, depth);
    if (!isPolynomial(left)) return left;
    const right = indexPolynomial(x.right, role, depth);
    if (!isPolynomial(right)) return right;
    if (op === ts.SyntaxKind.PlusToken) return add(left, right);
    if (op === ts.SyntaxKind.MinusToken) return add(left, scale(right, -1));
    return multiply(left, right);
  }
  if (ts.isElementAccessExpression(x)) return { why: `the index is read from memory ('${x.getText()}'), so it can be anything` };
  if (ts.isCallExpression(x)) {
    // `omp_get_thread_num()` in a team: a parallel name; `omp_get_num_threads()`: an invariant.
    const r = x.arguments.length === 0 && ts.isIdentifier(x.expression) ? role(x.expression) : undefined;
    if ((r?.kind === "parallel" || r?.kind === "invariant") && r.name) return new Map([[r.name, 1]]);
    return { why: `the index comes from a call ('${x.getText()}')` };
  }
  return { why: `'${x.getText()}' is not a sum of products of the loop's variables and constants` };
}

/** Narrows an index form to a polynomial. */
export function isPolynomial(p: Polynomial | NotPolynomial): p is Polynomial {
  return p instanceof Map;
}

/** p + q. */
export function add(p: Polynomial, q: Polynomial): Polynomial {
  const out = new Map(p);
  for (const [m, c] of q) {
    const v = (out.get(m) ?? 0) + c;
    if (v === 0) out.delete(m);
    else out.set(m, v);
  }
  return out;
}

/** k · p. */
export function scale(p: Polynomial, k: number): Polynomial {
  return k === 0 ? new Map() : new Map([...p].map(([m, c]) => [m, c * k]));
}

/** p · q. */
function multiply(p: Polynomial, q: Polynomial): Polynomial {
  let out: Polynomial = new Map();
  for (const [a, ca] of p) {
    for (const [b, cb] of q) out = add(out, new Map([[[...a.split("*"), ...b.split("*")].filter((n) => n !== "").sort().join("*"), ca * cb]]));
  }
  return out;
}

/** The names in a monomial. */
export function namesOf(monomial: string): string[] {
  return monomial === CONSTANT ? [] : monomial.split("*");
}

/** The constant term. */
export function constantOf(p: Polynomial): number {
  return p.get(CONSTANT) ?? 0;
}

/** True when the polynomial is a single number (possibly 0). */
export function isConstant(p: Polynomial): boolean {
  return [...p.keys()].every((m) => m === CONSTANT);
}

/** Splits p by a variable v: the coefficient of v (p's terms holding v, divided by v once) and the rest. */
export function splitBy(p: Polynomial, v: string): { coefficient: Polynomial; rest: Polynomial } {
  const coefficient = new Map<string, number>();
  const rest = new Map<string, number>();
  for (const [m, c] of p) {
    const names = namesOf(m);
    const at = names.indexOf(v);
    if (at < 0) rest.set(m, c);
    else coefficient.set(names.filter((_, k) => k !== at).join("*"), c);
  }
  return { coefficient, rest };
}

/** True when p and q are the same polynomial. */
export function samePolynomial(p: Polynomial, q: Polynomial): boolean {
  return add(p, scale(q, -1)).size === 0;
}

/** The polynomial as text, for messages: `2*i + n - 1`. */
export function polynomialText(p: Polynomial): string {
  if (p.size === 0) return "0";
  const parts = [...p].sort(([a], [b]) => (a === CONSTANT ? 1 : b === CONSTANT ? -1 : a < b ? -1 : 1)).map(([m, c], k) => {
    const body = m === CONSTANT ? String(Math.abs(c)) : Math.abs(c) === 1 ? displayName(m) : `${Math.abs(c)}*${displayName(m)}`;
    return k === 0 ? (c < 0 ? `-${body}` : body) : `${c < 0 ? "-" : "+"} ${body}`;
  });
  return parts.join(" ");
}

/**
 * A monomial or name as written: inner loops' variables are named `v@position` in polynomials
 * (two loops may declare the same name), shown as `v`.
 */
export function displayName(m: string): string {
  return m.replace(/@\d+/g, "");
}
