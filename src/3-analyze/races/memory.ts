import ts from "../../typescript.cjs";
import { declarationOf } from "../scope.js";
import { skipParens } from "../loop-shape.js";

/** What the aliasing check needs. */
interface MemoryContext {
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
}

/**
 * True when two arrays may be the same memory: the same variable, views made from one
 * (`a.subarray(…)`, `new Float64Array(a.buffer, …)`, `new Float64Array(buf, …)` for a shared `buf`),
 * one assigned to the other somewhere in the file (`u1 = u2`), or two parameters of one function
 * that a call in this file passes the same array.
 */
export function sameMemory(a: ts.Symbol, b: ts.Symbol, ctx: MemoryContext): boolean {
  if (a === b) return true;
  const ra = memoryRoot(a, ctx);
  const rb = memoryRoot(b, ctx);
  if (ra === rb || assignedOneToOther(ra, rb, ctx)) return true;
  const da = declarationOf(ra);
  const db = declarationOf(rb);
  if (!da || !db || !ts.isParameter(da) || !ts.isParameter(db) || da.parent !== db.parent) return false;
  const fn = da.parent;
  const ia = fn.parameters.indexOf(da);
  const ib = fn.parameters.indexOf(db);
  const name = ts.isFunctionDeclaration(fn) && fn.name ? ctx.checker.getSymbolAtLocation(fn.name) : undefined;
  return syntaxOf(ctx.sourceFile).calls.some((n) => {
    if (!name || ctx.checker.getSymbolAtLocation(n.expression) !== name) return false;
    const x = n.arguments[ia];
    const y = n.arguments[ib];
    if (!x || !y || !ts.isIdentifier(x) || !ts.isIdentifier(y)) return false;
    const sx = ctx.checker.getSymbolAtLocation(x);
    const sy = ctx.checker.getSymbolAtLocation(y);
    return !!sx && !!sy && memoryRoot(sx, ctx) === memoryRoot(sy, ctx);
  });
}

/** The calls by name and the assignments of one variable to another in a file. */
interface FileSyntax {
  readonly calls: (ts.CallExpression & { expression: ts.Identifier })[];
  readonly assignments: [ts.Identifier, ts.Identifier][];
}

/** Each file's FileSyntax, found once (syntax only: symbols are the checker's). */
const fileSyntax = new WeakMap<ts.SourceFile, FileSyntax>();

/** The calls and assignments of a file that the aliasing check reads (see fileSyntax). */
function syntaxOf(sourceFile: ts.SourceFile): FileSyntax {
  let found = fileSyntax.get(sourceFile);
  if (!found) {
    const out: FileSyntax = { calls: [], assignments: [] };
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) out.calls.push(n as ts.CallExpression & { expression: ts.Identifier });
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(skipParens(n.left)) && ts.isIdentifier(skipParens(n.right))) {
        out.assignments.push([skipParens(n.left) as ts.Identifier, skipParens(n.right) as ts.Identifier]);
      }
      ts.forEachChild(n, visit);
    };
    visit(sourceFile);
    found = out;
    fileSyntax.set(sourceFile, found);
  }
  return found;
}

/** The variable whose memory an array variable views: itself, or what its `const`/`let` initializer is or makes a view of. */
export function memoryRoot(symbol: ts.Symbol, ctx: MemoryContext, depth = 0): ts.Symbol {
  const d = declarationOf(symbol);
  if (depth > 8 || !d || !ts.isVariableDeclaration(d) || !d.initializer) return symbol;
  let e = skipParens(d.initializer);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "subarray") e = skipParens(e.expression.expression);
  else if (ts.isNewExpression(e) && e.arguments?.[0]) {
    const first = skipParens(e.arguments[0]);
    const buffer = ["ArrayBuffer", "SharedArrayBuffer"].includes(ctx.checker.getTypeAtLocation(first).getSymbol()?.name ?? "");
    if (ts.isPropertyAccessExpression(first) && first.name.text === "buffer") e = skipParens(first.expression);
    else if (buffer) e = first;
  }
  // `const b = a` names the same memory too.
  if (!ts.isIdentifier(e)) return symbol;
  const next = ctx.checker.getSymbolAtLocation(e);
  return next ? memoryRoot(next, ctx, depth + 1) : symbol;
}

/** True when the file assigns one of the variables (or a view of it) to the other: `a = b` or `b = a`. */
function assignedOneToOther(a: ts.Symbol, b: ts.Symbol, ctx: MemoryContext): boolean {
  return syntaxOf(ctx.sourceFile).assignments.some(([l, r]) => {
    const left = ctx.checker.getSymbolAtLocation(l);
    const right = ctx.checker.getSymbolAtLocation(r);
    const rl = left && memoryRoot(left, ctx);
    const rr = right && memoryRoot(right, ctx);
    return (rl === a && rr === b) || (rl === b && rr === a);
  });
}
