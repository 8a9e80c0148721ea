// Starts both built apps through the same launcher as `npm start`, on a database of their own
// (a fresh database on the server when DATABASE_URL is set, else a fresh embedded PGlite folder),
// runs Playwright against them, and cleans up.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServerDatabase, dropServerDatabase } from "@purposeful/db/testing";

const root = resolve(import.meta.dirname, "..");
// Ports can be moved (E2E_PORTAL_PORT, E2E_MICROSITE_PORT, E2E_PGLITE_PORT) when two runs share a machine.
const portalPort = Number(process.env.E2E_PORTAL_PORT ?? 3100);
const micrositePort = Number(process.env.E2E_MICROSITE_PORT ?? 3101);
const dataDir = mkdtempSync(join(tmpdir(), "purposeful-e2e-"));
const serverUrl = process.env.DATABASE_URL;
const databaseUrl = serverUrl ? await createServerDatabase(serverUrl, "e2e") : undefined;

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // The suite signs in far more often from one address than the sign-in rate limit allows.
  AUTH_RATE_LIMIT: "off",
  // Known to the suite, so it can call the scheduled routes as a scheduler would.
  CRON_SECRET: process.env.CRON_SECRET ?? randomBytes(24).toString("base64url"),
  PURPOSEFUL_DATA_DIR: dataDir,
  PGLITE_PORT: process.env.E2E_PGLITE_PORT ?? "54399",
  PORTAL_PORT: String(portalPort),
  MICROSITE_PORT: String(micrositePort),
  PORTAL_URL: `http://localhost:${portalPort}`,
  MICROSITE_URL: `http://localhost:${micrositePort}`,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};

const apps = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts")], {
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
const ready = new Promise<void>((done, fail) => {
  apps.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes("Press Ctrl+C")) done();
  });
  apps.on("exit", (code) => fail(new Error(`the apps exited early with code ${code}`)));
});

let exitCode = 1;
try {
  await ready;
  exitCode = await new Promise<number>((done) => {
    const playwright = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], {
      env,
      stdio: "inherit",
      cwd: import.meta.dirname,
    });
    playwright.on("exit", (code) => done(code ?? 1));
  });
} finally {
  if (apps.exitCode === null) {
    const exited = new Promise((done) => apps.once("exit", done));
    apps.kill("SIGTERM");
    await exited;
  }
  if (databaseUrl) await dropServerDatabase(databaseUrl);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
