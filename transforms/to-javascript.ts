import remapping from "@jridgewell/remapping";
import type { SourceMap } from "magic-string";
import path from "node:path";
import ts from "typescript";

/** JavaScript made from a transformed TypeScript file, with a map straight back to the original source. */
export interface JavaScriptOutput {
  readonly code: string;
  readonly map: string;
}

/**
 * Transpiles transformed TypeScript to an ES module (types removed, relative `.ts` imports
 * rewritten to `.js`) and chains the two source maps: original → transformed TS → JS.
 * `mapFile` and `sourceFile` are absolute paths; the map refers to the source relative to itself.
 */
export function toJavaScript(code: string, tsMap: SourceMap | undefined, sourceFile: string, mapFile: string, originalText: string): JavaScriptOutput {
  const out = ts.transpileModule(code, {
    fileName: sourceFile,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
      inlineSources: false,
      rewriteRelativeImportExtensions: true,
      verbatimModuleSyntax: false,
    },
  });
  const jsMap = JSON.parse(out.sourceMapText!) as { sources: string[] };
  const source = path.relative(path.dirname(mapFile), sourceFile).split(path.sep).join("/");
  const chained = remapping(jsMap as never, (file, ctx) => {
    if (ctx.depth > 0 || !tsMap) return null;
    void file;
    return { ...tsMap, sources: [sourceFile] } as never;
  });
  chained.sources = [source];
  chained.sourcesContent = [originalText];
  chained.file = path.basename(mapFile).replace(/\.map$/, "");
  const jsName = path.basename(mapFile);
  const text = out.outputText.replace(/\/\/# sourceMappingURL=.*\s*$/, "");
  return { code: `${text}//# sourceMappingURL=${jsName}\n`, map: JSON.stringify(chained) };
}
