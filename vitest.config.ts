import { defineConfig } from "vitest/config";

export default defineConfig({
  // One copy of graphql for CJS and ESM importers (else "another module or realm").
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    globalSetup: ["tests/support/compile-runtime.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 240_000 } },
    ],
    // A log line per request from a hub or subgraph in the test's process would bury the report; tests that read logs start processes with their own LOG_LEVEL.
    // Processes a test starts run compiled, as npm start runs them (tests/support/compile-runtime.ts).
    env: { NODE_ENV: "test", APOLLO_TELEMETRY_DISABLED: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", HUB_RUNTIME: "compiled" },
    // Two files at a time, also on a 2-core machine: each e2e file starts its own hub and spends much of its time
    // waiting (a browser, a subprocess, a poll). Files that need PostgreSQL to themselves make their own database.
    maxWorkers: 2,
  },
});
