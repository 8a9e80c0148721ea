// `npm start`: one command for a laptop. Uses DATABASE_URL when set; otherwise an embedded
// PGlite under .data/ served on a local port, so both apps share it as they would a server.
// Migrates, seeds demo data on first start (never into a production DATABASE_URL), starts the
// portal and the microsite, prints sign-ins.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createDatabase, migrateToLatest, parseAuditKek } from "@purposeful/db";
import { localSecret as secretIn } from "@purposeful/db/cli-env";
import { startEmbeddedServer } from "@purposeful/db/embedded-server";
import { demoSeedDecisionForEnv, seedDemoIfAllowed } from "@purposeful/db/seed";
import { hashPassword } from "better-auth/crypto";
import { Cron } from "croner";

const root = resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({ options: { dev: { type: "boolean", default: false } } });
const env = process.env;
const portalPort = Number(env.PORTAL_PORT ?? 3000);
const micrositePort = Number(env.MICROSITE_PORT ?? 3001);
const dataDir = resolve(env.PURPOSEFUL_DATA_DIR ?? join(root, ".data"));
mkdirSync(dataDir, { recursive: true });

/** A secret generated once per data folder, so sessions survive restarts (the tools read the same files). */
const localSecret = (name: string) => secretIn(dataDir, name);
// Wraps the per-person audit keys: the seed below, both apps and the tools must use the same one.
const auditKek = env.AUDIT_KEK ?? localSecret("audit-kek");

const children: ChildProcess[] = [];
let stopEmbedded: (() => Promise<void>) | undefined;
let stopping = false;
async function shutdown(code = 0): Promise<never> {
  stopping = true;
  // The apps first, so that no open connection sees the database go away under it.
  await Promise.all(
    children
      .filter((child) => child.exitCode === null)
      .map((child) => new Promise((done) => child.once("exit", done).kill("SIGTERM"))),
  );
  await stopEmbedded?.();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

let databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  const embedded = await startEmbeddedServer({
    dataDir: join(dataDir, "pglite"),
    port: Number(env.PGLITE_PORT ?? 54329),
  });
  stopEmbedded = embedded.stop;
  databaseUrl = embedded.url;
}

const handle = await createDatabase(
  { driver: "postgres", url: databaseUrl, poolMax: 2 },
  { auditKek: parseAuditKek(auditKek) },
);
await migrateToLatest(handle.db);
// Demo data on the embedded database or a development server, never into a production database.
const demo = await seedDemoIfAllowed(handle.db, demoSeedDecisionForEnv(env), {
  now: new Date(),
  hashPassword,
  onSeeding: () => console.info("Seeding demo data (first start)…"),
});
await handle.close();

const portalUrl = env.PORTAL_URL ?? `http://localhost:${portalPort}`;
const micrositeUrl = env.MICROSITE_URL ?? `http://localhost:${micrositePort}`;
const appEnv = {
  ...env,
  DATABASE_URL: databaseUrl,
  PORTAL_URL: portalUrl,
  MICROSITE_URL: micrositeUrl,
  PUBLIC_MICROSITE_URL: micrositeUrl,
  BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? localSecret("auth"),
  CRON_SECRET: env.CRON_SECRET ?? localSecret("cron"),
  LINK_SECRET: env.LINK_SECRET ?? localSecret("link"),
  SUPPRESSION_SECRET: env.SUPPRESSION_SECRET ?? localSecret("suppression"),
  AUDIT_KEK: auditKek,
};
const nextBin = createRequire(join(root, "apps/portal/package.json")).resolve("next/dist/bin/next");
// Gives the apps the socket's address in a header only the server can set (client addresses, #11).
const peerAddress = pathToFileURL(join(root, "packages/db/src/net/peer-address.mjs")).href;
for (const [app, port] of [
  ["portal", portalPort],
  ["microsite", micrositePort],
] as const) {
  const child = spawn(
    process.execPath,
    ["--import", peerAddress, nextBin, args.dev ? "dev" : "start", "--port", String(port)],
    {
      cwd: join(root, "apps", app),
      env: { ...appEnv, NODE_ENV: args.dev ? "development" : "production" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  child.on("exit", (code) => {
    if (stopping) return;
    console.error(`${app} exited with code ${code}`);
    void shutdown(code ?? 1);
  });
  children.push(child);
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  throw new Error(`${url} did not answer`);
}
await Promise.all([waitFor(`${portalUrl}/sign-in`), waitFor(micrositeUrl)]);

// The scheduled routes, called exactly as a hosted scheduler calls them (apps/portal/vercel.json).
// `protect` skips a tick while the previous call still runs; a failure is one log line, no crash.
const jobs = [
  { route: "outbox", pattern: "*/15 * * * * *" },
  { route: "traffic-lights", pattern: "0 * * * * *" },
  { route: "rate-limits", pattern: "0 17 * * * *" },
  { route: "jobs", pattern: "*/5 * * * * *" },
  // Daily signed head of the audit chain, mailed to the DPO (hosted: 03:00 UTC, vercel.json).
  { route: "audit-checkpoint", pattern: "0 0 3 * * *" },
  // Daily retention run: due persons erased or queued for the DPO (hosted: 02:30 UTC, vercel.json).
  { route: "retention", pattern: "0 30 2 * * *" },
  // Deadline reminders for requests, incidents and follow-ups (hosted: every 15 minutes, vercel.json).
  { route: "deadlines", pattern: "0 */15 * * * *" },
];
for (const job of jobs) {
  new Cron(job.pattern, { name: job.route, protect: true, unref: true }, async () => {
    if (stopping) return;
    try {
      const response = await fetch(`${portalUrl}/api/cron/${job.route}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${appEnv.CRON_SECRET}` },
        signal: AbortSignal.timeout(60_000),
      });
      if (!response.ok)
        console.error(`cron ${job.route}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    } catch (error) {
      console.error(`cron ${job.route}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

console.info(`
Purposeful is running${env.DATABASE_URL ? "" : ` on embedded PostgreSQL (PGlite, data in ${dataDir})`}:
  Portal (staff):        ${portalUrl}
  Microsite (public):    ${micrositeUrl}

${signInHint()}

Press Ctrl+C to stop.`);

function signInHint(): string {
  if (demo.signIns.length > 0)
    return `Demo sign-ins (password for all: ${demo.password}):\n${demo.signIns.map((s) => `  ${s.role.padEnd(10)} ${s.email}`).join("\n")}`;
  if (!demo.hasStaff) return "No staff account yet: npm run admin:create -- --email you@example.com";
  return "Sign in with your staff account.";
}
