import fs from "node:fs";
import path from "node:path";
import ts from "../src/typescript.cjs";
import { compile, type CompileOptions, type CompileResult } from "../src/compile.js";
import { createProgram, DEFAULT_COMPILER_OPTIONS, ownSourceFiles } from "../src/program.js";

/** Files with these endings are TypeScript sources tsomp compiles; declaration files are not. */
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const DECLARATION = /\.d\.(ts|tsx|mts|cts)$/;

/**
 * Expands files and folders into the TypeScript source files under them, skipping node_modules,
 * dot-folders and the folders in `exclude` found inside them (such as the output folder of an
 * earlier build).
 */
export function collectSources(inputs: readonly string[], exclude: readonly string[] = []): string[] {
  const out = new Set<string>();
  const skipped = new Set(exclude.map((e) => path.resolve(e)));
  const visit = (p: string, explicit: boolean): void => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) {
      if (explicit) throw new Error(`no such file or folder: ${p}`);
      return;
    }
    if (stat.isDirectory()) {
      if (!explicit && skipped.has(path.resolve(p))) return;
      for (const entry of fs.readdirSync(p).sort()) {
        if (entry === "node_modules" || entry.startsWith(".")) continue;
        visit(path.join(p, entry), false);
      }
    } else if (SOURCE.test(p) && !DECLARATION.test(p)) {
      out.add(path.resolve(p));
    } else if (explicit) {
      throw new Error(`not a TypeScript source file: ${p}`);
    }
  };
  for (const input of inputs) visit(input, true);
  return [...out];
}

/** The folder that contains all the given files (their common ancestor). */
export function commonRoot(files: readonly string[]): string {
  if (files.length === 0) return process.cwd();
  let root = path.dirname(files[0]!);
  for (const f of files) while (!(f + path.sep).startsWith(root.endsWith(path.sep) ? root : root + path.sep)) root = path.dirname(root);
  return root;
}

/** Compiler options from a tsconfig.json (the given one, or the nearest above the first file), else tsomp's defaults. */
export function compilerOptions(files: readonly string[], project?: string): ts.CompilerOptions {
  const config = project ?? (files[0] ? ts.findConfigFile(path.dirname(files[0]), ts.sys.fileExists) : undefined);
  if (!config) return DEFAULT_COMPILER_OPTIONS;
  const read = ts.readConfigFile(config, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, path.dirname(config));
  return { ...parsed.options, noEmit: true, skipLibCheck: true };
}

/** The program's own TypeScript sources: the files it was given and every one they import, outside node_modules. */
export function localSources(program: ts.Program): string[] {
  return ownSourceFiles(program).map((f) => path.resolve(f.fileName));
}

/** A compiled set of files, with the name each is shown by. */
export interface CompiledFiles {
  readonly program: ts.Program;
  readonly results: readonly CompileResult[];
}

/**
 * Compiles the given source files as one program (so that data can be followed across modules),
 * naming each file relative to `cwd` in diagnostics and generated code.
 */
export function compileFiles(files: readonly string[], options: CompileOptions & { project?: string; cwd?: string } = {}): CompiledFiles {
  return compileInProgram(createProgram(files, compilerOptions(files, options.project)), files, options);
}

/**
 * Compiles the given source files and every local TypeScript module they import (so that a
 * built program is complete), as one program. `files` of the result lists them in the order of
 * `results`.
 */
export function compileWithImports(files: readonly string[], options: CompileOptions & { project?: string; cwd?: string } = {}): CompiledFiles & { files: string[] } {
  const program = createProgram(files, compilerOptions(files, options.project));
  const all = withImports(program, files);
  return { ...compileInProgram(program, all, options), files: all };
}

/** The given files that `program` holds (a watched file may have gone), then the local modules they import. */
export function withImports(program: ts.Program, files: readonly string[]): string[] {
  return [...new Set([...files.filter((f) => program.getSourceFile(f)), ...localSources(program)])];
}

/** Compiles `files` of an existing program. */
export function compileInProgram(program: ts.Program, files: readonly string[], options: CompileOptions & { cwd?: string } = {}): CompiledFiles {
  const cwd = options.cwd ?? process.cwd();
  const inputs = files.map((f) => ({ sourceFile: program.getSourceFile(f)!, file: displayName(f, cwd) }));
  return { program, results: compile(program, inputs, options) };
}

/** A path as users see it in messages: relative to `cwd` when inside it, with forward slashes. */
export function displayName(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? file : relative).split(path.sep).join("/");
}
