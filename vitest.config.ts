import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Suites load the KB and ingest fixtures before their tests: slow on a busy 2-core machine.
    hookTimeout: 120_000,
    pool: "forks",
  },
});
