import "server-only";
import { createDatabase, type Database, parseAuditKek } from "@purposeful/db";
import { assertProductionSecrets, env, requireEnv } from "../env";

// The app owns the pool; it is opened on first use, never during `next build`.
const globalForDb = globalThis as unknown as { purposefulDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  assertProductionSecrets();
  // The audit KEK travels with the handle to the audit functions (packages read no environment).
  globalForDb.purposefulDb ??= createDatabase(
    { driver: "postgres", url: requireEnv("DATABASE_URL") },
    { auditKek: env.AUDIT_KEK ? parseAuditKek(env.AUDIT_KEK) : undefined },
  ).then((handle) => handle.db);
  return globalForDb.purposefulDb;
}
