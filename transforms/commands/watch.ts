import fs from "node:fs";
import path from "node:path";
import ts from "../../src/typescript.cjs";
import { summarize } from "../../src/diagnostics/render.js";
import { collectSources, compilerOptions } from "../project.js";
import { reportError } from "../report-error.js";
import { buildProgram, type BuildOptions } from "./build.js";

/**
 * How long an input folder must be quiet before it is listed again for added and removed source
 * files; TypeScript then waits 250 ms more for further changes before it builds the program again.
 */
const SETTLE_MS = 100;

/**
 * `tsomp build --watch`: builds like `build`, then keeps running and builds the whole program again
 * (shared allocation follows arrays across files) whenever one of its files changes or a source
 * file is added to or removed from an input folder. TypeScript's watch program watches the files,
 * gathers bursts of changes and reuses what did not change; the output folder is not watched. A
 * file with errors keeps its last good output. SIGINT and SIGTERM end it with exit code 0.
 * Returns 0, the exit code while it runs.
 */
export function watch(inputs: readonly string[], options: BuildOptions): number {
  const outDir = path.resolve(options.outDir);
  const watchOptions: ts.WatchOptions = { excludeDirectories: [outDir] };
  let roots = collectSources(inputs, [outDir]);
  const onStatus = (d: ts.Diagnostic) => status(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  let timer: NodeJS.Timeout | undefined;
  const relist = () => {
    try {
      const next = collectSources(inputs, [outDir]);
      if (next.join("\n") !== roots.join("\n")) program.updateRootFileNames((roots = next));
    } catch (error) {
      reportError(error);
    }
  };
  // The folders are watched before the first build, which ends by saying it is watching: a file
  // added as soon as that line appears must be seen.
  const folders = inputs
    .filter((input) => fs.statSync(input).isDirectory())
    .map((folder) => ts.sys.watchDirectory!(path.resolve(folder), () => { clearTimeout(timer); timer = setTimeout(relist, SETTLE_MS); }, true, watchOptions));
  const host = ts.createWatchCompilerHost(roots, compilerOptions(roots, options.project), ts.sys, ts.createAbstractBuilder, undefined, onStatus, undefined, watchOptions);
  host.afterProgramCreate = (builder) => rebuild(builder.getProgram(), roots, options);
  const program = ts.createWatchProgram(host);
  const stop = () => {
    clearTimeout(timer);
    for (const folder of folders) folder.close();
    program.close();
    process.exit(0);
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);
  return 0;
}

/** Builds a program TypeScript made after a change, then says so like tsc: `Found 1 error, 0 warnings. Watching for file changes.` */
function rebuild(program: ts.Program, roots: readonly string[], options: BuildOptions): void {
  try {
    status(`Found ${summarize(buildProgram(program, roots, options, { summary: false }))}. Watching for file changes.`);
  } catch (error) {
    reportError(error);
    status("Watching for file changes.");
  }
}

/** Prints a watch status line to stdout, stamped with the time like tsc's. */
function status(message: string): void {
  process.stdout.write(`[${new Date().toLocaleTimeString()}] ${message}\n`);
}
