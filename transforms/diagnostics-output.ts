import fs from "node:fs";
import path from "node:path";
import type { CompileResult } from "../src/compile.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { lineAndColumn, renderDiagnostics, summarize } from "../src/diagnostics/render.js";
import { formatCode } from "../src/diagnostics/messages.js";

/** How diagnostics are printed: tsc-style text with code frames, or JSON for tools. */
export type DiagnosticFormat = "pretty" | "json";

/**
 * Prints the diagnostics of compiled files to stderr (pretty, ending with a count such as
 * `1 error, 0 warnings` unless `summary` is false) or stdout (json); returns the error count.
 */
export function reportDiagnostics(results: readonly CompileResult[], format: DiagnosticFormat, cwd: string, { summary = true } = {}): number {
  const all = results.flatMap((r) => r.diagnostics);
  const texts = new Map(results.map((r) => [r.file, r.sourceFile.text]));
  const getText = (file: string) => texts.get(file) ?? readOrUndefined(path.resolve(cwd, file));
  if (format === "json") {
    process.stdout.write(`${JSON.stringify(all.map((d) => toJson(d, getText(d.file))), null, 2)}\n`);
  } else if (all.length > 0) {
    process.stderr.write(renderDiagnostics(all, { getText, color: process.stderr.isTTY === true }));
    if (summary) process.stderr.write(`\n${summarize(all)}\n`);
  }
  return all.filter((d) => d.category === "error").length;
}

/** A diagnostic as plain JSON with 1-based line and column. */
function toJson(d: Diagnostic, text: string | undefined) {
  const at = text === undefined ? undefined : lineAndColumn(text, d.start);
  return { code: formatCode(d.code), category: d.category, message: d.message, file: d.file, line: at?.line, column: at?.column, start: d.start, length: d.length, related: d.related };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
