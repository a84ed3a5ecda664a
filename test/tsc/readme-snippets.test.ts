import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixture-files.js";
import { runNode } from "../helpers/run-node.js";
import { tempProject } from "../helpers/temp-project.js";
import { linkPackage } from "../helpers/tsc-case.js";

/** The code block that follows `<!-- snippet: name -->` in the README. */
function snippet(name: string): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const at = readme.indexOf(`<!-- snippet: ${name} -->`);
  if (at < 0) throw new Error(`README.md has no snippet ${name}`);
  const block = /```\w*\n([\s\S]*?)```/.exec(readme.slice(at));
  return block![1]!;
}

const kernel = `export function scale(a: Float64Array, k: number): void {
  // @omp parallel for schedule(dynamic, 16)
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * k;
}
`;
const main = `import { scale } from "./kernel.js";
const a = new Float64Array(1000);
for (let i = 0; i < a.length; i++) a[i] = i;
scale(a, 3);
let sum = 0;
for (let i = 0; i < a.length; i++) sum += a[i]!;
console.log("sum", sum);
`;
const EXPECTED = "sum 1498500\n";
/** A loop whose only diagnostic is a warning (OMP1014, a '-' reduction), which must not fail a tspc build. */
const warningOnly = `export function minus(a: Float64Array): number {
  let s = 0;
  // @omp parallel for reduction(-:s)
  for (let i = 0; i < a.length; i++) s -= a[i]!;
  return s;
}
`;

/** A project with tsomp installed (linked), the README's tsconfig.json, and a kernel and a main module in src/. */
function project(name: string): string {
  const dir = tempProject(name, { "package.json": `{ "type": "module" }\n`, "tsconfig.json": snippet("tsconfig.json"), "src/kernel.ts": kernel, "src/main.ts": main });
  linkPackage(dir);
  return dir;
}

/** The compiler options of a project's tsconfig.json. */
function projectOptions(dir: string): ts.CompilerOptions {
  return ts.getParsedCommandLineOfConfigFile(path.join(dir, "tsconfig.json"), undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!.options;
}

/** Runs a built main module on two threads and checks that it prints what the sequential program prints. */
async function expectRuns(file: string, stderr: RegExp | "" = ""): Promise<void> {
  const run = await runNode([file], { OMP_NUM_THREADS: "2" });
  expect(run.stdout, run.stderr).toBe(EXPECTED);
  if (stderr === "") expect(run.stderr).toBe("");
  else expect(run.stderr).toMatch(stderr);
}

/** Writes files emitted by a language service (as ts-loader and ts-jest drive one), with the transformers it is given. */
function emitWithLanguageService(dir: string, options: ts.CompilerOptions, transformers: (service: ts.LanguageService) => ts.CustomTransformers): void {
  const files = ["src/kernel.ts", "src/main.ts"].map((f) => path.join(dir, f));
  let service: ts.LanguageService;
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => files,
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => (fs.existsSync(f) ? ts.ScriptSnapshot.fromString(fs.readFileSync(f, "utf8")) : undefined),
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    getCustomTransformers: () => transformers(service),
  };
  service = ts.createLanguageService(host);
  for (const file of files) for (const out of service.getEmitOutput(file).outputFiles) writeFile(out.name, out.text);
}

/** Transpiles each file on its own, as ts-loader's transpileOnly and ts-jest's isolatedModules do. */
function transpileEach(dir: string, options: ts.CompilerOptions, transformers: ts.CustomTransformers): void {
  for (const name of ["kernel", "main"]) {
    const file = path.join(dir, "src", `${name}.ts`);
    const out = ts.transpileModule(fs.readFileSync(file, "utf8"), { fileName: file, compilerOptions: options, transformers });
    writeFile(path.join(options.outDir!, `${name}.js`), out.outputText);
  }
}

function writeFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** CommonJS output of a project, in a folder marked as CommonJS. */
function commonJsOptions(dir: string, outDir: string): ts.CompilerOptions {
  writeFile(path.join(dir, outDir, "package.json"), `{ "type": "commonjs" }\n`);
  return { ...projectOptions(dir), module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Bundler, outDir: path.join(dir, outDir) };
}

/**
 * The README's snippets for each way into the TypeScript compiler, run as written: the tsconfig
 * plugin under ts-patch's tspc, the programmatic build script, and the ts-loader and ts-jest
 * configurations driven the way those tools call them (a language service, or transpileModule
 * without a program).
 */
describe("README snippets for tsomp/tsc", () => {
  it("build.mjs builds a parallel program with program.emit", async () => {
    const dir = project("snippet-build");
    fs.writeFileSync(path.join(dir, "build.mjs"), snippet("build.mjs"));
    const build = await runNode([path.join(dir, "build.mjs")], {}, 60_000, dir);
    expect(build.code, build.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, "out/kernel.js"), "utf8")).toContain("__omp.parallelFor(__omp_regions, 0");
    expect(fs.readFileSync(path.join(dir, "out/main.js"), "utf8")).toContain("__omp.sharedArray(Float64Array, 1000)");
    await expectRuns(path.join(dir, "out/main.js"));
  });

  it("the tsconfig plugin works under ts-patch's tspc, a warning does not fail the build, and a clause error fails it like a tsc error", async () => {
    const dir = project("snippet-tspc");
    const tspc = path.join(ROOT, "node_modules/ts-patch/bin/tspc.js");
    fs.writeFileSync(path.join(dir, "src/kernel.ts"), `${kernel}${warningOnly}`);
    const warned = await runNode([tspc, "-p", dir], {}, 60_000, dir);
    expect(warned.code, warned.stdout + warned.stderr).toBe(0);
    expect(warned.stderr).toContain("src/kernel.ts(7,34): warning OMP1014:");
    await expectRuns(path.join(dir, "out/main.js"));
    fs.writeFileSync(path.join(dir, "src/kernel.ts"), kernel.replace("schedule(dynamic, 16)", "schedule(dynamic, 16) privte(x)"));
    const failed = await runNode([tspc, "-p", dir], {}, 60_000, dir);
    expect(failed.code).not.toBe(0);
    expect(failed.stdout).toContain("src/kernel.ts(2,46): error TS991004: OMP1004: Unknown clause 'privte' on 'parallel for'. Did you mean 'private'?");
  });

  it("webpack.config.cjs gives ts-loader the transformer, with a program and with transpileOnly", async () => {
    const dir = project("snippet-ts-loader");
    fs.writeFileSync(path.join(dir, "webpack.config.cjs"), snippet("webpack.config.cjs"));
    const config = createRequire(path.join(dir, "webpack.config.cjs"))("./webpack.config.cjs") as { module: { rules: { options: { getCustomTransformers: (program?: ts.Program, getProgram?: () => ts.Program | undefined) => ts.CustomTransformers } }[] } };
    const { getCustomTransformers } = config.module.rules[0]!.options;
    emitWithLanguageService(dir, projectOptions(dir), (service) => getCustomTransformers(service.getProgram(), () => service.getProgram()));
    await expectRuns(path.join(dir, "out/main.js"));
    transpileEach(dir, commonJsOptions(dir, "out-transpiled"), getCustomTransformers());
    await expectRuns(path.join(dir, "out-transpiled/main.js"), /OMP4006/);
  });

  it("jest.config.cjs gives ts-jest the transformer, with its language service and with isolatedModules, as CommonJS", async () => {
    const dir = project("snippet-ts-jest");
    fs.writeFileSync(path.join(dir, "jest.config.cjs"), snippet("jest.config.cjs"));
    const requireHere = createRequire(path.join(dir, "jest.config.cjs"));
    const config = requireHere("./jest.config.cjs") as { transform: Record<string, [string, { astTransformers: { before: string[] } }]> };
    const [, tsJest] = Object.values(config.transform)[0]!;
    const transformer = requireHere(tsJest.astTransformers.before[0]!) as { name: string; version: string; factory: (compiler: { program?: ts.Program }) => ts.TransformerFactory<ts.SourceFile> };
    expect(transformer.name).toBe("tsomp");
    expect(transformer.version).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
    const compiler: { program?: ts.Program } = {};
    emitWithLanguageService(dir, commonJsOptions(dir, "out-jest"), (service) => {
      compiler.program = service.getProgram();
      return { before: [transformer.factory(compiler)] };
    });
    expect(fs.readFileSync(path.join(dir, "out-jest/kernel.js"), "utf8")).toContain("__omp.commonJsMeta(__filename, require)");
    await expectRuns(path.join(dir, "out-jest/main.js"));
    transpileEach(dir, commonJsOptions(dir, "out-jest-isolated"), { before: [transformer.factory({})] });
    await expectRuns(path.join(dir, "out-jest-isolated/main.js"), /OMP4006/);
  });
});
