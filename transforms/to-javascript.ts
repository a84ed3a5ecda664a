import remapping from "@jridgewell/remapping";
import type { SourceMap } from "magic-string";
import path from "node:path";
import ts from "../src/typescript.cjs";

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
    transformers: { before: [rewriteRegisteredImports] },
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
    if (ctx.depth > 1 || !tsMap) return null;
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

/**
 * JavaScript for transformed TypeScript that is loaded under its original file's URL (as
 * `tsomp run` loads it): Node resolves a module's map and the map's sources against the module's
 * URL, so the map is inlined and names the source relative to the original file.
 */
export function toJavaScriptWithInlineMap(code: string, tsMap: SourceMap | undefined, sourceFile: string, originalText: string): string {
  const js = toJavaScript(code, tsMap, sourceFile, `${sourceFile}.map`, originalText);
  const comment = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(js.map).toString("base64")}`;
  return js.code.replace(/\/\/# sourceMappingURL=.*\n$/, `${comment}\n`);
}

/**
 * TypeScript rewrites `./kernel.ts` to `./kernel.js` in import declarations
 * (rewriteRelativeImportExtensions), but not in the string literals of the `imports` that
 * `__omp.register` lists for worker threads: this does the same for those.
 */
function rewriteRegisteredImports(context: ts.TransformationContext): ts.Transformer<ts.SourceFile> {
  const f = context.factory;
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isStringLiteral(node) && isRegisteredSpecifier(node)) {
      return f.createStringLiteral(node.text.replace(/\.([mc]?)tsx?$/, ".$1js"));
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => ts.visitEachChild(file, visit, context);
}

/** A relative specifier in `__omp.register(…, { imports: [[specifier, name], …] })`. */
function isRegisteredSpecifier(node: ts.StringLiteral): boolean {
  const pair = node.parent;
  const list = pair?.parent;
  const property = list?.parent;
  const call = property?.parent?.parent;
  return /^\.\.?\//.test(node.text) && ts.isArrayLiteralExpression(pair) && pair.elements[0] === node &&
    ts.isPropertyAssignment(property) && property.name.getText() === "imports" &&
    !!call && ts.isCallExpression(call) && call.expression.getText() === "__omp.register";
}
