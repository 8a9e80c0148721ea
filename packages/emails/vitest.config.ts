import { defineConfig } from "vitest/config";

// A fresh in-memory PGlite per file takes several seconds on a busy machine, and so does laying out
// a PDF of letters (react-pdf is CPU-bound): generous time limits, no timed assertions.
export default defineConfig({
  test: { include: ["src/**/*.test.{ts,tsx}"], hookTimeout: 60_000, testTimeout: 60_000 },
});
