import ts from "../typescript.cjs";

/**
 * A type as messages and printed parameters show it: TypeScript's own text, without the
 * `<ArrayBufferLike>` that typed arrays carry since TypeScript 5.7 (it is their default anyway).
 */
export function displayType(checker: ts.TypeChecker, type: ts.Type, enclosing?: ts.Node): string {
  const text = checker.typeToString(type, enclosing, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
  return text.replace(/\b((?:Big)?(?:Int|Uint|Float)\d+(?:Clamped)?Array|DataView)<ArrayBufferLike>/g, "$1");
}
