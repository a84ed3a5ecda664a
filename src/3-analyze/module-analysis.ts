import ts from "../typescript.cjs";
import type { ProgramFacts } from "./program-facts.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { constantAccesses, type ConstantAccess } from "./const-enum.js";
import { changedHere, classOf, stateChange } from "./changed-state.js";
import { checkImportedUse, importedByValue } from "./imported-state.js";
import { spanOf } from "./loop-shape.js";
import type { TypePrinter } from "./print-type.js";
import { holdsCode, isCopiedConstant } from "./pure-initializer.js";
import { collectReferences, type Reference } from "./references.js";
import { declarationOf, isImportDeclaration, scopeOf } from "./scope.js";
import type { LoopAnalysis } from "./types.js";

/** An imported binding that the worker code imports again. */
export interface ImportedBinding {
  readonly localName: string;
  readonly specifier: string;
  /** The exported name, `default`, or `*` for a namespace import. */
  readonly exportName: string;
}

/** A module-level binding whose value is passed to the threads when a region starts. */
export interface ModuleValue {
  readonly name: string;
  readonly declaration: ts.Node;
}

/** What the worker side of a module needs, for all its parallel loops together. */
export interface ModuleAnalysis {
  /** Module-level declarations copied into the worker code, in source order. */
  readonly carried: readonly ts.Node[];
  readonly imports: readonly ImportedBinding[];
  readonly values: readonly ModuleValue[];
  /** For each loop, the module values its region (and what it calls) reads. */
  readonly valuesByLoop: ReadonlyMap<LoopAnalysis, readonly ModuleValue[]>;
  /** Const-enum member accesses in the code that moves into the worker factory, written as their values there. */
  readonly constants: readonly ConstantAccess[];
}

/** What module analysis needs. */
export interface ModuleContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  /** Facts about the whole program: its own files, where it changes what. */
  readonly facts: ProgramFacts;
  readonly types: TypePrinter;
  readonly report: (d: Diagnostic) => void;
}

/**
 * Follows every module-level name the loops use, transitively through the functions and classes
 * they call: these are copied into the worker code, re-imported there, or passed by value when a
 * region starts (SPEC §6). Writes to module-level variables from parallel code are reported.
 */
export function analyzeModule(loops: readonly LoopAnalysis[], ctx: ModuleContext): ModuleAnalysis {
  const carried = new Set<ts.Node>();
  const imports = new Map<ts.Symbol, ImportedBinding>();
  const values = new Map<ts.Symbol, ModuleValue>();
  const valuesByLoop = new Map<LoopAnalysis, ModuleValue[]>();
  const walked = new Map<ts.Symbol, ts.Symbol[]>();
  const reported = new Set<ts.Node>();
  const checkedImports = new Set<ts.Symbol>();

  /** The module-level symbols reachable from one symbol, following carried code. */
  const follow = (symbol: ts.Symbol, via: Reference, out: Set<ts.Symbol>): void => {
    if (out.has(symbol)) return;
    out.add(symbol);
    const declaration = declarationOf(symbol);
    if (!declaration) return;
    if (isImportDeclaration(declaration)) {
      const binding = importedBinding(declaration, symbol.name);
      if (!binding) reportOnce(via, "FunctionNotCarriable", { name: symbol.name, reason: "it comes from an 'import = require' declaration, which worker threads cannot import again" });
      else if (importedByValue(symbol, ctx)) values.set(symbol, { name: symbol.name, declaration });
      else imports.set(symbol, binding);
      return;
    }
    const inner = walked.get(symbol) ?? carry(symbol, declaration, via);
    walked.set(symbol, inner);
    for (const s of inner) follow(s, via, out);
  };

  const carry = (symbol: ts.Symbol, declaration: ts.Declaration, via: Reference): ts.Symbol[] => {
    const nodes = codeToCarry(symbol, declaration, ctx.checker);
    if (nodes === "value") {
      values.set(symbol, { name: symbol.name, declaration });
      return [];
    }
    if (typeof nodes === "string") {
      reportOnce(via, "FunctionNotCarriable", { name: symbol.name, reason: nodes });
      return [];
    }
    nodes.forEach((n) => carried.add(n));
    const mutable = classOf(declaration) || (ts.isVariableDeclaration(declaration) && declaration.initializer && holdsCode(declaration.initializer, ctx.checker));
    const change = mutable && stateChange(symbol, declaration, ctx.facts, ctx.checker, false);
    if (change) ctx.report(createDiagnostic("ChangedStateCopied", { name: symbol.name, imported: false, changed: `'${change.getText()}'` }, spanOf(via.node, ctx), [changedHere(change, ctx)]));
    const inner: ts.Symbol[] = [];
    for (const node of nodes) {
      for (const r of collectReferences(node, ctx.checker)) {
        const scope = scopeOf(r.symbol, node, ctx.sourceFile);
        if (scope !== "module" && scope !== "import") continue;
        if (isModuleVariableWrite(r)) reportOnce(r, "ModuleVariableWritten", { name: r.symbol.name });
        if (scope === "import") checkImportedUse(r, ctx, checkedImports);
        inner.push(r.symbol);
      }
    }
    return inner;
  };

  const reportOnce = <K extends "FunctionNotCarriable" | "ModuleVariableWritten">(r: Reference, key: K, args: K extends "FunctionNotCarriable" ? { name: string; reason: string } : { name: string }) => {
    if (reported.has(r.node)) return;
    reported.add(r.node);
    ctx.report(createDiagnostic(key, args as never, spanOf(r.node, ctx)));
  };

  for (const loop of loops) {
    const reached = new Set<ts.Symbol>();
    for (const r of loop.moduleReferences) {
      if (isModuleVariableWrite(r)) reportOnce(r, "ModuleVariableWritten", { name: r.symbol.name });
      if (isImportDeclaration(declarationOf(r.symbol) ?? r.node)) checkImportedUse(r, ctx, checkedImports);
      follow(r.symbol, r, reached);
    }
    valuesByLoop.set(loop, [...reached].filter((s) => values.has(s)).map((s) => values.get(s)!));
  }
  const moved = [...loops.flatMap((l) => [l.shape.body, ...l.carriedLocals.map((c) => c.declaration)]), ...carried];
  const constants = new Map(moved.flatMap((n) => constantAccesses(n, ctx.checker)).map((c) => [c.node, c]));
  return {
    carried: [...carried].sort((a, b) => a.pos - b.pos),
    imports: [...imports.values()],
    values: [...values.values()],
    valuesByLoop,
    constants: [...constants.values()].sort((a, b) => a.node.pos - b.node.pos),
  };
}

/** A write to a module-level variable (imports are read-only to TypeScript already). */
function isModuleVariableWrite(r: Reference): boolean {
  return (r.access === "write" || r.access === "update") && !isImportDeclaration(declarationOf(r.symbol) ?? r.node);
}

/**
 * The declarations to copy for a module-level symbol; "value" when it is passed by value instead;
 * or the reason it cannot reach worker threads.
 */
function codeToCarry(symbol: ts.Symbol, declaration: ts.Declaration, checker: ts.TypeChecker): ts.Node[] | "value" | string {
  if (ts.isFunctionDeclaration(declaration)) return (symbol.declarations ?? []).filter(ts.isFunctionDeclaration);
  if (ts.isClassDeclaration(declaration)) {
    return ts.getDecorators(declaration)?.length ? "decorated classes are not copied to worker threads" : [declaration];
  }
  if (ts.isEnumDeclaration(declaration)) return (symbol.declarations ?? []).filter(ts.isEnumDeclaration);
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
    return isCopiedConstant(declaration, checker) ? [declaration] : "value";
  }
  if (ts.isBindingElement(declaration) || ts.isVariableDeclaration(declaration)) return "value";
  return "only functions, classes, enums and variables of a module can be used from worker threads";
}

/** How an import declaration brought a binding in. */
function importedBinding(d: ts.Declaration, localName: string): ImportedBinding | undefined {
  const declaration = ts.isImportSpecifier(d) ? d.parent.parent.parent : ts.isNamespaceImport(d) ? d.parent.parent : ts.isImportClause(d) ? d.parent : undefined;
  if (!declaration || !ts.isImportDeclaration(declaration) || !ts.isStringLiteral(declaration.moduleSpecifier)) return undefined;
  const specifier = declaration.moduleSpecifier.text;
  if (ts.isNamespaceImport(d)) return { localName, specifier, exportName: "*" };
  if (ts.isImportClause(d)) return { localName, specifier, exportName: "default" };
  const spec = d as ts.ImportSpecifier;
  return { localName, specifier, exportName: (spec.propertyName ?? spec.name).text };
}
