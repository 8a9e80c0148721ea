import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig } from "vitest/config";

// Route handlers and server modules import "server-only", which throws outside React Server
// Components; tests run them on the server, so they get the package's own empty module.
const serverOnly = join(dirname(createRequire(import.meta.url).resolve("server-only")), "empty.js");

export default defineConfig({
  resolve: { alias: { "server-only": serverOnly } },
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
