#!/usr/bin/env node
/** The tsomp command line: commander wiring only; the commands live in transforms/commands. */
import { Command, Option } from "commander";
import { build } from "../transforms/commands/build.js";
import { check } from "../transforms/commands/check.js";
import { run } from "../transforms/commands/run.js";
import { watch } from "../transforms/commands/watch.js";
import { reportError } from "../transforms/report-error.js";

const program = new Command("tsomp")
  .description("OpenMP for TypeScript: compile `// @omp` loops to run on all cores")
  .version("0.1.0")
  .showHelpAfterError()
  .enablePositionalOptions();

const format = new Option("--format <format>", "how to print diagnostics").choices(["pretty", "json"]).default("pretty");

program
  .command("build")
  .description("transform files and folders into --out-dir, mirroring their tree")
  .argument("<paths...>", "TypeScript files and folders")
  .requiredOption("-o, --out-dir <dir>", "where to write the output")
  .option("--js", "write ES-module JavaScript (.js and .js.map) instead of TypeScript")
  .option("-p, --project <tsconfig>", "the tsconfig.json to take compiler options from")
  .option("--no-shared-alloc", "do not allocate typed arrays that reach parallel loops on shared memory")
  .option("--runtime <specifier>", "the module generated code imports the runtime from", "tsomp/runtime")
  .addOption(format)
  .addOption(new Option("-w, --watch", "keep running, and build again when a source file changes").conflicts("format"))
  .action((paths: string[], o) => {
    const options = { outDir: o.outDir, js: o.js, project: o.project, sharedAlloc: o.sharedAlloc, runtime: o.runtime, format: o.format };
    exit(() => (o.watch ? watch(paths, options) : build(paths, options)));
  });

program
  .command("check")
  .description("report diagnostics only: exit 1 on any error, 0 with warnings only")
  .argument("<paths...>", "TypeScript files and folders")
  .option("-p, --project <tsconfig>", "the tsconfig.json to take compiler options from")
  .addOption(format)
  .action((paths: string[], o) => exit(() => check(paths, { project: o.project, format: o.format })));

program
  .command("run")
  .description("transform a program and run it with node; arguments after the file pass through")
  .argument("<entry>", "the TypeScript file to run")
  .argument("[args...]", "arguments for the program")
  .option("-p, --project <tsconfig>", "the tsconfig.json to take compiler options from")
  .passThroughOptions()
  .action((entry: string, args: string[], o) => exit(() => run(entry, args, { project: o.project })));

/** Runs a command and sets the exit code; a problem with the input is one line, not a stack trace. */
function exit(command: () => number): void {
  try {
    process.exitCode = command();
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

program.parse();
