import MagicString, { Bundle, type SourceMap } from "magic-string";
import ts from "../typescript.cjs";
import type { ConstantAccess } from "../3-analyze/const-enum.js";
import type { SharedAllocation } from "../3-analyze/shared-allocation.js";
import type { AtomicPlan, CallValue, ModulePlan, RegionPlan } from "../4-plan/types.js";
import { FACTORY_COMMENT } from "./factory-comment.js";
import { Pieces } from "./pieces.js";
import { blockShift, copyDeclaration, regionText, type RegionTextContext } from "./region-text.js";
import { rewriteTeamConstruct, rewriteWorkshare } from "./team-text.js";
import { lineIndent } from "./text-layout.js";

/** Printed output: TypeScript text and a source map back to the original. */
export interface TextOutput {
  readonly code: string;
  readonly map: SourceMap;
}

/**
 * Prints a module plan as TypeScript text with magic-string. Every edit is made against the
 * original offsets: loops are removed and replaced by calls, their bodies are snipped into the
 * worker factory at the end of the file, so the user's code keeps its mapping to the source.
 */
export function emitText(plan: ModulePlan, sourceFile: ts.SourceFile, file: string): TextOutput {
  const text = sourceFile.text;
  const ms = new MagicString(text, { filename: file });
  const rewritten: [number, number][] = [];
  const ctx: RegionTextContext = { ms, sourceFile, file, rewritten };
  for (const at of plan.renamed) ms.overwrite(at, at + 4, "tsomp:");
  for (const constant of plan.constants) ms.overwrite(constant.node.getStart(sourceFile), constant.node.end, constantText(constant, text));
  for (const allocation of plan.allocations) rewriteAllocation(ms, allocation, sourceFile);
  for (const region of plan.regions) wrapTrackedAssignments(ms, region, sourceFile);
  for (const c of plan.criticals) guard(ms, c.statement, c.directiveAt, `__omp.enterCritical(${c.slot})`, `__omp.exitCritical(${c.slot})`, sourceFile);
  for (const o of plan.ordered) guard(ms, o.statement, o.directiveAt, `__omp_t.orderedEnter(${o.variable})`, "__omp_t.orderedExit()", sourceFile);
  for (const atomic of plan.atomics) rewriteAtomic(ms, atomic, sourceFile);
  const blocks = plan.regions.filter((r) => r.analysis.shape.levels.length === 0).map((r) => r.statement as ts.Block);
  /** The shift of the lines at `pos` in the worker factory: that of the innermost `parallel` block around it. */
  const shiftAt = (pos: number) => {
    const around = blocks.filter((b) => b.pos <= pos && pos < b.end).sort((a, b) => b.pos - a.pos)[0];
    return around ? blockShift(around, sourceFile) : 0;
  };
  for (const w of plan.workshares) rewritten.push(rewriteWorkshare(ms, w, sourceFile, shiftAt(w.directiveAt)));
  for (const c of plan.team) rewriteTeamConstruct(ms, c, sourceFile, shiftAt(c.directiveAt));
  const regionPieces = new Map<RegionPlan, Pieces>();
  for (const region of innermostFirst(plan.regions)) {
    ms.overwrite(region.directiveAt, region.directiveAt + 4, "tsomp:");
    regionPieces.set(region, regionText(region, ctx));
    const start = region.statement.getStart(sourceFile);
    ms.remove(start, region.statement.end);
    // An enclosing region's body moves its lines, but not those of this statement, which are gone.
    rewritten.push([start, region.statement.end]);
    ms.appendLeft(start, callText(region, lineIndent(text, start)));
  }
  const factory = new Pieces();
  if (plan.regions.length > 0) {
    factory.text(FACTORY_COMMENT);
    const classes = plan.classes.map((c) => c.name!.text);
    for (const name of [...classes, ...plan.values.map((v) => v.name)]) factory.text(`type __omp_type_${name} = typeof ${name};\n`);
    const parameters = [...plan.imports.map(importParameter), ...classes.map((c) => `__omp_${c}?: __omp_type_${c}`)];
    factory.text(`function __omp_regions(${parameters.join(", ")}) {\n`);
    for (const node of plan.carried) factory.text("  ").add(copyCarried(node, ctx)).text("\n");
    for (const v of plan.values) factory.text(`  let ${v.name}!: __omp_type_${v.name};\n`);
    factory.text("  return [\n");
    for (const region of plan.regions) factory.add(regionPieces.get(region)!);
    factory.text("  ];\n}\n");
  }
  insertHeader(ms, plan, sourceFile);
  const bundle = new Bundle({ separator: "" });
  bundle.addSource({ filename: file, content: ms });
  if (factory.items.length > 0 && !text.endsWith("\n")) bundle.append("\n");
  for (const piece of factory.items) {
    if (typeof piece === "string") bundle.append(piece);
    else bundle.addSource({ filename: file, content: piece });
  }
  // Every source of the bundle has content, so the map's sourcesContent holds no null.
  return { code: bundle.toString(), map: bundle.generateMap({ hires: "boundary", includeContent: true, file }) as SourceMap };
}

/**
 * A const-enum member access as tsc writes it, `5 /* Mode.B *_/`, parenthesized where needed; a
 * negative value right after a `-` or `+` gets a space, so that `x-Mode.Low` does not become `x--1`.
 */
function constantText(c: ConstantAccess, text: string): string {
  const printed = `${typeof c.value === "string" ? JSON.stringify(c.value) : String(c.value)} /* ${c.text} */`;
  if (c.parenthesized) return `(${printed})`;
  const before = text[c.node.getStart() - 1];
  return typeof c.value === "number" && c.value < 0 && (before === "-" || before === "+") ? ` ${printed}` : printed;
}

/** A carried declaration; a class is bound to thread 0's original when the factory gets it: `const C = __omp_C ?? (() => { class C { … } return C; })();`. */
function copyCarried(node: ts.Node, ctx: RegionTextContext): Pieces {
  if (!ts.isClassDeclaration(node) || !node.name) return copyDeclaration(node, "  ", ctx);
  const name = node.name.text;
  return new Pieces().text(`const ${name} = __omp_${name} ?? (() => {\n    `).add(copyDeclaration(node, "    ", ctx)).text(`\n    return ${name};\n  })();`);
}

/** `localName: typeof import("spec").name`, the factory parameter for an imported binding. */
function importParameter(i: ModulePlan["imports"][number]): string {
  const module = `typeof import(${JSON.stringify(i.specifier)})`;
  const member = i.exportName === "*" ? "" : /^[A-Za-z_$][\w$]*$/.test(i.exportName) ? `.${i.exportName}` : `[${JSON.stringify(i.exportName)}]`;
  return `${i.localName}: ${module}${member}`;
}

/** Regions nested in other regions' bodies come first, so that the outer bodies snip the edited text. */
function innermostFirst(regions: readonly RegionPlan[]): RegionPlan[] {
  const depth = (r: RegionPlan) => regions.filter((o) => o !== r && o.statement.pos <= r.statement.pos && r.statement.end <= o.statement.end).length;
  return [...regions].sort((a, b) => depth(b) - depth(a));
}

/** The statement that replaces a loop: a call, assigning the results to the loop's output variables. */
function callText(region: RegionPlan, indent: string): string {
  const call = `__omp.${region.analysis.shape.levels.length === 0 ? "parallel" : "parallelFor"}(__omp_regions, ${region.index}${region.values.map((v) => `, ${valueText(v)}`).join("")})`;
  if (region.outputs.length === 0) return `${call};`;
  if (region.outputs.length === 1) return `${region.outputs[0]!.name} = ${call};`;
  const assignments = region.outputs.map((o, i) => `${indent}  ${o.name} = __omp_out[${i}];\n`).join("");
  return `{\n${indent}  const __omp_out = ${call};\n${assignments}${indent}}`;
}

/** A call argument as source text. */
function valueText(value: CallValue): string {
  switch (value.kind) {
    case "expression":
      return value.negated ? `-(${value.text})` : value.text;
    case "number":
      return String(value.value);
    case "variable":
      return value.variable.name;
    case "array":
      return `[${value.items.map(valueText).join(", ")}]`;
  }
}

/**
 * `new Float64Array(n)` becomes `__omp.sharedArray(Float64Array, n)`, and any other expression that
 * makes a typed array becomes `__omp.shared(…)`: the same array, on shared memory.
 */
function rewriteAllocation(ms: MagicString, { node, kind }: SharedAllocation, sourceFile: ts.SourceFile): void {
  const start = node.getStart(sourceFile);
  if (kind === "copy") {
    ms.prependRight(start, "__omp.shared(");
    ms.appendLeft(node.end, ")");
    return;
  }
  const allocation = node as ts.NewExpression;
  ms.overwrite(start, allocation.expression.getStart(sourceFile), "__omp.sharedArray(");
  ms.overwrite(allocation.expression.end, allocation.arguments!.pos, ", ");
}

/** Assignments to last-assignment lastprivates also record where they happened: `(__omp_x_at = __omp_t.position(i), x = v)`. */
function wrapTrackedAssignments(ms: MagicString, region: RegionPlan, sourceFile: ts.SourceFile): void {
  for (const { node, name } of region.analysis.trackedAssignments) {
    const v = region.analysis.shape.levels[region.analysis.shape.levels.length - 1]!.variable;
    ms.prependRight(node.getStart(sourceFile), `(${region.positionVariables.get(name)} = __omp_t.position(${v}), `);
    ms.appendLeft(node.end, ")");
  }
}

/**
 * A critical or ordered construct's statement runs between two calls, however it is left:
 * `{ enter; try { … } finally { exit; } }`, a block (which stands wherever the statement stood),
 * written on the statement's own lines so that a body copied into the worker factory keeps its layout.
 */
function guard(ms: MagicString, statement: ts.Statement, directiveAt: number, enter: string, exit: string, sourceFile: ts.SourceFile): void {
  ms.overwrite(directiveAt, directiveAt + 4, "tsomp:");
  const block = ts.isBlock(statement);
  ms.prependRight(statement.getStart(sourceFile), `{ ${enter}; try ${block ? "" : "{ "}`);
  ms.appendLeft(statement.end, `${block ? "" : " }"} finally { ${exit}; } }`);
}

/**
 * An atomic construct's expression becomes a call on the same operands, edited around them so
 * that they keep their text and mapping: `a[i]++` on an integer array → `Atomics.add(a, i, 1)`
 * (an update by an integer literal whose value is unused), `a[i] += v` → `__omp.atomicUpdate(a, i, "+", v)`,
 * `a[i]++` → `__omp.atomicUpdate(a, i, "+", 1)` (`atomicFetch` when a capture uses the old
 * value), `a[i] = a[i] * v` → `__omp.atomicUpdate(a, i, "*", v)`, `v = a[i]` → `v = __omp.atomicLoad(a, i)`,
 * `a[i] = v` → `__omp.atomicStore(a, i, v)`.
 */
function rewriteAtomic(ms: MagicString, atomic: AtomicPlan, sourceFile: ts.SourceFile): void {
  ms.overwrite(atomic.directiveAt, atomic.directiveAt + 4, "tsomp:");
  const { array, index, access } = atomic.target;
  const e = atomic.expression;
  const arrayStart = array.getStart(sourceFile);
  const operation = atomic.operation;
  const direct = operation.kind === "update" ? operation.direct : undefined;
  const callee = direct ? `Atomics.${direct}` : `__omp.${operation.kind === "load" ? "atomicLoad" : operation.kind === "store" ? "atomicStore" : operation.fetch ? "atomicFetch" : "atomicUpdate"}`;
  if (arrayStart > e.getStart(sourceFile)) ms.overwrite(e.getStart(sourceFile), arrayStart, `${callee}(`);
  else ms.prependRight(arrayStart, `${callee}(`);
  ms.overwrite(array.end, index.getStart(sourceFile), ", ");
  if (operation.kind === "load") {
    ms.overwrite(index.end, access.end, ")");
    return;
  }
  const operator = operation.kind === "update" && !direct ? `"${operation.operator}", ` : "";
  if (typeof operation.value === "string") {
    ms.overwrite(index.end, e.end, `, ${operator}${operation.value})`);
    return;
  }
  const value = operation.value;
  ms.overwrite(index.end, value.getStart(sourceFile), `, ${operator}`);
  if (value.end < e.end) ms.overwrite(value.end, e.end, ")");
  else ms.appendLeft(value.end, ")");
}

/** Adds `import * as __omp from "tsomp/runtime"` and the registration of the module's regions. */
function insertHeader(ms: MagicString, plan: ModulePlan, sourceFile: ts.SourceFile): void {
  if (plan.regions.length === 0 && plan.allocations.length === 0 && plan.criticals.length === 0 && plan.atomics.length === 0) return;
  const statements = sourceFile.statements;
  const first = statements[0];
  const importLine = `import * as __omp from ${JSON.stringify(plan.runtimeSpecifier)};\n`;
  const at = first ? first.getStart(sourceFile) : 0;
  let lastImport: ts.Statement | undefined;
  for (const s of statements) {
    if (!ts.isImportDeclaration(s) && !ts.isImportEqualsDeclaration(s)) break;
    lastImport = s;
  }
  const registration = plan.regions.length > 0 ? registrationText(plan) : "";
  if (lastImport) {
    ms.prependLeft(at, importLine);
    if (registration) ms.appendLeft(lastImport.end, `\n${registration}`);
  } else {
    ms.prependLeft(at, importLine + (registration ? `${registration}\n` : "") + (first ? "\n" : ""));
  }
}

/** `__omp.register(__omp_regions, import.meta, { imports: [[spec, name], …], bindings: () => […], classes: () => […] })`. */
function registrationText(plan: ModulePlan): string {
  const options: string[] = [];
  if (plan.imports.length > 0) {
    options.push(`imports: [${plan.imports.map((i) => `[${JSON.stringify(i.specifier)}, ${JSON.stringify(i.exportName)}]`).join(", ")}]`);
    options.push(`bindings: () => [${plan.imports.map((i) => i.localName).join(", ")}]`);
  }
  if (plan.classes.length > 0) options.push(`classes: () => [${plan.classes.map((c) => c.name!.text).join(", ")}]`);
  return `__omp.register(__omp_regions, import.meta${options.length > 0 ? `, { ${options.join(", ")} }` : ""});`;
}
