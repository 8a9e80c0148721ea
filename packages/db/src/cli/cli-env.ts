import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAuditKek } from "../audit/audit-kek.ts";
import type { DatabaseOptions, DatabaseTarget } from "../create-database.ts";

// The command-line tools read their environment here and nowhere else.
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { driver: "postgres", url: env.DATABASE_URL };
  return { driver: "pglite", dataDir: env.PGLITE_DATA_DIR ?? join(localDataDir(env), "pglite") };
}

/** `.data/` at the repository root, or PURPOSEFUL_DATA_DIR: where `npm start` keeps its data and secrets. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PURPOSEFUL_DATA_DIR ?? new URL("../../../../.data", import.meta.url).pathname;
}

/** A secret generated once per data folder (`<dataDir>/<name>.secret`), shared by the launcher and the tools. */
export function localSecret(dataDir: string, name: string): string {
  const file = join(dataDir, `${name}.secret`);
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * The audit key-encryption key for a tool's database handle: AUDIT_KEK, required in production;
 * elsewhere the local install's generated key, the one `npm start` gives the apps.
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.AUDIT_KEK) return { auditKek: parseAuditKek(env.AUDIT_KEK) };
  if (env.NODE_ENV === "production") throw new Error("AUDIT_KEK is required in production");
  return { auditKek: parseAuditKek(localSecret(localDataDir(env), "audit-kek")) };
}

export function serverUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** Where staff open the portal, for links in mails the tools write (PORTAL_URL). */
export function portalUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.PORTAL_URL ?? "http://localhost:3000";
}
