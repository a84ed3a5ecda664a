import { describe } from "vitest";
import { execCases } from "./helpers/exec-suite.js";

/**
 * The OpenMP validation tests (fixtures/exec/omp-*), ported from the LLVM runtime tests and
 * Pythran's openmp.legacy: each computes something in parallel and checks it (see execCases).
 * They are not run again through tsc, to keep the suite's time: tsc/fixtures.test.ts checks that
 * both printers emit the same JavaScript for them, token for token, and the other exec cases run
 * the tsc output as ES modules and CommonJS.
 */
describe("exec: OpenMP validation tests", () => execCases((name) => name.startsWith("exec/omp-"), () => []));
