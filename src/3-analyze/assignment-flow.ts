import ts from "../typescript.cjs";
import { assignmentTarget } from "./references.js";

/** What one variable's assignments look like across one iteration of a loop body. */
export interface AssignmentFacts {
  /** True when every path through an iteration (including `continue`) assigns the variable. */
  readonly assignedOnEveryPath: boolean;
  /** The first read that may happen before the iteration has assigned the variable. */
  readonly exposedRead: ts.Identifier | undefined;
}

interface State {
  assigned: boolean;
  exposed: ts.Identifier | undefined;
  continueUnassigned: boolean;
  /** Loops nested inside the body: a plain `continue` inside them does not end the iteration. */
  loops: number;
}

/**
 * A small definite-assignment analysis over one loop body, for one variable (`is`): whether
 * each iteration assigns it on every path, and whether it may be read before being assigned.
 * Nested functions are not followed; their reads and writes are not counted.
 */
export function analyzeAssignments(body: ts.Statement, is: (id: ts.Identifier) => boolean): AssignmentFacts {
  const state: State = { assigned: false, exposed: undefined, continueUnassigned: false, loops: 0 };
  statement(body, state, is);
  return { assignedOnEveryPath: state.assigned && !state.continueUnassigned, exposedRead: state.exposed };
}

/** Runs `f` on a copy of the state in which assignments may not happen; keeps what it found about reads. */
function maybe(state: State, f: (s: State) => void): boolean {
  const copy = { ...state };
  f(copy);
  state.exposed ??= copy.exposed;
  state.continueUnassigned ||= copy.continueUnassigned;
  return copy.assigned;
}

function statement(node: ts.Node, state: State, is: (id: ts.Identifier) => boolean): void {
  if (state.assigned) return;
  if (ts.isBlock(node)) {
    for (const s of node.statements) {
      statement(s, state, is);
      if (isJump(s)) {
        state.assigned = true;
        return;
      }
    }
  } else if (ts.isIfStatement(node)) {
    expression(node.expression, state, is);
    const thenAssigned = maybe(state, (s) => statement(node.thenStatement, s, is));
    const elseAssigned = node.elseStatement ? maybe(state, (s) => statement(node.elseStatement!, s, is)) : false;
    state.assigned ||= thenAssigned && elseAssigned;
  } else if (ts.isForStatement(node)) {
    if (node.initializer) expression(node.initializer, state, is);
    if (node.condition) expression(node.condition, state, is);
    maybe(state, (s) => loopBody(node.statement, node.incrementor, s, is));
  } else if (ts.isWhileStatement(node)) {
    expression(node.expression, state, is);
    maybe(state, (s) => loopBody(node.statement, undefined, s, is));
  } else if (ts.isDoStatement(node)) {
    loopBody(node.statement, node.expression, state, is);
  } else if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
    expression(node.expression, state, is);
    maybe(state, (s) => {
      expression(node.initializer, s, is);
      loopBody(node.statement, undefined, s, is);
    });
  } else if (ts.isContinueStatement(node)) {
    if (state.loops === 0 && !node.label && !state.assigned) state.continueUnassigned = true;
  } else if (ts.isSwitchStatement(node)) {
    expression(node.expression, state, is);
    for (const clause of node.caseBlock.clauses) maybe(state, (s) => clause.statements.forEach((c) => statement(c, s, is)));
  } else if (ts.isTryStatement(node)) {
    const tried = maybe(state, (s) => statement(node.tryBlock, s, is));
    const caught = node.catchClause ? maybe(state, (s) => statement(node.catchClause!.block, s, is)) : true;
    if (node.finallyBlock) statement(node.finallyBlock, state, is);
    state.assigned ||= tried && caught;
  } else if (ts.isLabeledStatement(node)) {
    statement(node.statement, state, is);
  } else if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) {
    return;
  } else {
    ts.forEachChild(node, (child) => (ts.isExpression(child) ? expression(child, state, is) : statement(child, state, is)));
  }
}

function loopBody(body: ts.Statement, after: ts.Expression | undefined, state: State, is: (id: ts.Identifier) => boolean): void {
  state.loops++;
  statement(body, state, is);
  if (after) expression(after, state, is);
  state.loops--;
}

function isJump(s: ts.Statement): boolean {
  return ts.isContinueStatement(s) || ts.isBreakStatement(s) || ts.isReturnStatement(s) || ts.isThrowStatement(s);
}

function expression(node: ts.Node, state: State, is: (id: ts.Identifier) => boolean): void {
  if (state.assigned || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
  if (ts.isIdentifier(node)) {
    if (!is(node)) return;
    const target = ts.isShorthandPropertyAssignment(node.parent) ? assignmentTarget(node.parent) : assignmentTarget(node);
    if (target !== "write" && !state.assigned) state.exposed ??= node;
    if (target) state.assigned = true;
    return;
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      expression(node.left, state, is);
      maybe(state, (s) => expression(node.right, s, is));
      return;
    }
    if (op === ts.SyntaxKind.EqualsToken) {
      expression(node.right, state, is);
      expression(node.left, state, is);
      return;
    }
    if (op === ts.SyntaxKind.AmpersandAmpersandEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken) {
      const assignedBefore = state.assigned;
      expression(node.left, state, is);
      state.assigned = assignedBefore;
      maybe(state, (s) => expression(node.right, s, is));
      return;
    }
  }
  if (ts.isConditionalExpression(node)) {
    expression(node.condition, state, is);
    const a = maybe(state, (s) => expression(node.whenTrue, s, is));
    const b = maybe(state, (s) => expression(node.whenFalse, s, is));
    state.assigned ||= a && b;
    return;
  }
  ts.forEachChild(node, (child) => expression(child, state, is));
}
