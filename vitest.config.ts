import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    maxWorkers: 2,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: ".tmp/test-results.json" },
  },
});
