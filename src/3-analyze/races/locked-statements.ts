import ts from "../../typescript.cjs";
import { skipParens } from "../loop-shape.js";
import { calledFunction } from "./accesses.js";

/**
 * The statements between `omp_set_lock(l)` and `omp_unset_lock(l)` in one block of the body
 * (SPEC §6: synchronized), each with the lock's text (`l`).
 */
export function lockedStatements(body: ts.Node): Map<ts.Statement, string> {
  const out = new Map<ts.Statement, string>();
  // A lock named by a variable (or a property of one) is one lock for every thread; `locks[t]` may be each thread's own, which excludes nothing.
  const lockOf = (e: ts.Expression | undefined) => (e && (ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && !e.getText().includes("["))) ? e.getText() : undefined);
  const called = (e: ts.Expression) => (ts.isCallExpression(e) && ts.isIdentifier(e.expression) ? { name: e.expression.text, lock: lockOf(e.arguments[0]) } : undefined);
  // `omp_set_lock(l);`, or `while (!omp_test_lock(l)) …` (spinning until the lock is taken).
  const callee = (s: ts.Statement) => {
    if (ts.isExpressionStatement(s)) return called(s.expression);
    if (ts.isWhileStatement(s) && ts.isPrefixUnaryExpression(s.expression) && s.expression.operator === ts.SyntaxKind.ExclamationToken) {
      const test = called(skipParens(s.expression.operand));
      if (test?.name === "omp_test_lock") return { name: "omp_set_lock", lock: test.lock };
    }
    return undefined;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isBlock(n)) {
      let held: string | undefined;
      for (const s of n.statements) {
        const call = callee(s);
        if (call?.name === "omp_set_lock") held = call.lock;
        else if (call?.name === "omp_unset_lock") held = undefined;
        else if (held !== undefined) out.set(s, held);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return out;
}

/**
 * True when `body`, or a function of the file it calls, orders threads by hand: it takes locks
 * (`omp_set_lock`, `omp_test_lock`), waits on memory (`Atomics.wait`), or spins in a loop whose
 * condition reads an array element or a flag (`while (!done)` around a `critical`).
 */
export function ordersThreadsByHand(body: ts.Node, checker: ts.TypeChecker): boolean {
  const seen = new Set<ts.Node>();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      const text = n.expression.getText();
      if (text === "omp_set_lock" || text === "omp_test_lock" || text === "Atomics.wait") found = true;
      // The functions the race check follows (calledFunction), each once.
      const called = calledFunction(n, checker, []);
      if (called && !seen.has(called.body)) {
        seen.add(called.body);
        visit(called.body);
      }
    }
    if ((ts.isWhileStatement(n) || ts.isDoStatement(n)) && spinsOnMemory(n)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** A loop that may wait for another thread: its condition is a flag, an element, or a comparison with an element. */
function spinsOnMemory(loop: ts.WhileStatement | ts.DoStatement): boolean {
  const c = skipParens(loop.expression);
  const operand = ts.isPrefixUnaryExpression(c) ? skipParens(c.operand) : c;
  return ts.isIdentifier(operand) || ts.isElementAccessExpression(operand) || (ts.isBinaryExpression(c) && (ts.isElementAccessExpression(skipParens(c.left)) || ts.isElementAccessExpression(skipParens(c.right))));
}
