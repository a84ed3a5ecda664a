/**
 * tsomp's compiler API: compile the `// @omp` loops of files of a TypeScript program, and render
 * the diagnostics. For one file given as text, use `transformSource` from `tsomp/source`.
 */
export { compile, type CompileInput, type CompileOptions, type CompileResult } from "./compile.js";
export { createHost, createProgram, DEFAULT_COMPILER_OPTIONS } from "./program.js";
export { createDiagnostic, hasErrors, sortDiagnostics, type Diagnostic, type RelatedInformation, type Span } from "./diagnostics/diagnostic.js";
export { codeFrame, lineAndColumn, renderDiagnostic, renderDiagnostics, summarize, type RenderOptions } from "./diagnostics/render.js";
export { formatCode, Messages, type Category, type MessageKey } from "./diagnostics/messages.js";
