import path from "node:path";
import ts from "../../src/typescript.cjs";
import { planFiles, type CompileOptions, type PlannedFile } from "../../src/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { createHost, ownSourceFiles } from "../../src/program.js";
import { displayName } from "../project.js";

/** tsomp's plans for the files of one program, made once, when its first file is transformed. */
export interface ProgramPlans {
  readonly checker: ts.TypeChecker;
  readonly planned: ReadonlyMap<ts.SourceFile, PlannedFile>;
  /** Source files by the name diagnostics show them with. */
  readonly byName: ReadonlyMap<string, ts.SourceFile>;
  readonly diagnostics: readonly Diagnostic[];
  /** True when the program has only the file being emitted, without type information from its imports. */
  readonly isolated: boolean;
  /** Set once the diagnostics have been passed on. */
  reported: boolean;
}

const byProgram = new WeakMap<ts.Program, ProgramPlans>();
const byIsolatedFile = new WeakMap<ts.SourceFile, ProgramPlans>();

/**
 * The plans that hold `sourceFile`: those of `program` when the file belongs to it (all of the
 * program's own files are analysed together, so shared allocation follows arrays across them),
 * else those of a program made of this file alone (transpileModule, ts-jest's isolatedModules,
 * ts-loader's transpileOnly), in which imported bindings have no types.
 */
export function plansFor(program: ts.Program | undefined, sourceFile: ts.SourceFile, compilerOptions: ts.CompilerOptions, options: CompileOptions): ProgramPlans {
  if (program && program.getSourceFile(sourceFile.fileName) === sourceFile) {
    let plans = byProgram.get(program);
    if (!plans) byProgram.set(program, (plans = planProgram(program, ownSourceFiles(program), options, false)));
    return plans;
  }
  let plans = byIsolatedFile.get(sourceFile);
  if (!plans) byIsolatedFile.set(sourceFile, (plans = planProgram(isolatedProgram(sourceFile, compilerOptions), [sourceFile], options, true)));
  return plans;
}

function planProgram(program: ts.Program, files: readonly ts.SourceFile[], options: CompileOptions, isolated: boolean): ProgramPlans {
  const cwd = program.getCurrentDirectory();
  const inputs = files.map((sourceFile) => ({ sourceFile, file: displayName(path.resolve(cwd, sourceFile.fileName), cwd) }));
  const planned = planFiles(program, inputs, { ...options, isolated });
  return {
    checker: program.getTypeChecker(),
    planned: new Map(planned.map((p) => [p.sourceFile, p])),
    byName: new Map(planned.map((p) => [p.file, p.sourceFile])),
    diagnostics: planned.flatMap((p) => p.diagnostics),
    isolated,
    reported: false,
  };
}

/** A program of one already-parsed file: its own declarations are typed, its imports are not resolved. */
function isolatedProgram(sourceFile: ts.SourceFile, compilerOptions: ts.CompilerOptions): ts.Program {
  const options: ts.CompilerOptions = { ...compilerOptions, noLib: false, noResolve: true, noEmit: true, skipLibCheck: true };
  const host = createHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const own = path.resolve(sourceFile.fileName);
  host.getSourceFile = (fileName, ...rest) => (path.resolve(fileName) === own ? sourceFile : getSourceFile(fileName, ...rest));
  return ts.createProgram({ rootNames: [sourceFile.fileName], options, host });
}
