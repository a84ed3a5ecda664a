import ts from "../typescript.cjs";
import type { ClauseExpression } from "./ast.js";
import type { Word } from "./cursor.js";

/** Parses the raw text of a clause argument as a TypeScript expression; undefined if it is not one. */
export function parseClauseExpression(raw: Word): ClauseExpression | undefined {
  if (raw.text.trim() === "") return undefined;
  const file = ts.createSourceFile("clause.ts", `(${raw.text}\n)`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const parseDiagnostics = (file as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics ?? [];
  const statement = file.statements[0];
  if (parseDiagnostics.length > 0 || file.statements.length !== 1 || !statement) return undefined;
  if (!ts.isExpressionStatement(statement) || !ts.isParenthesizedExpression(statement.expression)) return undefined;
  const node = statement.expression.expression;
  const literal = integerLiteral(node);
  const base = { text: raw.text, span: raw.span, node };
  return literal === undefined ? base : { ...base, literal };
}

/** The value of a numeric literal such as `4`, `1.5` or `-1`, else undefined. */
function integerLiteral(node: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  return undefined;
}
