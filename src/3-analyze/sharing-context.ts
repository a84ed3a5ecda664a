import type ts from "typescript";
import type { ProgramFacts } from "./program-facts.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { TypePrinter } from "./print-type.js";

/** What the data-sharing checks of one loop need to see and where they report. */
export interface SharingContext {
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  /** Facts about the whole program: its own files, where it changes what. */
  readonly facts: ProgramFacts;
  readonly report: (d: Diagnostic) => void;
  /** True when the file is compiled without the rest of its program, so imported types are unknown. */
  readonly isolated: boolean;
  /** The construct: a `parallel for`'s loop, a `parallel` block, or a `for` inside one. */
  readonly loop: ts.Statement;
  readonly types: TypePrinter;
  /** Names the region function will declare itself (copied local types, type parameters). */
  readonly declaredTypeNames: ReadonlySet<string>;
}
