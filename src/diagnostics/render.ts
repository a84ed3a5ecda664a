import type { Diagnostic, Span } from "./diagnostic.js";
import { formatCode } from "./messages.js";

/** How to render: where to find source text, and whether to colour the output for a terminal. */
export interface RenderOptions {
  /** The text of a file named in a diagnostic; undefined renders the header without a code frame. */
  readonly getText: (file: string) => string | undefined;
  readonly color?: boolean;
}

/** A 1-based line and column, as tsc prints them. */
export interface LineAndColumn {
  readonly line: number;
  readonly column: number;
}

/** Converts an offset into a 1-based line and column of `text`. */
export function lineAndColumn(text: string, offset: number): LineAndColumn {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const paint = (on: boolean | undefined, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
const categoryColor = { error: "91", warning: "93", note: "94" } as const;

/** Renders `file(line,col)` for a span, or just the file when its text is unknown. */
function location(span: Span, text: string | undefined): string {
  if (text === undefined) return span.file;
  const { line, column } = lineAndColumn(text, span.start);
  return `${span.file}(${line},${column})`;
}

/** The lines of `text` that a span covers, each with the span's columns underlined by `~`. */
export function codeFrame(text: string, start: number, length: number, color?: boolean): string {
  const end = Math.min(text.length, start + Math.max(length, 1));
  const first = lineAndColumn(text, start).line;
  const last = lineAndColumn(text, Math.max(start, end - 1)).line;
  const lines = text.split("\n");
  const width = String(last).length;
  const out: string[] = [];
  let offset = lines.slice(0, first - 1).reduce((n, l) => n + l.length + 1, 0);
  for (let n = first; n <= last; n++) {
    const raw = (lines[n - 1] ?? "").replace(/\r$/, "");
    if (n - first === 3 && last - first > 5) {
      out.push(`${" ".repeat(width)}   …`);
      offset = lines.slice(0, last - 1).reduce((k, l) => k + l.length + 1, 0);
      n = last - 1;
      continue;
    }
    const from = Math.max(0, start - offset);
    const to = Math.min(raw.length, end - offset);
    const pad = raw.slice(0, from).replace(/[^\t]/g, " ");
    const marks = "~".repeat(Math.max(1, to - from));
    out.push(`${paint(color, "7", String(n).padStart(width))}   ${raw}`);
    out.push(`${" ".repeat(width)}   ${pad}${paint(color, "91", marks)}`);
    offset += (lines[n - 1] ?? "").length + 1;
  }
  return out.join("\n");
}

/** Renders one diagnostic like tsc (`a.ts(12,9): error OMP3001: …`), then a code frame, then its notes. */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions): string {
  const text = options.getText(d.file);
  const head = `${location(d, text)}: ${paint(options.color, categoryColor[d.category], d.category)} ${formatCode(d.code)}: ${d.message}`;
  const parts = [head];
  if (text !== undefined) parts.push("", codeFrame(text, d.start, d.length, options.color));
  for (const r of d.related ?? []) {
    const relatedText = options.getText(r.file);
    parts.push("", `  ${location(r, relatedText)}: ${r.message}`);
    if (relatedText !== undefined) parts.push(indent(codeFrame(relatedText, r.start, r.length, options.color)));
  }
  return parts.join("\n");
}

const indent = (s: string) => s.replace(/^/gm, "  ");

/** Renders a list of diagnostics separated by blank lines, ending with a newline (empty for none). */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  return diagnostics.map((d) => renderDiagnostic(d, options) + "\n").join("\n");
}

/** Counts errors and warnings as the CLI's last line says it, e.g. `2 errors, 1 warning`. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (c: string) => diagnostics.filter((d) => d.category === c).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return `${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}`;
}
