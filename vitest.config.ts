import { defineConfig } from "vitest/config";

export default defineConfig({
  // One copy of graphql for CJS and ESM importers (else "another module or realm").
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 240_000, fileParallelism: false } },
    ],
    env: { NODE_ENV: "test", APOLLO_TELEMETRY_DISABLED: "1" },
  },
});
