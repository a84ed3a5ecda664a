import { defineConfig } from "vitest/config";

export default defineConfig({
  // src/typescript.cts loads TypeScript with require (see there), which vite's module runner cannot
  // run; tests that import the sources get the package directly (the built CLI runs the .cts).
  resolve: { alias: [{ find: /^(?:\.\.?\/)+(?:src\/)?typescript\.cjs$/, replacement: "typescript" }] },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    maxWorkers: 2,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: ".tmp/test-results.json" },
  },
});
