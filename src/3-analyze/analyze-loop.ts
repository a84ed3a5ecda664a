import ts from "../typescript.cjs";
import type { ProgramFacts } from "./program-facts.js";
import { displayType } from "./display-type.js";
import type { Directive } from "../2-parse/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { bindClauseVariables } from "./clause-bindings.js";
import { addCaptures, clauseVariables, sectionClauses } from "./clause-captures.js";
import { checkRaces } from "./races/check-races.js";
import { checkVarEscapes } from "./var-escapes.js";
import { checkControlFlow } from "./control-flow.js";
import { analyzeDataSharing } from "./data-sharing.js";
import { analyzeLoopShape, spanOf } from "./loop-shape.js";
import { mayThrow } from "./may-throw.js";
import type { TypePrinter } from "./print-type.js";
import { collectReferences, collectTypeReferences } from "./references.js";
import { declarationOf, scopeOf } from "./scope.js";
import { isNumberType } from "./type-family.js";
import type { LoopAnalysis, LoopShape } from "./types.js";

/** What analysing one loop needs: the file, the type checker, a type printer and a place to report. */
export interface LoopContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  /** Facts about the whole program: its own files, where it changes what. */
  readonly facts: ProgramFacts;
  readonly types: TypePrinter;
  readonly report: (d: Diagnostic) => void;
  /** True when the file is compiled without the rest of its program, so imported types are unknown. */
  readonly isolated: boolean;
  /** Statements of the synchronizing constructs and those under `assume independent` (checkRaces). */
  readonly synchronized: ReadonlySet<ts.Node>;
  readonly assumed: ReadonlySet<ts.Node>;
  /** Statements of the team constructs (`for`, `single`, `masked`), bound or not: the race check of a block skips those not bound to it (checkTeamRaces). */
  readonly teamStatements: ReadonlySet<ts.Node>;
}

/**
 * Analyses one `parallel for`: its loop nest, what its body may not do, and how every variable it
 * uses reaches the threads. Returns undefined when anything in it is an error (all reported).
 */
export function analyzeLoop(directive: Directive, ctx: LoopContext): LoopAnalysis | undefined {
  let errors = 0;
  const report = (d: Diagnostic) => {
    if (d.category === "error") errors++;
    ctx.report(d);
  };
  const local = { ...ctx, report };
  const clause = <K extends Directive["clauses"][number]["kind"]>(kind: K) =>
    directive.clauses.find((c): c is Extract<Directive["clauses"][number], { kind: K }> => c.kind === kind);
  const shape = checkedLoopNest(directive, local);
  if (!shape) return undefined;
  const loop = shape.levels[0]!.loop;
  const references = collectReferences(shape.body, ctx.checker);
  checkVarEscapes(shape.body, "parallel loop", local);
  const loopVariables = shape.levels.map((l) => l.variable);
  const roles = bindClauseVariables(directive.clauses, loop, loopVariables, ctx.checker, report);
  const typeParameters = enclosingTypeParameters(loop);
  const localTypes = localTypeDeclarations(shape.body, loop, ctx);
  const declaredTypeNames = new Set([...typeParameters.map((t) => t.name.text), ...localTypes.map((t) => (t as ts.InterfaceDeclaration).name.text)]);
  const sharing = analyzeDataSharing(shape.body, references, roles, clause("default")?.value === "none", { ...local, loop, declaredTypeNames });
  const captures = [...sharing.captures];
  addCaptures(captures, clauseVariables(sectionClauses(directive, loop), loop, ctx.checker, report), ctx.checker, ctx.types, declaredTypeNames);
  if (errors > 0) return undefined;
  checkRaces(shape, new Set(sharing.arrayReductions.map((a) => a.symbol)), { ...local, assumed: assumedFor(directive, shape, ctx) });
  if (errors > 0) return undefined;
  const schedule = clause("schedule");
  return {
    directive,
    statement: loop,
    shape,
    schedule: { kind: schedule?.schedule ?? "static", chunk: schedule?.chunk, modifier: schedule?.modifier },
    numThreads: clause("num_threads")?.value,
    ifCondition: clause("if")?.value,
    captures,
    reductions: sharing.reductions,
    arrayReductions: sharing.arrayReductions,
    privates: sharing.privates,
    carriedLocals: sharing.carriedLocals,
    localTypes,
    typeParameters,
    moduleReferences: sharing.moduleReferences,
    mayThrow: mayThrow(shape.body, ctx.checker) || sharing.carriedLocals.length > 0,
    trackedAssignments: sharing.trackedAssignments,
    workshares: [],
    teamOutputs: [],
  };
}

/**
 * Reads the canonical loop nest under a loop directive (SPEC §3, collapsed to its `collapse` depth)
 * and reports what its body may not do, bounds that are not numbers and assignments to the loop
 * variables. Undefined when the nest itself is malformed.
 */
export function checkedLoopNest(directive: Directive, ctx: LoopContext): LoopShape | undefined {
  const depth = directive.clauses.find((c) => c.kind === "collapse")?.depth ?? 1;
  const shape = analyzeLoopShape(directive.statement!, depth, ctx);
  if (!shape) return undefined;
  checkControlFlow(shape, ctx);
  checkNumberTypes(shape, ctx);
  for (const r of collectReferences(shape.body, ctx.checker)) {
    const declaration = declarationOf(r.symbol);
    const isLoopVariable = shape.levels.some((l) => l.loop.initializer && declaration && (l.loop.initializer as ts.VariableDeclarationList).declarations[0] === declaration);
    if (isLoopVariable && (r.access === "write" || r.access === "update")) {
      ctx.report(createDiagnostic("LoopVariableAssigned", { name: r.node.text }, spanOf(r.node, ctx)));
    }
  }
  return shape;
}

/** The statements under `assume independent`, with the loop's own body when the assumption stands above the loop. */
export function assumedFor(directive: Directive, shape: LoopShape, ctx: LoopContext): ReadonlySet<ts.Node> {
  return ctx.assumed.has(directive.statement!) ? new Set([...ctx.assumed, shape.body]) : ctx.assumed;
}

/** The loop variables and bounds of a parallel loop must be numbers (SPEC §3). */
function checkNumberTypes(shape: LoopShape, ctx: LoopContext & { report: (d: Diagnostic) => void }): void {
  const numeric = (node: ts.Node) => {
    const type = ctx.checker.getTypeAtLocation(node);
    return !!(type.flags & ts.TypeFlags.Any) || isNumberType(type, ctx.checker);
  };
  const typeText = (node: ts.Node) => displayType(ctx.checker, ctx.checker.getTypeAtLocation(node));
  for (const level of shape.levels) {
    const declaration = (level.loop.initializer as ts.VariableDeclarationList).declarations[0]!;
    if (!numeric(declaration.name)) {
      ctx.report(createDiagnostic("LoopVariableNotNumber", { name: level.variable, type: typeText(declaration.name) }, spanOf(declaration.name, ctx)));
      continue;
    }
    const bounds: [string, ts.Expression | undefined][] = [["lower bound", level.lower], ["upper bound", level.upper], ["step", level.step.expression]];
    for (const [what, node] of bounds) {
      if (node && !numeric(node)) ctx.report(createDiagnostic("BoundNotNumber", { what, type: typeText(node) }, spanOf(node, ctx)));
    }
  }
}

/** Type parameters of every function (or class) around the loop, outermost first. */
export function enclosingTypeParameters(node: ts.Node): ts.TypeParameterDeclaration[] {
  const out: ts.TypeParameterDeclaration[][] = [];
  for (let n = node.parent; n; n = n.parent) {
    if ((ts.isFunctionLike(n) || ts.isClassLike(n)) && n.typeParameters) out.unshift([...n.typeParameters]);
  }
  return out.flat();
}

/** Interfaces and type aliases declared inside the enclosing functions that the body's annotations use. */
export function localTypeDeclarations(body: ts.Node, loop: ts.Statement, ctx: LoopContext): ts.Node[] {
  const found = new Set<ts.Node>();
  const queue = [body];
  while (queue.length > 0) {
    for (const symbol of collectTypeReferences(queue.shift()!, ctx.checker)) {
      for (const d of symbol.declarations ?? []) {
        if (!(ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d)) || found.has(d)) continue;
        if (scopeOf(symbol, loop, ctx.sourceFile) !== "local") continue;
        found.add(d);
        queue.push(d);
      }
    }
  }
  return [...found].sort((a, b) => a.pos - b.pos);
}
