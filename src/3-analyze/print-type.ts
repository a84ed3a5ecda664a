import ts from "../typescript.cjs";
import { displayType } from "./display-type.js";

const KEYWORDS = new Set([
  "number", "string", "boolean", "bigint", "symbol", "undefined", "null", "void", "any", "unknown", "never", "object",
  "readonly", "typeof", "keyof", "infer", "extends", "true", "false", "unique", "asserts", "is", "this", "import", "new",
]);

/** Prints types for declarations at the module's top level, where the region functions live. */
export class TypePrinter {
  private readonly names: Set<string>;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly sourceFile: ts.SourceFile,
  ) {
    const flags = ts.SymbolFlags.Type | ts.SymbolFlags.Value | ts.SymbolFlags.Namespace | ts.SymbolFlags.Alias;
    this.names = new Set(checker.getSymbolsInScope(sourceFile, flags).map((s) => s.name));
  }

  /**
   * The type as TypeScript source that means the same at module level, or `any` when it names
   * something only visible inside a function (beyond `extraNames`, which will be declared there too).
   */
  print(type: ts.Type, extraNames: ReadonlySet<string>): string {
    const text = displayType(this.checker, type, this.sourceFile);
    return this.resolvable(text, extraNames) ? text : "any";
  }

  private resolvable(text: string, extra: ReadonlySet<string>): boolean {
    const stripped = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
    for (const m of stripped.matchAll(/(?<![.\w$])[A-Za-z_$][\w$]*(?!\s*\??:)/g)) {
      const name = m[0];
      if (!KEYWORDS.has(name) && !this.names.has(name) && !extra.has(name)) return false;
    }
    return true;
  }
}
