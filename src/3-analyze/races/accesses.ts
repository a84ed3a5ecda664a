import ts from "../../typescript.cjs";
import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { skipParens, spanOf } from "../loop-shape.js";
import { assignedIn, assignmentTarget } from "../references.js";
import { contains, declarationOf, variableKind } from "../scope.js";
import { typeFamily } from "../type-family.js";
import type { NameRole, NotPolynomial, Polynomial } from "./index-form.js";
import { memoryRoot, sameMemory } from "./memory.js";
import { boundRole, innerRanges, literalConst } from "./proofs.js";

/** What the race checks need. */
export interface RaceContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  readonly report: (d: Diagnostic) => void;
  /** Statements whose accesses are synchronized: `critical`, `atomic`, `ordered`, `single`, `masked`/`master`. */
  readonly synchronized: ReadonlySet<ts.Node>;
  /** Statements under `// @omp assume independent`, whose unprovable accesses are not reported. */
  readonly assumed: ReadonlySet<ts.Node>;
  /** Statements of the team constructs (`for`, `single`, `masked`), bound to a block or not. */
  readonly teamStatements: ReadonlySet<ts.Node>;
  /** Checking a `simd` loop, which runs in order: a proven dependence is a warning (OMP3033), an unproven one nothing. */
  readonly simd?: boolean;
}

/** One element access of a shared typed array (or a use of a scalar the team shares, as its one element). */
export interface ElementAccess {
  readonly array: ts.Symbol;
  /** Other names of its memory: the parameter it is read through in a called function, and what a view passed for that parameter views. */
  readonly aliases?: readonly ts.Symbol[];
  readonly node: ts.Expression;
  readonly write: boolean;
  readonly index: Polynomial | NotPolynomial;
  /** Under `// @omp assume independent`. */
  readonly assumed: boolean;
}

/**
 * The array of `node` when it is an element access `a[…]` of a typed array that the threads
 * share: declared outside the region (`isOwn` says which declarations are the region's own) and
 * not reduced; in a function the region calls (`active`), its parameters stand for the arguments.
 * Returns the array's symbol and whether the access writes.
 */
export function sharedElement(
  node: ts.Node,
  isOwn: (symbol: ts.Symbol, declaration: ts.Node) => boolean,
  reducedArrays: ReadonlySet<ts.Symbol>,
  checker: ts.TypeChecker,
  active: readonly CalledFunction[] = [],
): { array: ts.Symbol; write: boolean; index?: NotPolynomial; aliases?: ts.Symbol[] } | undefined {
  // `a.fill(…)`, `a.set(…)`, `a.copyWithin(…)`, `a.sort()`, `a.reverse()` write a range of elements.
  const method = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && RANGE_WRITES.has(node.expression.name.text) ? node.expression : undefined;
  if (!method && !ts.isElementAccessExpression(node)) return undefined;
  const target = skipParens(method ? method.expression : (node as ts.ElementAccessExpression).expression);
  // `(c ? a : b)[k]` accesses one of two arrays: each branch is tried in turn.
  const ids = ts.isIdentifier(target) ? [target] : ts.isConditionalExpression(target) ? [target.whenTrue, target.whenFalse].map(skipParens).filter(ts.isIdentifier) : [];
  for (const id of ids) {
    const found = sharedThrough(id, node, method, isOwn, reducedArrays, checker, active);
    if (found) return found;
  }
  return undefined;
}

/** The shared array an identifier names in an access (see sharedElement). */
function sharedThrough(
  id: ts.Identifier,
  node: ts.Node,
  method: ts.PropertyAccessExpression | undefined,
  isOwn: (symbol: ts.Symbol, declaration: ts.Node) => boolean,
  reducedArrays: ReadonlySet<ts.Symbol>,
  checker: ts.TypeChecker,
  active: readonly CalledFunction[],
): { array: ts.Symbol; write: boolean; index?: NotPolynomial; aliases?: ts.Symbol[] } | undefined {
  const named = checker.getSymbolAtLocation(id);
  const symbol = named && throughCalls(named, active);
  // A view made in the region of an array from outside it (`const v = a.subarray(1)`) is the outside array's memory.
  const root = symbol && memoryRoot(symbol, { sourceFile: node.getSourceFile(), checker });
  const declaration = root && declarationOf(root);
  // A followed function's own arrays are its own (a fresh one per call).
  if (declaration && active.some((f) => contains(f.body, declaration))) return undefined;
  if (!symbol || !root || !declaration || isOwn(root, declaration) || reducedArrays.has(symbol) || typeFamily(checker.getTypeAtLocation(id), checker) !== "typed-array") return undefined;
  const aliases = [named!, ...active.flatMap((f) => [...f.views].filter(([p]) => p === named).map(([, v]) => v))].filter((s) => s !== symbol);
  const other = aliases.length > 0 ? { aliases } : {};
  if (method) return { array: symbol, write: true, index: { why: `'${method.getText()}(…)' writes a range of elements` }, ...other };
  return { array: symbol, write: assignmentTarget(node) !== undefined, ...other };
}

/** True when two accesses may touch the same memory: through their arrays, or the other names they have (see ElementAccess). */
export function shareMemory(w: ElementAccess, x: ElementAccess, ctx: { sourceFile: ts.SourceFile; checker: ts.TypeChecker }): boolean {
  const names = (a: ElementAccess) => [a.array, ...(a.aliases ?? [])];
  return names(w).some((s) => names(x).some((t) => sameMemory(s, t, ctx)));
}

/** The typed-array methods that write a range of elements. */
const RANGE_WRITES = new Set(["fill", "set", "copyWithin", "sort", "reverse"]);

/** Reports races, at most one diagnostic per access. */
export interface RaceReporter {
  /** A proven race (OMP3031) at `a`, with the other access as a note. */
  error(a: ElementAccess, detail: string, fix: string, other?: ElementAccess): void;
  /** An unproven access (OMP3032), unless it is under `assume independent`; `units` says what may collide ("iterations", "threads"), `other` the access it may collide with (a note). */
  warn(a: ElementAccess, reason: string, units?: string, other?: ElementAccess): void;
}

/** A reporter that says each access once. */
export function raceReporter(ctx: RaceContext): RaceReporter {
  const reported = new Set<ts.Node>();
  const text = (a: ElementAccess) => a.node.getText(ctx.sourceFile);
  const otherAccess = (other: ElementAccess | undefined) => (other ? [{ ...spanOf(other.node, ctx), message: `The other access, '${text(other)}'.` }] : undefined);
  return {
    error(a, detail, fix, other) {
      if (reported.has(a.node)) return;
      reported.add(a.node);
      if (ctx.simd) ctx.report(createDiagnostic("SimdDependence", { detail }, spanOf(a.node, ctx), otherAccess(other)));
      else ctx.report(createDiagnostic("RaceProven", { detail, fix }, spanOf(a.node, ctx), otherAccess(other)));
    },
    warn(a, reason, units = "iterations", other) {
      if (reported.has(a.node) || a.assumed || ctx.simd) return;
      reported.add(a.node);
      ctx.report(createDiagnostic("RaceUnproven", { access: text(a), reason, units }, spanOf(a.node, ctx), otherAccess(other)));
    },
  };
}

/** A function of the file that a region calls, whose accesses count as the region's. */
export interface CalledFunction {
  /** The function: a declaration, or the arrow function or function expression a `const` holds. */
  readonly declaration: ts.FunctionLikeDeclaration;
  readonly name: string;
  readonly body: ts.Node;
  /** Its parameters that receive a variable, mapped to that variable. */
  readonly arguments: ReadonlyMap<ts.Symbol, ts.Symbol>;
  /** Its parameters, mapped to the argument expressions they receive. */
  readonly values: ReadonlyMap<ts.Symbol, ts.Expression>;
  /** Its parameters that receive a view of a variable (`a.subarray(1)`, `new Float64Array(a.buffer)`), mapped to that variable. */
  readonly views: ReadonlyMap<ts.Symbol, ts.Symbol>;
}

/**
 * The function of this file that `node` calls (a declaration, or a `const` holding an arrow
 * function or function expression), unless it is already being followed (`active`). A function
 * that calls itself gets no parameter mapping: each call has its own arguments.
 */
export function calledFunction(node: ts.Node, checker: ts.TypeChecker, active: readonly CalledFunction[]): CalledFunction | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || active.length >= 8) return undefined;
  const symbol = checker.getSymbolAtLocation(node.expression);
  const target = symbol?.valueDeclaration;
  const declaration =
    target && ts.isFunctionDeclaration(target) ? target : target && ts.isVariableDeclaration(target) && variableKind(target) === "const" && target.initializer && (ts.isArrowFunction(skipParens(target.initializer)) || ts.isFunctionExpression(skipParens(target.initializer))) ? (skipParens(target.initializer) as ts.ArrowFunction | ts.FunctionExpression) : undefined;
  if (!declaration?.body || active.some((f) => f.declaration === declaration)) return undefined;
  const mapped = new Map<ts.Symbol, ts.Symbol>();
  const values = new Map<ts.Symbol, ts.Expression>();
  const views = new Map<ts.Symbol, ts.Symbol>();
  const called = { declaration, name: node.expression.text, body: declaration.body, arguments: mapped, values, views };
  if (callsItself(declaration.body, symbol!, checker)) return called;
  declaration.parameters.forEach((p, k) => {
    const argument = node.arguments[k] && skipParens(node.arguments[k]);
    const parameter = checker.getSymbolAtLocation(p.name);
    const variable = argument && ts.isIdentifier(argument) ? checker.getSymbolAtLocation(argument) : undefined;
    if (parameter && variable) mapped.set(parameter, variable);
    if (parameter && argument && !p.dotDotDotToken) values.set(parameter, argument);
    const viewed = argument && viewedVariable(argument);
    const viewedSymbol = viewed && checker.getSymbolAtLocation(viewed);
    if (parameter && viewedSymbol) views.set(parameter, viewedSymbol);
  });
  return called;
}

/** The variable an expression makes a view of: `a.subarray(…)`, `new Float64Array(a.buffer, …)`. */
function viewedVariable(e: ts.Expression): ts.Identifier | undefined {
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "subarray" && ts.isIdentifier(skipParens(e.expression.expression))) return skipParens(e.expression.expression) as ts.Identifier;
  const first = ts.isNewExpression(e) && e.arguments?.[0] ? skipParens(e.arguments[0]) : undefined;
  if (first && ts.isPropertyAccessExpression(first) && first.name.text === "buffer" && ts.isIdentifier(skipParens(first.expression))) return skipParens(first.expression) as ts.Identifier;
  return undefined;
}

/** True when `body` calls the function `symbol` names. */
function callsItself(body: ts.Node, symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && checker.getSymbolAtLocation(n.expression) === symbol) found = true;
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * How a name declared in a followed function reads in an index: a parameter the function never
 * assigns as the argument it receives, a variable initialized once and never assigned as its
 * initializer, a loop's variable with its range, anything else as unknown (it may differ between calls and within one).
 */
export function calleeNameRole(id: ts.Identifier, checker: ts.TypeChecker, active: readonly CalledFunction[]): NameRole | undefined {
  const symbol = checker.getSymbolAtLocation(id);
  const declaration = symbol?.valueDeclaration;
  const fn = declaration && active.find((f) => contains(f.declaration, declaration));
  if (!fn || !symbol) return undefined;
  const assigned = assignedIn(fn.body, symbol, checker);
  const argument = fn.values.get(symbol);
  if (argument && !assigned) return { kind: "alias", initializer: argument };
  if (ts.isVariableDeclaration(declaration!) && declaration.initializer && !assigned) return { kind: "alias", initializer: declaration.initializer };
  const name = `${id.text}@${declaration!.pos}`;
  // The function's loops read their bounds through its parameters' arguments.
  const range = innerRanges(fn.body, checker, (x) => calleeNameRole(x, checker, active) ?? boundRole(checker)(x))(name);
  if (range?.lower && range.upper) return { kind: "inner", name, ...range };
  return literalConst(declaration!) ?? { kind: "unknown", why: `'${id.text}' is a variable of '${fn.name}', which the loop calls` };
}


/** The variable a name of a followed function stands for: through its parameters to the caller's variables, innermost call first. */
function throughCalls(symbol: ts.Symbol, active: readonly CalledFunction[]): ts.Symbol {
  let s = symbol;
  for (let k = active.length - 1; k >= 0; k--) s = active[k]!.arguments.get(s) ?? s;
  return s;
}
