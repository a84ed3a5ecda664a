import ts from "../typescript.cjs";
import type { ClauseExpression } from "../2-parse/ast.js";
import { declarationOf } from "../3-analyze/scope.js";
import type { ModuleAnalysis } from "../3-analyze/module-analysis.js";
import type { AtomicAnalysis } from "../3-analyze/analyze-atomic.js";
import type { CriticalAnalysis } from "../3-analyze/analyze-critical.js";
import type { OrderedAnalysis } from "../3-analyze/analyze-ordered.js";
import type { SharedAllocation } from "../3-analyze/shared-allocation.js";
import { barrierContainer, type BoundConstruct } from "../3-analyze/team-constructs.js";
import type { LoopAnalysis, LoopLevel, LoopShape, Step, WorkshareAnalysis } from "../3-analyze/types.js";
import { lineAndColumn } from "../diagnostics/render.js";
import type { LoopInfo, OutputInfo, RegionInfo } from "../runtime/abi.js";
import { MAX_POSITIONAL } from "../runtime/arguments.js";
import type { CallValue, ModulePlan, Parameter, RegionPlan, TeamPlan, VariableRef, WorksharePlan } from "./types.js";

/** The inputs of planning one module. */
export interface PlanInput {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly loops: readonly LoopAnalysis[];
  readonly criticals: readonly CriticalAnalysis[];
  readonly atomics: readonly AtomicAnalysis[];
  readonly ordered: readonly OrderedAnalysis[];
  readonly teamConstructs: readonly BoundConstruct[];
  readonly module: ModuleAnalysis;
  readonly allocations: readonly SharedAllocation[];
  readonly accepted: readonly number[];
  readonly runtimeSpecifier: string;
}

/** Turns the analyses of one module into a plan: region numbers, call arguments, parameters, slots. */
export function planModule(input: PlanInput): ModulePlan {
  const regions = input.loops.map((loop, index) => planRegion(loop, index, input));
  return {
    regions,
    imports: input.module.imports,
    carried: input.module.carried,
    classes: input.module.carried.filter((n): n is ts.ClassDeclaration => ts.isClassDeclaration(n) && n.name !== undefined),
    values: input.module.values,
    constants: input.module.constants,
    allocations: input.allocations,
    criticals: input.criticals.map((c) => ({ statement: c.statement, directiveAt: c.directive.span.start, slot: c.slot })),
    atomics: input.atomics.map((a) => ({ ...a, directiveAt: a.directive.span.start })),
    ordered: input.ordered.map((o) => ({ statement: o.statement, directiveAt: o.directive.span.start, variable: o.variable })),
    workshares: input.loops.flatMap((region) => region.workshares.map((w, index) => planWorkshare(w, index))),
    team: input.teamConstructs.flatMap(({ directive }): TeamPlan[] => {
      const directiveAt = directive.span.start;
      if (directive.name === "barrier") return [{ kind: "barrier", directiveAt, source: directive.source, follower: directive.statement, commentEnd: directive.comment.end, container: barrierContainer(directive, input.sourceFile) }];
      if (directive.name === "single") return [{ kind: "single", directiveAt, statement: directive.statement as ts.Block, nowait: directive.clauses.some((c) => c.kind === "nowait") }];
      if (directive.name === "masked" || directive.name === "master") {
        const filter = directive.clauses.find((c) => c.kind === "filter");
        return [{ kind: "masked", directiveAt, statement: directive.statement as ts.Block, filter: filter?.kind === "filter" ? filter.value : undefined }];
      }
      return [];
    }),
    renamed: input.accepted,
    runtimeSpecifier: input.runtimeSpecifier,
  };
}

function planRegion(loop: LoopAnalysis, index: number, input: PlanInput): RegionPlan {
  const at = location(loop.statement, input);
  const moduleValues = input.module.valuesByLoop.get(loop) ?? [];
  const outputs: OutputInfo[] = [
    ...loop.reductions.map((r): OutputInfo => ({ name: r.name, reduce: r.operator, type: r.type })),
    ...loop.privates.filter((p) => p.last).map((p): OutputInfo => ({ name: p.name, last: p.last === "last-iteration" ? "iteration" : "assignment" })),
    ...loop.teamOutputs.map((t): OutputInfo => ({ name: t.name, last: "team" })),
  ];
  const outputVariables: VariableRef[] = [
    ...loop.reductions.map((r) => variable(r.symbol)),
    ...loop.privates.filter((p) => p.last).map((p) => variable(p.symbol)),
    ...loop.teamOutputs.map((t) => variable(t.symbol)),
  ];
  const captured: VariableRef[] = [
    ...loop.captures.map((c) => variable(c.symbol)),
    ...moduleValues.map((v) => ({ name: v.name, declaration: v.declaration as ts.Declaration })),
  ];
  const captureNames = captured.map((c) => c.name);
  const chunk = loop.schedule.chunk;
  const values: CallValue[] = [
    ...clauseValue(loop.ifCondition),
    ...clauseValue(loop.numThreads),
    ...(chunk && chunk.literal === undefined ? clauseValue(chunk) : []),
    ...loop.shape.levels.flatMap((l) => [expression(l.lower), expression(l.upper), stepValue(l.step)]),
    ...[...outputVariables, ...captured].map((v): CallValue => ({ kind: "variable", variable: v })),
  ];
  const spill = values.length > MAX_POSITIONAL;
  const block = loop.shape.levels.length === 0;
  const info: RegionInfo = {
    ...(block ? { at } : loopInfo(loop, at)),
    ...(loop.ifCondition ? { if: true } : {}),
    ...(loop.numThreads ? { numThreads: true } : {}),
    ...(outputs.length > 0 ? { outputs } : {}),
    captures: captureNames,
    ...(loop.mayThrow ? { tracks: true } : {}),
    ...(spill ? { spill: true } : {}),
    ...(loop.workshares.length > 0 ? { loops: loop.workshares.map((w) => workshareInfo(w, input)) } : {}),
    ...(loop.arrayReductions.length > 0 ? { arrays: loop.arrayReductions.map((a) => ({ name: a.name, reduce: a.operator })) } : {}),
  };
  if (spill) values.splice(MAX_POSITIONAL - 1, values.length, { kind: "array", items: values.slice(MAX_POSITIONAL - 1) });
  const reduced = new Set(loop.arrayReductions.map((a) => a.symbol));
  const parameters: Parameter[] = [
    ...loop.captures.map((c) => ({ name: reduced.has(c.symbol) ? `__omp_${c.name}` : c.name, typeText: c.typeText })),
    ...moduleValues.map((v) => ({ name: `__omp_${v.name}`, typeText: `__omp_type_${v.name}` })),
  ];
  const tracked = loop.privates.filter((p) => p.last === "last-assignment");
  return {
    index,
    analysis: loop,
    statement: block ? loop.statement : labelled(loop.shape.levels[0]!),
    directiveAt: loop.directive.span.start,
    info,
    values,
    outputs: outputVariables,
    parameters,
    moduleValueAssignments: moduleValues.map((v) => ({ name: v.name, parameter: `__omp_${v.name}` })),
    positionVariables: new Map(tracked.map((p) => [p.name, `__omp_${p.name}_at`])),
    slots: new Map(outputs.map((o, slot) => [o.name, slot])),
    arrays: loop.arrayReductions.map((a, slot) => {
      const lower = a.section?.lower;
      const length = a.section?.length;
      const zero: ClauseExpression = { text: "0", span: { file: input.file, start: 0, length: 0 }, node: ts.factory.createNumericLiteral(0), literal: 0 };
      return { name: a.name, parameter: `__omp_${a.name}`, slot, bounds: length ? [lower ?? zero, length] : lower ? [lower] : [] };
    }),
  };
}

/** `file:line:column` of a construct's statement. */
function location(statement: ts.Node, input: PlanInput): string {
  const { line, column } = lineAndColumn(input.sourceFile.text, statement.getStart(input.sourceFile));
  return `${input.file}:${line}:${column}`;
}

/** What the runtime is told of a loop: its variables and tests, its schedule, whether it is ordered. */
function loopInfo(loop: { readonly shape: LoopShape; readonly schedule: LoopAnalysis["schedule"]; readonly directive: LoopAnalysis["directive"] }, at: string): LoopInfo {
  const chunk = loop.schedule.chunk;
  return {
    at,
    vars: loop.shape.levels.map((l) => l.variable),
    tests: loop.shape.levels.map((l) => l.relation),
    ...(loop.schedule.kind !== "static" ? { schedule: loop.schedule.kind } : {}),
    ...(chunk ? { chunk: chunk.literal ?? "arg" } : {}),
    ...nonmonotonic(loop.schedule),
    ...(loop.directive.clauses.some((c) => c.kind === "ordered") ? { ordered: true } : {}),
  };
}

/** A `for` of a `parallel` block as RegionInfo.loops describes it: its loop, and its outputs. */
function workshareInfo(w: WorkshareAnalysis, input: PlanInput): LoopInfo {
  const outputs: OutputInfo[] = [
    ...w.reductions.map((r): OutputInfo => ({ name: r.name, reduce: r.operator, type: r.type })),
    ...w.lastprivates.map((l): OutputInfo => ({ name: l.name, last: "iteration" })),
  ];
  return { ...loopInfo(w, location(w.statement, input)), ...(outputs.length > 0 ? { outputs } : {}) };
}

/** A `for` of a `parallel` block: its number in the region, the values of its `forLoop` call, its output slots. */
function planWorkshare(w: WorkshareAnalysis, loop: number): WorksharePlan {
  const chunk = w.schedule.chunk;
  const values: CallValue[] = [
    chunk && chunk.literal === undefined ? clauseValue(chunk)[0]! : { kind: "number", value: 0 },
    ...w.shape.levels.flatMap((l) => [expression(l.lower), expression(l.upper), stepValue(l.step)]),
  ];
  const names = [...w.reductions.map((r) => r.name), ...w.lastprivates.map((l) => l.name)];
  return { analysis: w, directiveAt: w.directive.span.start, loop, values, slots: new Map(names.map((n, s) => [n, s])), statement: labelled(w.shape.levels[0]!) };
}

/** The loop statement with the labels written on it (the labels move into the region). */
function labelled(level: LoopLevel): ts.Statement {
  let s: ts.Statement = level.loop;
  for (let i = 0; i < level.labels.length; i++) s = s.parent as ts.Statement;
  return s;
}

/** A variable named at the call, by its symbol. */
function variable(symbol: ts.Symbol): VariableRef {
  return { name: symbol.name, declaration: declarationOf(symbol) };
}

/** A clause's expression as a call value, or nothing when the clause is absent. */
function clauseValue(clause: ClauseExpression | undefined): CallValue[] {
  return clause ? [{ kind: "expression", node: clause.node, text: clause.text, clause: true, negated: false }] : [];
}

/** A bound or step of the loop as a call value. */
function expression(node: ts.Expression, negated = false): CallValue {
  return { kind: "expression", node, text: node.getText(), clause: false, negated };
}

/** The step's value: the literal (`1` for `++`), or the expression, negated for `-= s`. */
function stepValue(step: Step): CallValue {
  return step.literal !== undefined ? { kind: "number", value: step.literal } : expression(step.expression!, step.negated);
}

/** What the region info says of the schedule's modifier: whether `dynamic` steals, and for `runtime` the modifier that overrides OMP_SCHEDULE's. */
function nonmonotonic(schedule: LoopAnalysis["schedule"]): { nonmonotonic?: boolean } {
  if (schedule.modifier === undefined || (schedule.kind !== "dynamic" && schedule.kind !== "runtime")) return {};
  if (schedule.kind === "dynamic" && schedule.modifier === "monotonic") return {};
  return { nonmonotonic: schedule.modifier === "nonmonotonic" };
}
