import ts from "../typescript.cjs";

/** A plain value (objects, arrays, strings, numbers, bigints, booleans) as a literal expression. */
export function literalNode(f: ts.NodeFactory, value: unknown): ts.Expression {
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map((v) => literalNode(f, v)));
  if (value === null) return f.createNull();
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return f.createObjectLiteralExpression(entries.map(([k, v]) => f.createPropertyAssignment(/^[A-Za-z_$][\w$]*$/.test(k) ? k : f.createStringLiteral(k), literalNode(f, v))));
  }
  if (typeof value === "string") return f.createStringLiteral(value);
  if (typeof value === "boolean") return value ? f.createTrue() : f.createFalse();
  if (typeof value === "bigint") return value < 0n ? f.createPrefixMinus(f.createBigIntLiteral(`${-value}n`)) : f.createBigIntLiteral(`${value}n`);
  if (typeof value === "number") return numberNode(f, value);
  throw new Error(`[tsomp] internal error: cannot print ${typeof value} as a literal`);
}

/** A number as an expression: `3`, `-1`, `Infinity`, `-Infinity`. */
function numberNode(f: ts.NodeFactory, value: number): ts.Expression {
  if (value < 0) return f.createPrefixMinus(numberNode(f, -value));
  return value === Infinity ? f.createIdentifier("Infinity") : f.createNumericLiteral(value);
}

/**
 * A deep copy of a node as synthesized nodes, with no position and no link to the original:
 * for expressions parsed on their own (a clause's `if (n > 1000)`), which belong to no file
 * being emitted, so that printing and later transforms treat them as generated code.
 */
export function detach<T extends ts.Node>(node: T): T {
  const copy = leafCopy(node) ?? ts.visitEachChild(node, detach, undefined);
  if (copy === node) return emptyCopy(node) as T;
  ts.setOriginalNode(copy, undefined);
  return ts.setTextRange(copy, { pos: -1, end: -1 }) as T;
}

/** A fresh copy of a node without children (a name, a literal, a keyword); undefined for other nodes. */
function leafCopy(node: ts.Node): ts.Node | undefined {
  const f = ts.factory;
  if (ts.isIdentifier(node)) return f.createIdentifier(node.text);
  if (ts.isPrivateIdentifier(node)) return f.createPrivateIdentifier(node.text);
  if (ts.isStringLiteral(node)) return f.createStringLiteral(node.text);
  if (ts.isNumericLiteral(node)) return f.createNumericLiteral(node.text);
  if (ts.isBigIntLiteral(node)) return f.createBigIntLiteral(node.text);
  if (ts.isRegularExpressionLiteral(node)) return f.createRegularExpressionLiteral(node.text);
  if (ts.isNoSubstitutionTemplateLiteral(node)) return f.createNoSubstitutionTemplateLiteral(node.text, node.rawText);
  if (ts.isTemplateHead(node)) return f.createTemplateHead(node.text, node.rawText);
  if (ts.isTemplateMiddle(node)) return f.createTemplateMiddle(node.text, node.rawText);
  if (ts.isTemplateTail(node)) return f.createTemplateTail(node.text, node.rawText);
  if (ts.isToken(node)) return f.createToken(node.kind as ts.KeywordSyntaxKind);
  return undefined;
}

/** A fresh copy of a node whose child lists are all empty (`[]`, `{}`, a hole in an array). */
function emptyCopy(node: ts.Node): ts.Node {
  const f = ts.factory;
  if (ts.isArrayLiteralExpression(node)) return f.createArrayLiteralExpression([]);
  if (ts.isObjectLiteralExpression(node)) return f.createObjectLiteralExpression([]);
  if (ts.isOmittedExpression(node)) return f.createOmittedExpression();
  throw new Error(`[tsomp] internal error: cannot copy a ${ts.SyntaxKind[node.kind]} from a clause`);
}

/**
 * Gives `to` the comments written before `from` in the source, as synthetic comments, with every
 * `@omp` at the given offsets renamed `tsomp:` (like the text printer) and those holding a `skipped`
 * offset left out (printed elsewhere), and keeps `to`, and the
 * nodes inside it that start where `from` did (an expression statement's expression, a statement
 * moved into a new block), from also printing `from`'s own leading comments.
 */
export function carryLeadingComments(from: ts.Node, to: ts.Node, sourceFile: ts.SourceFile, renamed: ReadonlySet<number>, skipped: ReadonlySet<number> = new Set()): void {
  const text = sourceFile.text;
  for (const range of ts.getLeadingCommentRanges(text, from.pos) ?? []) {
    if ([...skipped].some((at) => at >= range.pos && at < range.end)) continue;
    let comment = text.slice(range.pos, range.end);
    for (const at of renamed) {
      if (at >= range.pos && at < range.end) comment = comment.slice(0, at - range.pos) + "tsomp:" + comment.slice(at - range.pos + 4);
    }
    const inner = range.kind === ts.SyntaxKind.SingleLineCommentTrivia ? comment.slice(2) : comment.slice(2, -2);
    ts.addSyntheticLeadingComment(to, range.kind, inner, range.hasTrailingNewLine);
  }
  ts.setCommentRange(to, { pos: from.getStart(sourceFile), end: from.end });
  withoutLeadingComments(to, from.pos);
}

/** Marks the nodes inside `node` that start at `pos` (with the comments before it) to print no leading comments. */
function withoutLeadingComments(node: ts.Node, pos: number): void {
  ts.forEachChild(node, (child) => {
    if (child.pos === pos) ts.setEmitFlags(child, ts.EmitFlags.NoLeadingComments);
    withoutLeadingComments(child, pos);
  });
}

/** True when `from` has a leading comment containing one of the offsets. */
export function hasCommentAt(from: ts.Node, sourceFile: ts.SourceFile, offsets: ReadonlySet<number>): boolean {
  if (offsets.size === 0) return false;
  const start = from.getStart(sourceFile);
  for (const at of offsets) if (at >= from.pos && at < start) return true;
  return false;
}
