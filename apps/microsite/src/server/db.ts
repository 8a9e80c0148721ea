import { createDatabase, type Database, parseAuditKek } from "@purposeful/db";
import { assertProductionSecrets, env } from "../env";

// The app owns the pool; it is opened on first use, never at import time or during `next build`.
const globalForDb = globalThis as unknown as { purposefulMicrositeDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  if (!globalForDb.purposefulMicrositeDb) {
    const url = env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    assertProductionSecrets();
    // The audit KEK travels with the handle to the audit functions (packages read no environment).
    const auditKek = env.AUDIT_KEK ? parseAuditKek(env.AUDIT_KEK) : undefined;
    globalForDb.purposefulMicrositeDb = createDatabase(
      { driver: "postgres", url, poolMax: 5 },
      { auditKek },
    ).then((handle) => handle.db);
  }
  return globalForDb.purposefulMicrositeDb;
}
