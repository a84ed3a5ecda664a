import ts from "../typescript.cjs";
import type { Directive } from "../2-parse/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { assumedFor, checkedLoopNest, enclosingTypeParameters, localTypeDeclarations, type LoopContext } from "./analyze-loop.js";
import { checkRaces } from "./races/check-races.js";
import { checkTeamRaces } from "./races/check-team-races.js";
import { checkVarEscapes } from "./var-escapes.js";
import { bindClauseVariables, type ClauseRoles } from "./clause-bindings.js";
import { checkControlFlow } from "./control-flow.js";
import { analyzeDataSharing } from "./data-sharing.js";
import { displayType } from "./display-type.js";
import { collectReferences } from "./references.js";
import { addCaptures, clauseVariables, sectionClauses, type InnerClause } from "./clause-captures.js";
import { contains, declarationOf } from "./scope.js";
import type { BoundConstruct } from "./team-constructs.js";
import { typeFamily } from "./type-family.js";
import type { Capture, LoopAnalysis, WorkshareAnalysis } from "./types.js";
import { EXCHANGE_OUTPUTS } from "../runtime/control.js";

/**
 * Analyses a `parallel` block (SPEC §2, §6): every thread runs it, so what it declares is private
 * to each thread; the variables of the enclosing function reach it as they reach a `parallel for`.
 * Its worksharing `for` loops (from `bound`, those bound to this block) are analysed too: their
 * private copies, and the variables of the enclosing function that they reduce or lastprivatize,
 * which every thread receives after the loop and which go back to the original after the region.
 * Returns undefined when anything in it is an error (all reported).
 */
export function analyzeParallelBlock(directive: Directive, bound: readonly BoundConstruct[], ctx: LoopContext): LoopAnalysis | undefined {
  let errors = 0;
  const report = (d: Diagnostic) => {
    if (d.category === "error") errors++;
    ctx.report(d);
  };
  const local = { ...ctx, report };
  const block = directive.statement as ts.Block;
  const shape = { levels: [], body: block };
  checkControlFlow(shape, local);
  checkVarEscapes(block, "parallel block", local);
  const roles = bindClauseVariables(directive.clauses, block, [], ctx.checker, report);
  const typeParameters = enclosingTypeParameters(block);
  const localTypes = localTypeDeclarations(block, block, ctx);
  const declaredTypeNames = new Set([...typeParameters.map((t) => t.name.text), ...localTypes.map((t) => (t as ts.InterfaceDeclaration).name.text)]);
  const isThreadPrivate = (symbol: ts.Symbol) => contains(block, declarationOf(symbol)!) || (roles.get(symbol)?.clauses.has("shared") === false);

  const workshares: WorkshareAnalysis[] = [];
  const privatized = new Map<ts.Node, Set<ts.Symbol>>();
  const needed = new Map<ts.Symbol, ts.Node>();
  const teamOutputs = new Map<ts.Symbol, string>();
  // The team constructs bound to this block.
  const constructs = bound.filter((b) => b.parallel === directive).map((b) => b.directive);
  for (const ws of constructs.filter((d) => d.name === "for" || d.name === "for simd")) {
    const analysis = analyzeWorkshare(ws, block, isThreadPrivate, { ...local, declaredTypeNames });
    if (!analysis) continue;
    // The names a `for` privatizes are its own inside its body, also when the `for` has errors (reported already).
    privatized.set(analysis.body, new Set(analysis.roles.keys()));
    if (!analysis.loop) continue;
    workshares.push(analysis.loop);
    for (const [symbol, role] of analysis.roles) {
      if (isThreadPrivate(symbol)) continue;
      if (role.clauses.has("firstprivate") || role.clauses.has("reduction") || role.clauses.has("lastprivate")) needed.set(symbol, analysis.loop.statement);
      if (role.clauses.has("reduction") || role.clauses.has("lastprivate")) teamOutputs.set(symbol, symbol.name);
    }
  }

  // The threads evaluate the clause expressions of the constructs inside (`filter(t)`, a `for`'s chunk size) and the block's array sections.
  const inner: InnerClause[] = sectionClauses(directive, block);
  for (const construct of constructs) {
    for (const clause of construct.clauses) {
      const value = clause.kind === "filter" ? clause.value : clause.kind === "schedule" ? clause.chunk : undefined;
      if (value) inner.push({ value, at: construct.statement!, clause: clause.kind });
    }
  }
  for (const [symbol, at] of clauseVariables(inner, block, ctx.checker, report)) needed.set(symbol, at);

  // `shared(sum)` on the block, as OpenMP code writes it for a variable that a `for` inside reduces: the threads hand it to each other.
  for (const symbol of teamOutputs.keys()) roles.get(symbol)?.clauses.delete("shared");

  const references = collectReferences(block, ctx.checker).filter((r) => ![...privatized].some(([body, symbols]) => symbols.has(r.symbol) && contains(body, r.node)));
  const sharing = analyzeDataSharing(block, references, roles, directive.clauses.some((c) => c.kind === "default" && c.value === "none"), { ...local, loop: block, declaredTypeNames });
  const captures: Capture[] = [...sharing.captures];
  addCaptures(captures, needed, ctx.checker, ctx.types, declaredTypeNames);
  if (errors > 0) return undefined;
  checkTeamRaces(block, constructs, workshares, new Set(sharing.arrayReductions.map((a) => a.symbol)), new Set(teamOutputs.keys()), isThreadPrivate, local);
  if (errors > 0) return undefined;
  return {
    directive,
    statement: block,
    shape,
    schedule: { kind: "static", chunk: undefined, modifier: undefined },
    numThreads: directive.clauses.find((c) => c.kind === "num_threads")?.value,
    ifCondition: directive.clauses.find((c) => c.kind === "if")?.value,
    captures,
    reductions: sharing.reductions,
    arrayReductions: sharing.arrayReductions,
    privates: sharing.privates,
    carriedLocals: sharing.carriedLocals,
    localTypes,
    typeParameters,
    moduleReferences: sharing.moduleReferences,
    mayThrow: false,
    trackedAssignments: [],
    workshares: workshares.sort((a, b) => a.statement.pos - b.statement.pos),
    teamOutputs: [...teamOutputs.keys()].map((symbol) => ({ name: symbol.name, symbol })),
  };
}

/**
 * A worksharing `for` of a `parallel` block: its loop nest, and the variables its clauses name.
 * A variable private to each thread of the block (declared in it, or private there) may be
 * private or firstprivate in the loop, not reduced or lastprivatized (OpenMP: it is not shared);
 * a variable of the enclosing function may be reduced or lastprivatized when it is a number or a
 * boolean, which the threads can hand each other.
 */
function analyzeWorkshare(
  directive: Directive,
  block: ts.Block,
  isThreadPrivate: (s: ts.Symbol) => boolean,
  ctx: LoopContext & { declaredTypeNames: ReadonlySet<string> },
): { loop: WorkshareAnalysis | undefined; roles: Map<ts.Symbol, ClauseRoles>; body: ts.Statement } | undefined {
  let errors = 0;
  const report = (d: Diagnostic) => {
    if (d.category === "error") errors++;
    ctx.report(d);
  };
  const local = { ...ctx, report };
  const shape = checkedLoopNest(directive, local);
  if (!shape) return undefined;
  const loop = shape.levels[0]!.loop;
  const roles = bindClauseVariables(directive.clauses, loop, shape.levels.map((l) => l.variable), ctx.checker, report);
  for (const [symbol, role] of roles) {
    const shared = role.clauses.has("reduction") ? "reduction" : role.clauses.has("lastprivate") ? "lastprivate" : undefined;
    if (shared && isThreadPrivate(symbol)) report(createDiagnostic("WorkshareVariablePrivate", { name: symbol.name, clause: shared }, role.span));
  }
  const references = collectReferences(shape.body, ctx.checker).filter((r) => roles.has(r.symbol));
  const sharing = analyzeDataSharing(shape.body, references, roles, false, { ...local, loop });
  const lastprivates: WorkshareAnalysis["lastprivates"][number][] = [];
  for (const p of sharing.privates.filter((p) => p.last)) {
    const type = ctx.checker.getTypeOfSymbolAtLocation(p.symbol, loop);
    const family = typeFamily(type, ctx.checker);
    if (family !== "number" && family !== "boolean") report(createDiagnostic("WorkshareOutputType", { name: p.name, type: displayType(ctx.checker, type), clause: "lastprivate" }, roles.get(p.symbol)!.span));
    else if (p.last === "last-assignment") report(createDiagnostic("WorkshareLastAssignment", { name: p.name, conditional: roles.get(p.symbol)!.conditional }, roles.get(p.symbol)!.span));
    else lastprivates.push({ name: p.name, symbol: p.symbol, typeText: p.typeText, firstprivate: p.initialized });
  }
  for (const r of sharing.arrayReductions) report(createDiagnostic("ArrayReductionNotSupportedYet", { item: r.name }, roles.get(r.symbol)!.span));
  for (const r of sharing.reductions) {
    if (r.type === "bigint") report(createDiagnostic("WorkshareOutputType", { name: r.name, type: "bigint", clause: "reduction" }, roles.get(r.symbol)!.span));
  }
  const outputs = sharing.reductions.length + lastprivates.length;
  if (outputs > EXCHANGE_OUTPUTS) report(createDiagnostic("WorkshareTooManyOutputs", { count: outputs, limit: EXCHANGE_OUTPUTS }, directive.span));
  if (errors > 0) return { loop: undefined, roles, body: shape.body };
  checkRaces(shape, new Set(sharing.arrayReductions.map((a) => a.symbol)), { ...local, assumed: assumedFor(directive, shape, ctx) }, block);
  if (errors > 0) return { loop: undefined, roles, body: shape.body };
  const firstprivate = new Set(sharing.captures.map((c) => c.symbol));
  const privates = [
    ...sharing.privates.filter((p) => !p.last).map((p) => ({ name: p.name, typeText: p.typeText, firstprivate: false })),
    ...sharing.captures.filter((c) => !lastprivates.some((l) => l.symbol === c.symbol)).map((c) => ({ name: c.name, typeText: c.typeText, firstprivate: true })),
  ];
  const schedule = directive.clauses.find((c) => c.kind === "schedule");
  return {
    roles,
    body: shape.body,
    loop: {
      directive,
      statement: loop,
      shape,
      schedule: { kind: schedule?.schedule ?? "static", chunk: schedule?.chunk, modifier: schedule?.modifier },
      nowait: directive.clauses.some((c) => c.kind === "nowait"),
      ordered: directive.clauses.some((c) => c.kind === "ordered"),
      privates,
      reductions: sharing.reductions,
      lastprivates: lastprivates.map((l) => ({ ...l, firstprivate: firstprivate.has(l.symbol) })),
    },
  };
}
