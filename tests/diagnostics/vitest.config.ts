import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Runs only the diagnostics suite, whatever the root config includes or excludes:
 *
 *   npx vitest run --config tests/diagnostics/vitest.config.ts
 */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["tests/diagnostics/**/*.test.ts"],
    exclude: ["**/node_modules/**", "tests/diagnostics/cases/**"],
    testTimeout: 120_000,
    pool: "forks",
  },
});
