import type MagicString from "magic-string";
import ts from "../typescript.cjs";

/** The white space at the start of the line that holds `pos`. */
export function lineIndent(text: string, pos: number): string {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Ranges of string and template literals that span lines: their line breaks are content, not layout. */
export function multilineLiterals(sourceFile: ts.SourceFile, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (node.end <= start || node.pos >= end) return;
    if (ts.isTemplateLiteral(node) || ts.isStringLiteral(node)) {
      const s = node.getStart(sourceFile);
      if (sourceFile.text.slice(s, node.end).includes("\n")) out.push([s, node.end]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

/**
 * Moves the lines of `ms` in (start, end) left or right by `delta` columns, editing against the
 * original offsets so that source maps still point at the user's text. The first line (which
 * starts before `start`) and lines inside multi-line literals are left alone.
 */
export function reindent(ms: MagicString, text: string, start: number, end: number, delta: number, keep: readonly [number, number][]): void {
  if (delta === 0) return;
  for (let nl = text.indexOf("\n", start); nl !== -1 && nl < end - 1; nl = text.indexOf("\n", nl + 1)) {
    const lineStart = nl + 1;
    if (keep.some(([a, b]) => lineStart > a && lineStart < b)) continue;
    if (delta > 0) {
      if (text[lineStart] !== "\n" && text[lineStart] !== "\r") ms.prependRight(lineStart, " ".repeat(delta));
      continue;
    }
    let n = 0;
    while (n < -delta && lineStart + n < end && (text[lineStart + n] === " " || text[lineStart + n] === "\t")) n++;
    if (n > 0) ms.remove(lineStart, lineStart + n);
  }
}
