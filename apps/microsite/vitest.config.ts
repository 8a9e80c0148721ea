import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // `next start` on a cold machine can take a few seconds before it answers.
    hookTimeout: 60_000,
    testTimeout: 20_000,
  },
});
