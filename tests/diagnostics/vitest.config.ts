import { defineConfig } from "vitest/config";

// Runs the diagnostics and fuzz suites on their own until the bugs they expose are fixed
// (then they move back into the main config's include).
export default defineConfig({
  test: { include: ["tests/diagnostics/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 300_000, pool: "forks" },
});
