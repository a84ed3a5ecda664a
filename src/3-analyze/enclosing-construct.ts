import ts from "../typescript.cjs";

/**
 * The construct around `node` in the same function: the value of `byStatement` for the nearest
 * ancestor statement that has one and that `accept` takes. Functions and classes end the search,
 * since the code in them runs wherever they are called.
 */
export function enclosingConstruct<T>(node: ts.Node, byStatement: ReadonlyMap<ts.Node, T>, accept: (construct: T) => boolean = () => true): T | undefined {
  for (let p = node.parent; p && !ts.isFunctionLike(p) && !ts.isClassLike(p); p = p.parent) {
    const construct = byStatement.get(p);
    if (construct !== undefined && accept(construct)) return construct;
  }
  return undefined;
}
