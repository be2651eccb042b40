import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "testing/tests/**/*.test.ts"],
    // Each differential case compiles a program and runs it under six shells: give them room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // Rebuilds dist/ when a source is newer: the CLI tests run what ships.
    globalSetup: ["tests/global-setup.ts"],
  },
});
