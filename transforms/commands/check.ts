import { reportDiagnostics, type DiagnosticFormat } from "../diagnostics-output.js";
import { collectSources, compileWithImports } from "../project.js";

/** `tsomp check <paths…>`: reports diagnostics for the files and the local modules they import, only. Exit code 1 on any error, 0 with warnings only. */
export function check(inputs: readonly string[], options: { project?: string; format?: DiagnosticFormat }): number {
  const cwd = process.cwd();
  const { results } = compileWithImports(collectSources(inputs), { project: options.project, cwd });
  return reportDiagnostics(results, options.format ?? "pretty", cwd) > 0 ? 1 : 0;
}
