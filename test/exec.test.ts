import fs from "node:fs";
import path from "node:path";
import { describe } from "vitest";
import { FIXTURES } from "./helpers/fixture-files.js";
import { execCases } from "./helpers/exec-suite.js";

/** The exec fixtures of the language's features (see execCases); the OpenMP validation ports are in exec-validation.test.ts. */
/**
 * Cases about modules (imports, module-level state, classes, errors across threads) also run
 * through tsc as CommonJS; the rest, whose CommonJS output differs from the ES module one only in
 * its header, as ES modules.
 */
const commonJsMatters = (name: string) =>
  fs.readFileSync(path.join(FIXTURES, name, "input.ts"), "utf8").includes("import ") || /module|class|data-sharing|exception|enum|imported|shared|nested/.test(name);

describe("exec", () => execCases((name) => !name.startsWith("exec/omp-"), (name) => (commonJsMatters(name) ? ["esm", "commonjs"] : ["esm"])));
