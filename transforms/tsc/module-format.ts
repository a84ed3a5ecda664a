import ts from "../../src/typescript.cjs";
import type { ModuleFormat } from "../../src/5-emit/emit-nodes.js";

/**
 * The module format tsc emits a file in, from the compiler options (and, for `node16`/`nodenext`,
 * the file's own format: `.cts`, or a `.ts` under a package.json without `"type": "module"`).
 * Undefined for AMD, UMD and SystemJS, which tsomp's generated code does not support.
 */
export function moduleFormat(sourceFile: ts.SourceFile, options: ts.CompilerOptions): ModuleFormat | undefined {
  const kind = options.module;
  switch (kind) {
    case ts.ModuleKind.CommonJS:
      return "commonjs";
    case ts.ModuleKind.AMD:
    case ts.ModuleKind.UMD:
    case ts.ModuleKind.System:
      return undefined;
    case ts.ModuleKind.Node16:
    case ts.ModuleKind.Node18:
    case ts.ModuleKind.Node20:
    case ts.ModuleKind.NodeNext: {
      const format = sourceFile.impliedNodeFormat ?? ts.getImpliedNodeFormatForFile(sourceFile.fileName, undefined, ts.sys, options);
      return format === ts.ModuleKind.CommonJS ? "commonjs" : "esm";
    }
    case undefined:
      return (options.target ?? ts.ScriptTarget.ES5) >= ts.ScriptTarget.ES2015 ? "esm" : "commonjs";
    default:
      return "esm";
  }
}
