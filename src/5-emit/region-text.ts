import type MagicString from "magic-string";
import ts from "../typescript.cjs";
import type { LoopLevel } from "../3-analyze/types.js";
import type { RegionPlan } from "../4-plan/types.js";
import { lineAndColumn } from "../diagnostics/render.js";
import { Pieces } from "./pieces.js";
import { chunkLoop } from "./team-parts.js";
import { printLiteral } from "./print-info.js";
import { lineIndent, multilineLiterals, reindent } from "./text-layout.js";

/** What printing a region needs from the module printer. */
export interface RegionTextContext {
  readonly ms: MagicString;
  readonly sourceFile: ts.SourceFile;
  readonly file: string;
  /** Ranges of the original that were replaced by generated text (a `for` header in a `parallel` block): their lines are not moved. */
  readonly rewritten: readonly [number, number][];
}

const REGION = "    ";
const ARGUMENT = "      ";
const INNER = "        ";

/**
 * Prints one region as an element of the factory's array:
 * `__omp.region({ …info… }, (__omp_t: __omp.Thread, …captures) => { prologue; while (__omp_t.next()) for (…) { body } epilogue })`,
 * with the info and the function on lines of their own.
 * The body and copied local declarations are snips of the original text, so they stay mapped.
 */
export function regionText(plan: RegionPlan, ctx: RegionTextContext): Pieces {
  const a = plan.analysis;
  const out = new Pieces();
  const { line, column } = lineAndColumn(ctx.sourceFile.text, a.statement.getStart(ctx.sourceFile));
  const typeParameters = a.typeParameters.length > 0 ? `<${a.typeParameters.map((t) => t.getText(ctx.sourceFile)).join(", ")}${ctx.file.endsWith("x") ? "," : ""}>` : "";
  const parameters = ["__omp_t: __omp.Thread", ...plan.parameters.map((p) => `${p.name}: ${p.typeText}`)].join(", ");
  out.text(`${REGION}// ${ctx.file}(${line},${column}): ${a.directive.source}\n`);
  out.text(`${REGION}__omp.region(\n${ARGUMENT}${printLiteral(plan.info)},\n${ARGUMENT}${typeParameters}(${parameters}) => {\n`);
  for (const node of [...a.localTypes, ...a.carriedLocals.map((c) => c.declaration)]) {
    out.text(INNER).add(copyDeclaration(node, INNER, ctx)).text("\n");
  }
  for (const { name, parameter } of plan.moduleValueAssignments) out.text(`${INNER}${name} = ${parameter};\n`);
  for (const p of a.privates) if (!p.initialized) out.text(`${INNER}let ${p.name}!: ${p.typeText};\n`);
  for (const r of a.reductions) {
    const init = r.identity === undefined ? `__omp_t.initial(${plan.slots.get(r.name)}) as ${r.typeText}` : `${r.identity}${typeof r.identity === "bigint" ? "n" : ""}`;
    out.text(`${INNER}let ${r.name}${r.identity === undefined ? "" : `: ${r.typeText}`} = ${init};\n`);
  }
  for (const v of plan.positionVariables.values()) out.text(`${INNER}let ${v} = -1;\n`);
  for (const a of plan.arrays) out.text(`${INNER}const ${a.name} = __omp_t.arrayReduction(${[String(a.slot), a.parameter, ...a.bounds.map((b) => b.text)].join(", ")});\n`);
  const levels = a.shape.levels;
  if (levels.length === 0) out.add(blockBody(a.shape.body as ts.Block, ctx));
  else {
    out.text(`${INNER}while (__omp_t.next()) {\n`);
    levels.slice(0, -1).forEach((level, d) => out.text(`${INNER}  const ${level.variable} = __omp_t.index[${d}];\n`));
    out.add(innermostLoop(plan, levels, ctx));
    out.text(`${INNER}}\n`);
  }
  if (plan.arrays.length > 0) out.text(`${INNER}__omp_t.reduceArrays();\n`);
  for (const [name, slot] of plan.slots) {
    const isReduction = a.reductions.some((r) => r.name === name);
    const position = plan.positionVariables.get(name);
    if (isReduction) out.text(`${INNER}__omp_t.reduce(${slot}, ${name});\n`);
    else if (a.teamOutputs.some((t) => t.name === name)) out.text(`${INNER}__omp_t.keep(${slot}, ${name});\n`);
    else if (position) out.text(`${INNER}__omp_t.lastAssigned(${slot}, ${name}, ${position});\n`);
    else out.text(`${INNER}__omp_t.last(${slot}, ${name});\n`);
  }
  out.text(`${ARGUMENT}},\n${REGION}),\n`);
  return out;
}

/** A `parallel` block's statements, which every thread runs, in a block of their own. */
function blockBody(block: ts.Block, ctx: RegionTextContext): Pieces {
  const out = new Pieces();
  const open = block.getStart(ctx.sourceFile) + 1;
  const close = block.end - 1;
  return out.text(`${INNER}{`).snip(snip(ctx, open, close, blockShift(block, ctx.sourceFile))).text("}\n");
}

/** How many columns the lines of a `parallel` block move right (or left, if negative) in the worker factory. */
export function blockShift(block: ts.Block, sourceFile: ts.SourceFile): number {
  const first = block.statements[0];
  return first ? INNER.length + 2 - lineIndent(sourceFile.text, first.getStart(sourceFile)).length : 0;
}

/** `for (let v = __omp_t.lo, __omp_end = __omp_t.hi; v < __omp_end; v++) { __omp_t.at = v; …body… }` */
function innermostLoop(plan: RegionPlan, levels: readonly LoopLevel[], ctx: RegionTextContext): Pieces {
  const out = new Pieces();
  const { variable: v, test, update, labels } = chunkLoop(levels);
  const bodyIndent = `${INNER}    `;
  out.text(`${INNER}  ${labels.map((l) => `${l}: `).join("")}for (let ${v} = __omp_t.lo, __omp_end = __omp_t.hi; ${v} ${test} __omp_end; ${update}) {`);
  const body = plan.analysis.shape.body;
  const text = ctx.sourceFile.text;
  const record = plan.analysis.mayThrow ? `__omp_t.at = ${v};` : "";
  if (ts.isBlock(body)) {
    const open = body.getStart(ctx.sourceFile) + 1;
    const close = body.end - 1;
    const inner = text.slice(open, close);
    if (!inner.includes("\n")) {
      if (record) out.text(` ${record}`);
      return out.snip(snip(ctx, open, close, 0)).text(`}\n`);
    }
    const first = body.statements[0];
    const delta = bodyIndent.length - (first ? lineIndent(text, first.getStart(ctx.sourceFile)).length : bodyIndent.length);
    if (record) out.text(`\n${bodyIndent}${record}`);
    return out.snip(snip(ctx, open, close, delta)).text(`}\n`);
  }
  const start = body.getStart(ctx.sourceFile);
  const delta = bodyIndent.length - lineIndent(text, start).length;
  if (record) out.text(`\n${bodyIndent}${record}`);
  return out.text(`\n${bodyIndent}`).snip(snip(ctx, start, body.end, delta)).text(`\n${INNER}  }\n`);
}

/** A snip of the (edited) original between two offsets, with its lines moved by `delta` columns. */
export function snip(ctx: RegionTextContext, start: number, end: number, delta: number): MagicString {
  const s = ctx.ms.snip(start, end);
  reindent(s, ctx.sourceFile.text, start, end, delta, [...multilineLiterals(ctx.sourceFile, start, end), ...ctx.rewritten]);
  return s;
}

/** A declaration copied from the original, without `export`/`default`, re-indented to `indent`. */
export function copyDeclaration(node: ts.Node, indent: string, ctx: RegionTextContext): Pieces {
  const out = new Pieces();
  const text = ctx.sourceFile.text;
  const delta = indent.length - lineIndent(text, node.getStart(ctx.sourceFile)).length;
  if (ts.isVariableDeclaration(node)) {
    return out.text("const ").snip(snip(ctx, node.getStart(ctx.sourceFile), node.end, delta)).text(";");
  }
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  const exported = modifiers.filter((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword);
  let start = exported.length > 0 ? exported[exported.length - 1]!.end : node.getStart(ctx.sourceFile);
  while (/\s/.test(text[start]!)) start++;
  return out.snip(snip(ctx, start, node.end, delta));
}
