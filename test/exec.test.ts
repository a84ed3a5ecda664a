import { describe } from "vitest";
import { execCases } from "./helpers/exec-suite.js";

/** The exec fixtures of the language's features (see execCases); the OpenMP validation ports are in exec-validation.test.ts. */
describe("exec", () => execCases((name) => !name.startsWith("exec/omp-")));
