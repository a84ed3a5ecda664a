import { type Category, type MessageArgs, type MessageKey, Messages } from "./messages.js";

/** A place in a source file: UTF-16 offsets into the original text, as TypeScript and magic-string count. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly length: number;
}

/** A second location that explains a diagnostic ("declared here", "the conflicting write"). */
export interface RelatedInformation extends Span {
  readonly message: string;
}

/** One message for the user: what (code, category, text) and where (the span of original text). */
export interface Diagnostic extends Span {
  readonly code: number;
  readonly category: Category;
  readonly message: string;
  readonly related?: readonly RelatedInformation[];
}

/** Builds a diagnostic from a catalog entry, its arguments and a span. */
export function createDiagnostic<K extends MessageKey>(
  key: K,
  args: MessageArgs<K>,
  span: Span,
  related?: readonly RelatedInformation[],
): Diagnostic {
  const spec = Messages[key] as { code: number; category: Category; text: (a: MessageArgs<K>) => string };
  const base = { file: span.file, start: span.start, length: span.length, code: spec.code, category: spec.category };
  const message = spec.text(args);
  return related && related.length > 0 ? { ...base, message, related } : { ...base, message };
}

/** True when any diagnostic in the list is an error (which stops emission for its file). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.category === "error");
}

/** Orders diagnostics by file, then position, then code, so that output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start || a.code - b.code);
}
