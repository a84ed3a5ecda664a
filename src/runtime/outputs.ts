/** The result a `parallelFor` call returns: nothing, the one output, or the frame's array of outputs. */
export function callResult(out: unknown[]): unknown {
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}
