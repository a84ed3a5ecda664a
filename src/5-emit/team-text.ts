import type MagicString from "magic-string";
import ts from "../typescript.cjs";
import type { CallValue, TeamPlan, WorksharePlan } from "../4-plan/types.js";
import { lineIndent, multilineLiterals, reindent } from "./text-layout.js";
import { isInStatementList } from "../2-parse/parse-directives.js";
import { chunkLoop, workshareParts, type FreshVariable } from "./team-parts.js";

/**
 * Rewrites a `for` inside a `parallel` block in place (see WorksharePlan): the loop header becomes
 * the `__omp_t.forLoop(…)` call, whose bounds stay where they were written (so they keep their
 * mapping and edits), and a `while (__omp_t.next())` around a loop over the chunk; the body stays
 * where it is. Fresh copies and outputs go in a block of their own, whose lines move right.
 * Returns the range of the header it replaced.
 */
export function rewriteWorkshare(ms: MagicString, w: WorksharePlan, sourceFile: ts.SourceFile, shift: number): [number, number] {
  const text = sourceFile.text;
  ms.overwrite(w.directiveAt, w.directiveAt + 4, "tsomp:");
  const start = w.statement.getStart(sourceFile);
  const indent = shifted(lineIndent(text, start), shift);
  const parts = workshareParts(w);
  const wrapped = parts.declarations.length > 0 || parts.handOver.length > 0;
  const inner = wrapped ? `${indent}  ` : indent;
  const levels = w.analysis.shape.levels;
  const body = w.analysis.shape.body;

  let cursor = start;
  const list = isInStatementList(w.statement);
  let pending = `${list ? "" : "{ "}${parts.copies.map((c) => `const ${c.copy} = ${c.name};\n${indent}`).join("")}__omp_t.forLoop(${w.loop}`;
  for (const value of w.values) {
    if (value.kind !== "expression" || value.clause) {
      pending += `, ${valueText(value)}`;
      continue;
    }
    ms.overwrite(cursor, value.node.getStart(sourceFile), `${pending}, ${value.negated ? "-(" : ""}`);
    cursor = value.node.end;
    pending = value.negated ? ")" : "";
  }
  let head = `${pending});\n${indent}`;
  if (wrapped) head += `{\n${parts.declarations.map((d) => `${inner}${declarationText(d)}\n`).join("")}${inner}`;
  const loop = chunkLoop(levels);
  head += `while (__omp_t.next()) ${loop.outer.length > 0 ? `{ ${loop.outer.map((o) => `const ${o.name} = __omp_t.index[${o.index}]; `).join("")}` : ""}`;
  head += `${loop.labels.map((l) => `${l}: `).join("")}for (let ${loop.variable} = __omp_t.lo, __omp_end = __omp_t.hi; ${loop.variable} ${loop.test} __omp_end; ${loop.update}) `;
  ms.overwrite(cursor, body.getStart(sourceFile), head);
  // A collapsed loop written with braces around the loop it holds: those braces go (the header's `{` went above).
  for (let d = 1; d < levels.length; d++) {
    const holder = levels[d - 1]!.loop.statement;
    if (ts.isBlock(holder)) ms.remove(levels[d]!.loop.end, holder.end);
  }
  if (wrapped) reindent(ms, text, body.getStart(sourceFile), body.end, 2, multilineLiterals(sourceFile, body.getStart(sourceFile), body.end));
  let tail = loop.outer.length > 0 ? " }" : "";
  if (wrapped) tail += `\n${parts.handOver.map((h) => `${inner}__omp_t.${h.method}(${h.slot}, ${h.name});\n`).join("")}${indent}}`;
  if (parts.barrier) tail += `\n${indent}__omp_t.barrier();`;
  for (const r of parts.results) tail += `\n${indent}${r.name} = __omp_t.loopResult(${r.slot}, ${r.name});`;
  ms.appendLeft(body.end, list ? tail : `${tail} }`);
  return [start, body.getStart(sourceFile)];
}

/** `let x!: T;`, `let x = __omp_0_x;`, `let sum: number = 0;` */
function declarationText(d: FreshVariable): string {
  if (d.init.kind === "none") return `let ${d.name}!: ${d.typeText};`;
  if (d.init.kind === "copy") return `let ${d.name} = ${d.init.from};`;
  const value = d.init.value;
  return `let ${d.name}: ${d.typeText} = ${value}${typeof value === "bigint" ? "n" : ""};`;
}

/** A `forLoop` value as text: a literal, or a clause's expression (the loop's own bounds stay in place). */
function valueText(value: CallValue): string {
  if (value.kind === "number") return String(value.value);
  if (value.kind === "expression") return value.negated ? `-(${value.text})` : value.text;
  throw new Error(`[tsomp] internal error: a forLoop value of kind ${value.kind}`);
}

/**
 * A `barrier` becomes `__omp_t.barrier();` on the line after its comment; `single` guards its
 * block with `if (__omp_t.single())` and adds the barrier after it unless `nowait`; `masked`
 * guards its block with `if (__omp_t.masked(filter))`.
 */
export function rewriteTeamConstruct(ms: MagicString, c: TeamPlan, sourceFile: ts.SourceFile, shift: number): void {
  const text = sourceFile.text;
  ms.overwrite(c.directiveAt, c.directiveAt + 4, "tsomp:");
  if (c.kind === "barrier") {
    ms.appendLeft(c.commentEnd, `\n${shifted(lineIndent(text, c.directiveAt), shift)}__omp_t.barrier();`);
    return;
  }
  const start = c.statement.getStart(sourceFile);
  const guard = c.kind === "single" ? "__omp_t.single()" : `__omp_t.masked(${c.filter?.text ?? "0"})`;
  const barrier = c.kind === "single" && !c.nowait;
  if (!barrier) {
    ms.prependRight(start, `if (${guard}) `);
    return;
  }
  const list = isInStatementList(c.statement);
  ms.prependRight(start, `${list ? "" : "{ "}if (${guard}) `);
  ms.appendLeft(c.statement.end, list ? `\n${shifted(lineIndent(text, start), shift)}__omp_t.barrier();` : " __omp_t.barrier(); }");
}

/** An indentation moved right by `shift` columns (left, if negative), as the lines around it move in the worker factory. */
function shifted(indent: string, shift: number): string {
  return shift >= 0 ? indent + " ".repeat(shift) : indent.slice(Math.min(-shift, indent.length));
}
