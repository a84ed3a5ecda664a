import ts from "../typescript.cjs";

/** Where a referenced binding lives, relative to a parallel loop. */
export type BindingScope =
  /** Declared inside the loop (or is its variable): private to each iteration. */
  | "loop"
  /** A local of an enclosing function (variable, parameter, local function or class). */
  | "local"
  /** A top-level declaration of this module. */
  | "module"
  /** An imported binding. */
  | "import"
  /** Declared elsewhere (lib files, ambient declarations): the same in every thread. */
  | "global";

/** The declaration that defines a symbol's value (or its import). */
export function declarationOf(symbol: ts.Symbol): ts.Declaration | undefined {
  return symbol.valueDeclaration ?? symbol.declarations?.[0];
}

/** True for an import binding (`import { a }`, `import a`, `import * as a`, `import a = require`). */
export function isImportDeclaration(d: ts.Node): boolean {
  return ts.isImportSpecifier(d) || ts.isImportClause(d) || ts.isNamespaceImport(d) || ts.isImportEqualsDeclaration(d);
}

/** The nearest enclosing function-like node of `node`, excluding `node` itself. */
export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

/** True when `inner` lies within `outer` in the same file. */
export function contains(outer: ts.Node, inner: ts.Node): boolean {
  return outer.getSourceFile() === inner.getSourceFile() && inner.pos >= outer.pos && inner.end <= outer.end;
}

/**
 * Classifies where `symbol` lives as seen from `node` (a loop, or code carried to workers) in
 * `sourceFile`. For a loop at the top level of a module, the module's variables are its locals:
 * they are to it what a function's variables are to a loop inside the function.
 */
export function scopeOf(symbol: ts.Symbol, node: ts.Node, sourceFile: ts.SourceFile): BindingScope {
  const d = declarationOf(symbol);
  if (!d || d.getSourceFile() !== sourceFile) return "global";
  if (isImportDeclaration(d)) return "import";
  if (contains(node, d)) return "loop";
  if (isAmbient(d)) return "global";
  if (!isTopLevel(d)) return "local";
  const topLevelLoop = (ts.isIterationStatement(node, false) || ts.isBlock(node)) && !enclosingFunction(node) && !ts.isClassLike(node.parent);
  return topLevelLoop && (variableKind(d) !== undefined || ts.isVariableDeclaration(d)) ? "local" : "module";
}

/** True for a declaration made at the top level of its file (not inside any function, class or namespace). */
export function isTopLevel(d: ts.Node): boolean {
  for (let n = d.parent; n; n = n.parent) {
    if (ts.isSourceFile(n)) return true;
    if (ts.isFunctionLike(n) || ts.isClassLike(n) || ts.isModuleBlock(n)) return false;
    if (ts.isBlock(n) || ts.isCaseBlock(n)) return false;
  }
  return false;
}

function isAmbient(d: ts.Node): boolean {
  for (let n: ts.Node | undefined = d; n; n = n.parent) {
    if (ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

/** The variable statement kind of a variable declaration (`const`, `let`, `var`), if it is one. */
export function variableKind(d: ts.Node): "const" | "let" | "var" | undefined {
  let n: ts.Node = d;
  while (ts.isBindingElement(n) || ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) n = n.parent;
  if (!ts.isVariableDeclaration(n) || !ts.isVariableDeclarationList(n.parent)) return undefined;
  const flags = n.parent.flags;
  return flags & ts.NodeFlags.Const ? "const" : flags & ts.NodeFlags.Let ? "let" : "var";
}

/** The statement that declares `d` (a variable statement, function or class declaration). */
export function declaringStatement(d: ts.Node): ts.Statement | undefined {
  for (let n: ts.Node | undefined = d; n; n = n.parent) if (ts.isStatement(n) || ts.isClassDeclaration(n) || ts.isFunctionDeclaration(n)) return n as ts.Statement;
  return undefined;
}

/** Resolves a name written in a clause, as the loop statement sees it. */
export function resolveName(name: string, location: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  return checker.getSymbolsInScope(location, ts.SymbolFlags.Value | ts.SymbolFlags.Alias).find((s) => s.name === name);
}
