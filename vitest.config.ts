import { defineConfig } from "vitest/config";

export default defineConfig({
  // src/typescript.cts loads TypeScript with require (see there), which vite's module runner cannot
  // run; tests that import the sources get the package directly (the built CLI runs the .cts).
  resolve: { alias: [{ find: /^(?:\.\.?\/)+(?:src\/)?typescript\.cjs$/, replacement: "typescript" }] },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    maxWorkers: 2,
    // Test files share their worker's modules, so TypeScript and the compiler load once per worker
    // rather than once per file (about 30 s of the suite). No test changes the state of a module it
    // imports: programs under test run in child processes.
    isolate: false,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: ".tmp/test-results.json" },
  },
});
