import ts from "../../src/typescript.cjs";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatCode } from "../../src/diagnostics/messages.js";

/**
 * tsc prints a diagnostic's number as `TS<number>`: tsomp's are OMP codes plus this offset
 * (OMP1004 is TS991004), above every number TypeScript uses, and the message text starts with
 * the OMP code itself.
 */
export const TS_CODE_OFFSET = 990_000;

const CATEGORY = { error: ts.DiagnosticCategory.Error, warning: ts.DiagnosticCategory.Warning, note: ts.DiagnosticCategory.Message } as const;

/** A tsomp diagnostic as TypeScript's own kind, located in the program's source files (by display name). */
export function toTsDiagnostic(d: Diagnostic, files: ReadonlyMap<string, ts.SourceFile>): ts.Diagnostic {
  const related = d.related?.map((r) => ({ file: files.get(r.file), start: r.start, length: r.length, messageText: r.message, category: ts.DiagnosticCategory.Message, code: TS_CODE_OFFSET + d.code }));
  return {
    file: files.get(d.file),
    start: d.start,
    length: d.length,
    messageText: `${formatCode(d.code)}: ${d.message}`,
    category: CATEGORY[d.category],
    code: TS_CODE_OFFSET + d.code,
    source: "tsomp",
    ...(related ? { relatedInformation: related } : {}),
  };
}
