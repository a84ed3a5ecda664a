import path from "node:path";
import ts from "../typescript.cjs";
import type { Span } from "../diagnostics/diagnostic.js";
import { ownSourceFiles } from "../program.js";
import { assignmentTarget, MUTATORS } from "./references.js";
import { skipParens } from "./loop-shape.js";

/**
 * What analysis knows of the whole program beyond one file: which files are the program's own,
 * and where its own code changes bindings and objects (an index built on first use).
 */
export class ProgramFacts {
  private writes: Map<ts.Symbol, ts.Expression[]> | undefined;

  constructor(private readonly program: ts.Program) {}

  /** True for a file of the program itself (its .d.ts files too): not a default library, not from node_modules, not tsomp's own. */
  isOwnFile(sourceFile: ts.SourceFile): boolean {
    const p = this.program;
    return !p.isSourceFileDefaultLibrary(sourceFile) && !p.isSourceFileFromExternalLibrary(sourceFile) && !sourceFile.fileName.split(/[\\/]/).includes("node_modules") && !this.inTsomp(sourceFile.fileName);
  }

  private readonly packageRoots = new Map<string, string | undefined>();

  /**
   * True for a file of tsomp's own runtime (its sources, or its build): `tsomp/runtime`, which a
   * program inside tsomp's own repository resolves to its sources (TypeScript maps a package's
   * imports of its own name from the output folder back to the sources). Its state is the
   * runtime's, not the program's.
   */
  private inTsomp(fileName: string): boolean {
    const root = this.tsompRoot(path.dirname(fileName));
    if (root === undefined) return false;
    const relative = path.relative(root, fileName).split(path.sep).join("/");
    return relative.startsWith("src/runtime/") || relative.startsWith("dist/");
  }

  /** The folder of the tsomp package that holds `dir`, if any. */
  private tsompRoot(dir: string): string | undefined {
    if (this.packageRoots.has(dir)) return this.packageRoots.get(dir);
    const manifest = ts.sys.readFile(path.join(dir, "package.json"));
    const root = manifest !== undefined ? (/"name"\s*:\s*"tsomp"/.test(manifest) ? dir : undefined) : path.dirname(dir) !== dir ? this.tsompRoot(path.dirname(dir)) : undefined;
    this.packageRoots.set(dir, root);
    return root;
  }

  /**
   * Where the program's own code assigns `symbol`, or changes what it holds: `x = …`, `x++`,
   * `x.k = …`, `x[0] = …`, `delete x.k`, `x.push(…)`, `Object.assign(x, …)`; for a property,
   * writes to it or through it (`Conf.k = …`, `this.k++`). Each place is the expression written.
   */
  writesOf(symbol: ts.Symbol): readonly ts.Expression[] {
    this.writes ??= indexWrites(ownSourceFiles(this.program), this.program.getTypeChecker());
    return this.writes.get(resolveAlias(symbol, this.program.getTypeChecker())) ?? [];
  }
}

/** The symbol an import stands for; any other symbol is itself. */
export function resolveAlias(symbol: ts.Symbol, checker: ts.TypeChecker): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The span of a node in any file of the program, its file named relative to the file being compiled (shown as `file`). */
export function spanIn(node: ts.Node, ctx: { readonly file: string; readonly sourceFile: ts.SourceFile }): Span {
  const sf = node.getSourceFile();
  const start = node.getStart(sf);
  const relative = path.relative(path.dirname(ctx.sourceFile.fileName), sf.fileName).split(path.sep).join("/");
  const file = sf === ctx.sourceFile ? ctx.file : path.posix.join(path.posix.dirname(ctx.file), relative);
  return { file, start, length: node.getEnd() - start };
}

const ASSIGNS_FIRST_ARGUMENT = new Set(["Object.assign", "Object.defineProperty", "Object.defineProperties", "Reflect.set", "Reflect.deleteProperty"]);

/** The variable an identifier refers to (for `{ x } = …`, the variable `x`, not the property). */
function valueSymbol(id: ts.Identifier, checker: ts.TypeChecker): ts.Symbol | undefined {
  return ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id ? checker.getShorthandAssignmentValueSymbol(id.parent) : checker.getSymbolAtLocation(id);
}

/** Indexes every write in the files by the symbols it changes (see `writesOf`). */
function indexWrites(files: readonly ts.SourceFile[], checker: ts.TypeChecker): Map<ts.Symbol, ts.Expression[]> {
  const index = new Map<ts.Symbol, ts.Expression[]>();
  const record = (target: ts.Expression): void => {
    for (let e = skipParens(target); ; ) {
      const symbol = ts.isIdentifier(e) ? valueSymbol(e, checker) : ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? checker.getSymbolAtLocation(ts.isPropertyAccessExpression(e) ? e.name : e) : undefined;
      if (symbol) {
        const key = resolveAlias(symbol, checker);
        const list = index.get(key);
        if (list) list.push(target);
        else index.set(key, [target]);
      }
      if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return;
      e = skipParens(e.expression);
    }
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && assignmentTarget(node)) record(node);
    if (ts.isCallExpression(node)) {
      const callee = skipParens(node.expression);
      if (ts.isPropertyAccessExpression(callee) && MUTATORS.has(callee.name.text)) record(callee.expression);
      const first = node.arguments[0];
      const qualified = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? `${callee.expression.text}.${callee.name.text}` : "";
      if (first && ASSIGNS_FIRST_ARGUMENT.has(qualified)) record(first);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(file);
  return index;
}
