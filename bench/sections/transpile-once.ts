/**
 * Transforms one file with tsomp's compiler API in a fresh process and prints how long it took,
 * TypeScript already loaded: creating the program (parsing and binding the file and the libraries
 * its tsconfig.json names), analysing, planning and printing. Run by transpile.ts.
 *
 *   node dist/bench/sections/transpile-once.js <file.ts>
 */
import { compile, createProgram } from "../../src/index.js";
import { compilerOptions } from "../../transforms/project.js";

const file = process.argv[2]!;
const start = performance.now();
const program = createProgram([file], compilerOptions([file]));
const [result] = compile(program, [{ sourceFile: program.getSourceFile(file)!, file }]);
const ms = performance.now() - start;
if (!result?.code || result.diagnostics.length > 0) throw new Error(`the generated module did not compile cleanly (${result?.diagnostics.length} diagnostics)`);
console.log(`RESULT ${JSON.stringify({ ms })}`);
