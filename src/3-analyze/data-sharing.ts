import ts from "../typescript.cjs";
import { displayType } from "./display-type.js";
import type { ReductionOperator } from "../2-parse/ast.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { analyzeAssignments } from "./assignment-flow.js";
import type { ClauseRoles } from "./clause-bindings.js";
import { carryLocals } from "./local-closures.js";
import { spanOf } from "./loop-shape.js";
import { checkReductionUses } from "./reduction-updates.js";
import { assignmentTarget, MUTATORS, type Reference } from "./references.js";
import { declarationOf, enclosingFunction, scopeOf } from "./scope.js";
import { spanIn } from "./program-facts.js";
import type { SharingContext } from "./sharing-context.js";
import { typedArrayElement, typeFamily, type TypeFamily } from "./type-family.js";
import type { ArrayReduction, Capture, CarriedLocal, PrivateVariable, Reduction, ReductionIdentity } from "./types.js";

/** The data-sharing decisions for one loop (SPEC §6). */
export interface Sharing {
  readonly captures: Capture[];
  readonly reductions: Reduction[];
  readonly arrayReductions: ArrayReduction[];
  readonly privates: PrivateVariable[];
  readonly carriedLocals: CarriedLocal[];
  readonly moduleReferences: Reference[];
  /** Assignments to lastprivate variables whose value comes from the last iteration that assigned them. */
  readonly trackedAssignments: { node: ts.Expression; name: string }[];
}

/** Reductions each type can take, with the private copy's starting value (undefined: the original value). */
const IDENTITY: Record<"number" | "bigint" | "boolean", Partial<Record<ReductionOperator, ReductionIdentity | undefined>>> = {
  number: { "+": 0, "-": 0, "*": 1, "&": -1, "|": 0, "^": 0, max: -Infinity, min: Infinity, "&&": 1, "||": 0 },
  bigint: { "+": 0n, "-": 0n, "*": 1n, "&": -1n, "|": 0n, "^": 0n, max: undefined, min: undefined },
  boolean: { "&&": true, "||": false },
};

/**
 * Decides, for every variable the loop uses, how each thread sees it: a parameter passed by
 * value, shared typed-array memory, a copy, a private, a reduction, or a module-level binding
 * that the module's worker code provides. Reports every use that cannot work on threads.
 */
export function analyzeDataSharing(body: ts.Statement, references: readonly Reference[], roles: Map<ts.Symbol, ClauseRoles>, defaultNone: boolean, ctx: SharingContext): Sharing {
  const { carried, inner, rejected } = carryLocals(references, ctx);
  const carriedDeclarations = new Set(carried.map((c) => c.declaration));
  const bySymbol = new Map<ts.Symbol, Reference[]>();
  for (const r of [...references, ...inner]) {
    const list = bySymbol.get(r.symbol);
    if (list) list.push(r);
    else bySymbol.set(r.symbol, [r]);
  }
  const result: Sharing = { captures: [], reductions: [], arrayReductions: [], privates: [], carriedLocals: carried, moduleReferences: [], trackedAssignments: [] };

  for (const [symbol, refs] of bySymbol) {
    const scope = scopeOf(symbol, ctx.loop, ctx.sourceFile);
    if (scope === "loop" || rejected.has(symbol)) continue;
    if (scope === "module" || scope === "import") {
      result.moduleReferences.push(...refs);
      continue;
    }
    if (scope === "global") {
      const write = refs.find((r) => r.access === "write" || r.access === "update");
      if (write) ctx.report(createDiagnostic("GlobalWritten", { name: symbol.name }, spanOf(write.node, ctx)));
      const own = write ? undefined : declaredByProgram(symbol, ctx);
      if (own) ctx.report(createDiagnostic("GlobalDeclaredInProgram", { name: symbol.name }, spanOf(refs[0]!.node, ctx), [{ ...spanIn(own, ctx), message: `'${symbol.name}' is declared here.` }]));
      continue;
    }
    if (carriedDeclarations.has(declarationOf(symbol)!)) continue;
    const role = roles.get(symbol);
    if (role) {
      applyClauses(symbol, refs, role, body, result, ctx);
      continue;
    }
    if (defaultNone) ctx.report(createDiagnostic("DefaultNoneUnlisted", { name: symbol.name }, spanOf(refs[0]!.node, ctx)));
    implicit(symbol, refs, result, ctx);
  }
  for (const [symbol, role] of roles) {
    if (!bySymbol.has(symbol)) applyClauses(symbol, [], role, body, result, ctx);
  }
  return result;
}

/** For a global that only the program's own files declare (`declare function g…`, `declare global { var g… }`), not a library, the name in its first declaration. */
function declaredByProgram(symbol: ts.Symbol, ctx: SharingContext): ts.Node | undefined {
  const declarations = symbol.declarations ?? [];
  const own = declarations.length > 0 && declarations.every((d) => ctx.facts.isOwnFile(d.getSourceFile()));
  return own ? (ts.getNameOfDeclaration(declarations[0]!) ?? declarations[0]) : undefined;
}

const describe: Record<TypeFamily, string> = {
  number: "a number", bigint: "a bigint", boolean: "a boolean", scalar: "a value", "typed-array": "a shared typed array",
  clone: "an object", function: "a function", instance: "a class instance", uncloneable: "a value that cannot be copied",
  dynamic: "a value of unknown type",
};

/** What a copied value is, for messages: "an array", "a Map", "an object". */
function describeCopied(type: ts.Type, ctx: SharingContext): string {
  if (ctx.checker.isArrayType(type) || ctx.checker.isTupleType(type)) return "an array";
  const name = type.getSymbol()?.name;
  return name === "Map" || name === "Set" || name === "Date" || name === "RegExp" ? `a ${name}` : "an object";
}

/** For a write `g.a.b[k] = …` through `g`, the property chain `g.a.b` when it is a typed array. */
function typedArrayWrittenThrough(root: ts.Identifier, ctx: SharingContext): ts.PropertyAccessExpression | undefined {
  let chain: ts.Expression = root;
  while (ts.isPropertyAccessExpression(chain.parent) && chain.parent.expression === chain) chain = chain.parent;
  if (chain === root || !ts.isElementAccessExpression(chain.parent) || chain.parent.expression !== chain) return undefined;
  return typeFamily(ctx.checker.getTypeAtLocation(chain), ctx.checker) === "typed-array" ? (chain as ts.PropertyAccessExpression) : undefined;
}

/** A variable without a clause: SPEC §6's table decides. */
function implicit(symbol: ts.Symbol, refs: readonly Reference[], out: Sharing, ctx: SharingContext): void {
  const first = refs[0]!;
  const type = ctx.checker.getTypeAtLocation(first.node);
  const family = typeFamily(type, ctx.checker);
  for (const r of refs) {
    const at = spanOf(r.node, ctx);
    if (r.access === "write" || r.access === "update") {
      if (family === "typed-array") ctx.report(createDiagnostic("SharedArrayReassigned", { name: symbol.name }, at));
      else if (["number", "bigint", "boolean", "scalar", "dynamic"].includes(family)) ctx.report(createDiagnostic("WriteToOuterScalar", { name: symbol.name }, at));
      else ctx.report(createDiagnostic("WriteToCopiedValue", { name: symbol.name, kind: family === "clone" ? describeCopied(type, ctx) : describe[family] }, at));
      return;
    }
    if ((r.access === "element-write" || r.access === "method-call") && (family === "typed-array" || family === "dynamic")) continue;
    if (r.access === "element-write" || r.access === "property-write" || (r.access === "method-call" && MUTATORS.has(r.method!) && family !== "typed-array")) {
      const kind = family === "clone" ? describeCopied(type, ctx) : describe[family];
      const held = r.access === "property-write" ? typedArrayWrittenThrough(r.node, ctx) : undefined;
      if (held) ctx.report(createDiagnostic("WriteToCopiedValue", { name: symbol.name, kind, array: held.getText(), hoisted: held.name.text }, spanOf(held, ctx)));
      else ctx.report(createDiagnostic("WriteToCopiedValue", { name: symbol.name, kind }, at));
      return;
    }
  }
  if (family === "function") {
    ctx.report(createDiagnostic("FunctionNotCarriable", { name: symbol.name, reason: "it is a function value whose source tsomp cannot see here; declare the function in this module or in this function" }, spanOf(first.node, ctx)));
    return;
  }
  if (family === "instance" || family === "uncloneable") {
    const reason = family === "instance" ? "a copy would lose its methods and accessors; pass its fields instead" : "structured clone cannot copy it";
    ctx.report(createDiagnostic("ValueNotTransferable", { name: symbol.name, type: displayType(ctx.checker, ctx.checker.getTypeAtLocation(first.node)), reason }, spanOf(first.node, ctx)));
    return;
  }
  if (family === "clone") ctx.report(createDiagnostic("ValueCopiedPerRegion", { name: symbol.name, kind: describeCopied(type, ctx) }, spanOf(first.node, ctx)));
  if (family === "dynamic" && ctx.isolated) ctx.report(createDiagnostic("TypeUnknownInIsolation", { name: symbol.name, use: "capture" }, spanOf(first.node, ctx)));
  out.captures.push(capture(symbol, first, family, ctx));
}

function capture(symbol: ts.Symbol, first: Reference, family: TypeFamily, ctx: SharingContext): Capture {
  const kind = captureKind(family);
  const typeText = ctx.types.print(ctx.checker.getTypeAtLocation(first.node), ctx.declaredTypeNames);
  return { name: symbol.name, symbol, kind, typeText };
}

/** A variable named in clauses: private, firstprivate, lastprivate, shared or reduction. */
function applyClauses(symbol: ts.Symbol, refs: readonly Reference[], role: ClauseRoles, body: ts.Statement, out: Sharing, ctx: SharingContext): void {
  const declaration = declarationOf(symbol)!;
  const declaredType = ctx.checker.getTypeOfSymbolAtLocation(symbol, declaration);
  const family = typeFamily(declaredType, ctx.checker);
  const typeText = ctx.types.print(declaredType, ctx.declaredTypeNames);
  const clauses = role.clauses;
  const is = (id: ts.Identifier) => ctx.checker.getSymbolAtLocation(id) === symbol;
  if (clauses.has("reduction")) {
    reduction(symbol, refs, role, declaredType, family, typeText, out, ctx);
    return;
  }
  if (clauses.has("shared")) {
    if (family !== "typed-array" && family !== "dynamic") {
      ctx.report(createDiagnostic("CannotShare", { name: symbol.name, type: displayType(ctx.checker, declaredType) }, role.span));
      return;
    }
    if (refs.length > 0) implicit(symbol, refs, out, ctx);
    return;
  }
  const firstprivate = clauses.has("firstprivate");
  if (firstprivate) out.captures.push({ name: symbol.name, symbol, kind: captureKind(family), typeText });
  const written = refs.some((r) => r.access === "write" || r.access === "update");
  const lastprivate = clauses.has("lastprivate");
  if (!clauses.has("private") && !lastprivate && !written) return;
  const facts = analyzeAssignments(body, is);
  // In a `parallel` block every thread runs the body once, so a firstprivate copy read before it is assigned holds the original.
  if (facts.exposedRead && (!firstprivate || (written && !ts.isBlock(ctx.loop)))) {
    const clause = firstprivate ? "firstprivate" : lastprivate ? "lastprivate" : "private";
    ctx.report(createDiagnostic("PrivateReadBeforeWrite", { name: symbol.name, clause }, spanOf(facts.exposedRead, ctx)));
  }
  if (clauses.has("private")) {
    const later = firstUseAfter(ctx.loop, symbol, ctx);
    if (later && assignmentTarget(later) !== "write") {
      const line = ts.getLineAndCharacterOfPosition(ctx.sourceFile, ctx.loop.getStart(ctx.sourceFile)).line + 1;
      ctx.report(createDiagnostic("PrivateReadAfterLoop", { name: symbol.name, line }, spanOf(later, ctx)));
    }
    out.privates.push({ name: symbol.name, symbol, typeText, initialized: false });
    return;
  }
  if (!lastprivate) return;
  const last = role.conditional || !facts.assignedOnEveryPath ? "last-assignment" : "last-iteration";
  out.privates.push({ name: symbol.name, symbol, typeText, initialized: firstprivate, last });
  if (last === "last-assignment") {
    for (const r of refs) if (r.access === "write" || r.access === "update") out.trackedAssignments.push({ node: assignmentOf(r.node), name: symbol.name });
  }
}

/** The capture kind of a firstprivate variable of a type family. */
export function captureKind(family: TypeFamily): Capture["kind"] {
  if (family === "function" || family === "instance" || family === "uncloneable") return "clone";
  return family;
}

/** The first use of `symbol` after `loop` in the function (or module) around it, if any. */
function firstUseAfter(loop: ts.Node, symbol: ts.Symbol, ctx: SharingContext): ts.Identifier | undefined {
  const container = enclosingFunction(loop) ?? ctx.sourceFile;
  let found: ts.Identifier | undefined;
  const visit = (n: ts.Node): void => {
    if (found || n.end <= loop.end) return;
    if (ts.isIdentifier(n) && n.pos >= loop.end && n.text === symbol.name && ctx.checker.getSymbolAtLocation(n) === symbol) {
      found = n;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(container);
  return found;
}

/** The whole assignment expression around an assigned identifier (`x = v`, `x++`, `[x, y] = …`). */
function assignmentOf(id: ts.Identifier): ts.Expression {
  let n: ts.Node = id;
  while (n.parent && !ts.isExpressionStatement(n.parent) && !ts.isBinaryExpression(n) && !ts.isPrefixUnaryExpression(n) && !ts.isPostfixUnaryExpression(n)) n = n.parent;
  while (n.parent && ts.isBinaryExpression(n.parent) && n.parent.left === n) n = n.parent;
  return n as ts.Expression;
}

function reduction(symbol: ts.Symbol, refs: readonly Reference[], role: ClauseRoles, declaredType: ts.Type, family: TypeFamily, typeText: string, out: Sharing, ctx: SharingContext): void {
  const op = role.operator!;
  const element = family === "typed-array" ? typedArrayElement(declaredType, ctx.checker) : undefined;
  if (element) {
    if (!(op in IDENTITY[element])) {
      ctx.report(createDiagnostic("ReductionTypeInvalid", { name: symbol.name, type: displayType(ctx.checker, declaredType), op }, role.span));
      return;
    }
    // Each thread writes a private copy; the array itself reaches the region like any shared typed array.
    out.arrayReductions.push({ name: symbol.name, symbol, operator: op, section: role.section });
    out.captures.push({ name: symbol.name, symbol, kind: "typed-array", typeText });
    return;
  }
  const type = family === "number" || family === "bigint" || family === "boolean" ? family : undefined;
  if (!type || !(op in IDENTITY[type])) {
    ctx.report(createDiagnostic("ReductionTypeInvalid", { name: symbol.name, type: displayType(ctx.checker, declaredType), op }, role.span));
    if (family === "dynamic" && ctx.isolated) ctx.report(createDiagnostic("TypeUnknownInIsolation", { name: symbol.name, use: "reduction" }, role.span));
    return;
  }
  const verdicts = checkReductionUses(refs.map((r) => r.node), op);
  for (const r of refs) {
    const v = verdicts.get(r.node);
    if (!v || v.ok) continue;
    if (v.found !== undefined) ctx.report(createDiagnostic("ReductionUpdateMismatch", { name: symbol.name, op, found: v.found }, spanOf(r.node.parent, ctx)));
    else ctx.report(createDiagnostic("ReductionVariableRead", { name: symbol.name, op }, spanOf(r.node, ctx)));
  }
  out.reductions.push({ name: symbol.name, symbol, operator: op, type, identity: IDENTITY[type][op], typeText });
}
