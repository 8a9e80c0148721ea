import { defineConfig } from "vitest/config";

// A fresh in-memory PGlite per file takes several seconds on a busy machine.
export default defineConfig({ test: { include: ["src/**/*.test.{ts,tsx}"], hookTimeout: 60_000 } });
