import { describe } from "vitest";
import { execCases } from "./helpers/exec-suite.js";

/**
 * The OpenMP validation tests (fixtures/exec/omp-*), ported from the LLVM runtime tests and
 * Pythran's openmp.legacy: each computes something in parallel and checks it (see execCases).
 * Through tsc they run as ES modules only (the other exec cases cover CommonJS), to keep the
 * suite's time.
 */
describe("exec: OpenMP validation tests", () => execCases((name) => name.startsWith("exec/omp-"), ["esm"]));
