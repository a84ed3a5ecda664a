/**
 * Prints an error a command threw to stderr: one line for a problem with the input (a missing
 * file, an output that would overwrite an input), a stack trace for anything else, which is a bug.
 * Returns the exit code for it: 1 for the input, 3 for a bug.
 */
export function reportError(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof Error && /^(no such file|not a TypeScript source file|refusing to overwrite)/.test(message);
  process.stderr.write(known ? `tsomp: error: ${message}\n` : `tsomp: internal error (please report it): ${error instanceof Error ? error.stack : message}\n`);
  return known ? 1 : 3;
}
