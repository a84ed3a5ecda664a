import ts from "../typescript.cjs";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DirectiveComment } from "./directive-comment.js";

/** The result of scanning: every directive comment in the file, and what was wrong with their placement. */
export interface ScanResult {
  readonly comments: readonly DirectiveComment[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A comment whose text starts with `@omp` (and not, say, `@ompx`); a block comment may start it on a later line. */
const CANDIDATE = /(\/\/[ \t]*|\/\*\s*)@omp(?![\w$])/g;

/**
 * Finds every `@omp` directive comment in `sourceFile` and the statement each applies to.
 * Comments inside strings, templates and regular expressions are not comments and are skipped.
 * A comment that does not stand on its own line is reported here and left out.
 */
export function scanDirectives(sourceFile: ts.SourceFile, fileName: string): ScanResult {
  const text = sourceFile.text;
  const diagnostics: Diagnostic[] = [];
  const comments: DirectiveComment[] = [];
  let consumedUntil = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const offset = match.index;
    if (offset < consumedUntil) continue;
    const found = findComment(sourceFile, offset);
    if (!found) continue;
    const parts = continuationParts(text, found.comment, found.siblings);
    const last = parts[parts.length - 1]!;
    consumedUntil = last.end;
    const comment: DirectiveComment = {
      kind: found.comment.kind === ts.SyntaxKind.SingleLineCommentTrivia ? "line" : "block",
      pos: found.comment.pos,
      end: last.end,
      text: blankMarkers(text, parts),
      statement: asStatement(found.follower),
    };
    const span = { file: fileName, start: comment.pos, length: comment.end - comment.pos };
    if (!standsOnOwnLine(text, comment)) {
      diagnostics.push(createDiagnostic("DirectiveNotOnOwnLine", undefined, span));
      continue;
    }
    const repeated = repeatedSentinels(text, parts.slice(1), fileName);
    if (repeated.length > 0) {
      diagnostics.push(...repeated);
      continue;
    }
    comments.push(comment);
  }
  return { comments, diagnostics };
}

interface FoundComment {
  readonly comment: ts.CommentRange;
  /** All comment ranges in the same run of trivia, so that continuation lines can be found. */
  readonly siblings: readonly ts.CommentRange[];
  /** The outermost node whose leading trivia holds the comment. */
  readonly follower: ts.Node;
}

/**
 * Descends to the trivia that holds `offset`; undefined when `offset` is inside a token (a string,
 * say). Comments on the same line as the token before them count too (TypeScript calls them
 * trailing), so that a directive written after code is found and reported.
 */
function findComment(sourceFile: ts.SourceFile, offset: number): FoundComment | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child = node.getChildren(sourceFile).find((c) => c.pos <= offset && offset < c.end);
    if (!child) return undefined;
    if (offset < child.getStart(sourceFile)) {
      const trailing = ts.getTrailingCommentRanges(sourceFile.text, child.pos) ?? [];
      const leading = (ts.getLeadingCommentRanges(sourceFile.text, child.pos) ?? []).filter((c) => !trailing.some((t) => t.pos === c.pos));
      const siblings = [...trailing, ...leading];
      const comment = siblings.find((c) => c.pos === offset);
      return comment ? { comment, siblings, follower: outermostFollower(child, sourceFile) } : undefined;
    }
    node = child;
  }
}

/** Syntax lists are not nodes a directive can apply to: step into them to the real first node. */
function outermostFollower(node: ts.Node, sourceFile: ts.SourceFile): ts.Node {
  let n = node;
  while (n.kind === ts.SyntaxKind.SyntaxList) {
    const first = n.getChildren(sourceFile)[0];
    if (!first) break;
    n = first;
  }
  return n;
}

/** The statement a directive stands before, or undefined (end of a block, inside an expression…). */
function asStatement(node: ts.Node): ts.Statement | undefined {
  if (node.kind === ts.SyntaxKind.EndOfFileToken || node.kind === ts.SyntaxKind.CloseBraceToken) return undefined;
  return isStatementLike(node) ? (node as ts.Statement) : undefined;
}

function isStatementLike(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseOrDefaultClause(parent)) {
    return (parent.statements as readonly ts.Node[]).includes(node);
  }
  if (ts.isIfStatement(parent)) return parent.thenStatement === node || parent.elseStatement === node;
  if (ts.isLabeledStatement(parent) || ts.isIterationStatement(parent, false)) return parent.statement === node;
  return false;
}

/** A line comment ending in `\` continues on the next line's `//` comment (and so on). */
function continuationParts(text: string, first: ts.CommentRange, siblings: readonly ts.CommentRange[]): ts.CommentRange[] {
  const parts = [first];
  if (first.kind !== ts.SyntaxKind.SingleLineCommentTrivia) return parts;
  let index = siblings.indexOf(first);
  while (/\\\s*$/.test(text.slice(parts[parts.length - 1]!.pos, parts[parts.length - 1]!.end))) {
    const next = siblings[++index];
    const prev = parts[parts.length - 1]!;
    if (!next || next.kind !== ts.SyntaxKind.SingleLineCommentTrivia) break;
    if (!/^[ \t]*\r?\n[ \t]*$/.test(text.slice(prev.end, next.pos))) break;
    parts.push(next);
  }
  return parts;
}

/** OMP1026 for each continuation line that starts with `@omp` again, as if it began a directive of its own. */
function repeatedSentinels(text: string, continuations: readonly ts.CommentRange[], fileName: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const part of continuations) {
    const match = /^\/\/([ \t]*)@omp(?![\w$])[ \t]*/.exec(text.slice(part.pos, part.end));
    if (!match) continue;
    const rest = text.slice(part.pos + match[0].length, part.end).trim();
    out.push(createDiagnostic("ContinuationRepeatsOmp", { rest }, { file: fileName, start: part.pos + 2 + match[1]!.length, length: 4 }));
  }
  return out;
}

/** Replaces comment markers and continuation backslashes with spaces, keeping every offset. */
function blankMarkers(text: string, parts: readonly ts.CommentRange[]): string {
  const first = parts[0]!;
  const chars = text.slice(first.pos, parts[parts.length - 1]!.end).split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  };
  for (const part of parts) {
    const from = part.pos - first.pos;
    const to = part.end - first.pos;
    blank(from, from + 2);
    if (part.kind === ts.SyntaxKind.MultiLineCommentTrivia) blank(to - 2, to);
    const body = chars.slice(from, to).join("");
    const slash = body.search(/\\\s*$/);
    if (part !== parts[parts.length - 1] && slash >= 0) blank(from + slash, from + slash + 1);
  }
  return chars.join("");
}

/** A directive comment must have only white space before it on its first line and after it on its last. */
function standsOnOwnLine(text: string, comment: DirectiveComment): boolean {
  const lineStart = text.lastIndexOf("\n", comment.pos - 1) + 1;
  const lineEnd = text.indexOf("\n", comment.end);
  const before = text.slice(lineStart, comment.pos);
  const after = text.slice(comment.end, lineEnd === -1 ? text.length : lineEnd);
  return /^\s*$/.test(before) && /^\s*$/.test(after);
}
