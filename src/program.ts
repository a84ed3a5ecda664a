import path from "node:path";
import ts from "./typescript.cjs";

/** Compiler options for files compiled without a tsconfig.json: modern ESM TypeScript, as Node 20 runs it. */
export const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  types: [],
};

const libCache = new Map<string, ts.SourceFile>();

/**
 * A compiler host that reads from `overrides` first (in-memory files, by absolute path) and
 * otherwise from disk, and keeps TypeScript's own lib files parsed across programs.
 */
export function createHost(options: ts.CompilerOptions, overrides: ReadonlyMap<string, string> = new Map()): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = overrides.get(path.resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    const cacheable = path.dirname(path.resolve(fileName)) === libDir || fileName.includes(`${path.sep}node_modules${path.sep}@types${path.sep}`);
    const key = `${fileName}|${typeof languageVersion === "object" ? languageVersion.languageVersion : languageVersion}`;
    const cached = cacheable ? libCache.get(key) : undefined;
    if (cached) return cached;
    const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (file && cacheable) libCache.set(key, file);
    return file;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => overrides.has(path.resolve(f)) || fileExists(f);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => overrides.get(path.resolve(f)) ?? readFile(f);
  return host;
}

/** Creates a program over `rootNames`, some of which may exist only in `overrides`. */
export function createProgram(rootNames: readonly string[], options: ts.CompilerOptions = DEFAULT_COMPILER_OPTIONS, overrides?: ReadonlyMap<string, string>): ts.Program {
  return ts.createProgram({ rootNames: rootNames.map((r) => path.resolve(r)), options, host: createHost(options, overrides) });
}

/** The program's own TypeScript sources: not declaration files, TypeScript's libs or anything under node_modules. */
export function ownSourceFiles(program: ts.Program): ts.SourceFile[] {
  return program.getSourceFiles().filter((f) => !f.isDeclarationFile && !program.isSourceFileDefaultLibrary(f) && !program.isSourceFileFromExternalLibrary(f) && !f.fileName.split(/[\\/]/).includes("node_modules"));
}
